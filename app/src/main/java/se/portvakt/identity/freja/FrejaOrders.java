package se.portvakt.identity.freja;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.config.SqlTime;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidProvider.EidProgress;
import se.portvakt.identity.EidProvider.EidProgress.Status;
import se.portvakt.identity.VerifiedPerson;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;

/** Table freja_order: our order id to Freja's authRef, the invited person and, once reached, the outcome. */
class FrejaOrders {

    private final JdbcClient jdbc;
    private final PinVault vault;
    private final Clock clock;
    private final Duration retention;
    private final boolean simulated;

    FrejaOrders(JdbcClient jdbc, PinVault vault, Clock clock, Duration retention, boolean simulated) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
        this.retention = retention;
        this.simulated = simulated;
    }

    /** @param outcome null while Freja has not given a final answer */
    record FrejaOrder(UUID id, String authRef, PersonalIdentityNumber expectedPerson, EidProgress outcome) {}

    UUID create(String authRef, PersonalIdentityNumber expectedPerson) {
        Instant now = clock.instant();
        // orders are short-lived; dropping the old ones as new ones come keeps the table small without a job
        jdbc.sql("delete from freja_order where created_at < ?")
                .param(SqlTime.of(now.minus(retention)))
                .update();
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into freja_order (id, auth_ref, expected_pin, status, created_at) values (?, ?, ?, 'PENDING', ?)")
                .params(id, authRef, expectedPerson == null ? null : vault.encrypt(expectedPerson), SqlTime.of(now))
                .update();
        return id;
    }

    Optional<FrejaOrder> find(String orderRef) {
        UUID id;
        try {
            id = UUID.fromString(orderRef);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return jdbc.sql("select * from freja_order where id = ? and created_at >= ?")
                .params(id, SqlTime.of(clock.instant().minus(retention)))
                .query((rs, row) -> {
                    String expected = rs.getString("expected_pin");
                    Status status = Status.valueOf(rs.getString("status"));
                    EidProgress outcome = null;
                    if (status != Status.PENDING) {
                        String pin = rs.getString("person_pin");
                        VerifiedPerson person = pin == null
                                ? null
                                : person(vault.decrypt(pin), rs.getString("given_name"), rs.getString("surname"));
                        outcome = new EidProgress(status, rs.getString("message_key"), person);
                    }
                    return new FrejaOrder(
                            rs.getObject("id", UUID.class),
                            rs.getString("auth_ref"),
                            expected == null ? null : vault.decrypt(expected),
                            outcome);
                })
                .optional();
    }

    /** Records the final outcome; only a PENDING order changes, so a late poll cannot overwrite a cancel. False: already ended. */
    boolean finish(UUID id, EidProgress outcome) {
        VerifiedPerson person = outcome.person();
        return jdbc.sql(
                                "update freja_order set status = ?, message_key = ?, person_pin = ?, given_name = ?, surname = ? "
                                        + "where id = ? and status = 'PENDING'")
                        .params(
                                outcome.status().name(),
                                outcome.messageKey(),
                                person == null ? null : vault.encrypt(person.personalIdentityNumber()),
                                person == null ? null : person.givenName(),
                                person == null ? null : person.surname(),
                                id)
                        .update()
                == 1;
    }

    VerifiedPerson person(PersonalIdentityNumber pin, String givenName, String surname) {
        return new VerifiedPerson(
                pin, (givenName + " " + surname).strip(), givenName, surname, EidMethod.FREJA, simulated);
    }
}
