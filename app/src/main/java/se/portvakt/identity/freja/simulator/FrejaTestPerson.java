package se.portvakt.identity.freja.simulator;

import java.util.List;
import java.util.Optional;

/**
 * The simulator's fixed test identities. The numbers pass the Luhn check, so Portvakt takes them for real ones;
 * they are made up.
 *
 * @param registrationLevel Freja's BASIC, EXTENDED or PLUS; only PLUS (LoA 3) is accepted by Portvakt
 */
record FrejaTestPerson(String ssn, String name, String surname, String registrationLevel, String description) {

    static final List<FrejaTestPerson> ALL = List.of(
            new FrejaTestPerson("198001012387", "Anna", "Andersson", "PLUS", "vuxen, Freja eID Plus"),
            new FrejaTestPerson("196807123572", "Bertil", "Berg", "PLUS", "vuxen, Freja eID Plus"),
            new FrejaTestPerson(
                    "201203151467", "Cecilia", "Carlsson", "PLUS", "minderårig (född 2012), Freja eID Plus"),
            new FrejaTestPerson(
                    "197512244828",
                    "David",
                    "Dahl",
                    "EXTENDED",
                    "bara Freja eID Extended: Portvakt ska neka (kräver Plus)"));

    static Optional<FrejaTestPerson> bySsn(String ssn) {
        return ALL.stream().filter(person -> person.ssn().equals(ssn)).findFirst();
    }

    String dateOfBirth() {
        return ssn.substring(0, 4) + "-" + ssn.substring(4, 6) + "-" + ssn.substring(6, 8);
    }
}
