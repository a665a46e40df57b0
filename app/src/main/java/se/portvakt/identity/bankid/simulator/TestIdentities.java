package se.portvakt.identity.bankid.simulator;

import java.util.List;
import java.util.Optional;

/**
 * The people the simulator's phone app can identify as. Made-up persons with valid check digits: Skatteverket's
 * well-known test number 19121212-1212, an adult, a minor, an elderly person and a co-ordination number.
 */
public final class TestIdentities {

    /** One test person; the number is twelve digits, as BankID returns it. */
    public record TestPerson(String personalNumber, String givenName, String surname, String description) {

        String name() {
            return givenName + " " + surname;
        }

        /** YYYYMMDD-NNNN: test numbers may be shown in full, they belong to nobody. */
        String displayNumber() {
            return personalNumber.substring(0, 8) + "-" + personalNumber.substring(8);
        }
    }

    public static final TestPerson TOLVAN =
            new TestPerson("191212121212", "Tolvan", "Tolvansson", "Skatteverkets testperson");
    public static final TestPerson ANNA = new TestPerson("198003152462", "Anna", "Svensson", "vuxen, född 1980");
    public static final TestPerson ALVA = new TestPerson("201206092387", "Alva", "Andersson", "minderårig, född 2012");
    public static final TestPerson KARL = new TestPerson("194001011230", "Karl", "Karlsson", "äldre, född 1940");
    public static final TestPerson SAMIR = new TestPerson("199004621117", "Samir", "Nordin", "samordningsnummer");

    public static final List<TestPerson> ALL = List.of(TOLVAN, ANNA, ALVA, KARL, SAMIR);

    private TestIdentities() {}

    static Optional<TestPerson> byNumber(String personalNumber) {
        return ALL.stream()
                .filter(person -> person.personalNumber().equals(personalNumber))
                .findFirst();
    }
}
