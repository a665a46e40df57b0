package se.portvakt.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;

/**
 * Failed password logins of the last {@link LoginProperties#lockDuration()}, by client address and by account.
 * Invariant: a row older than the lock duration never counts, and is deleted by the next failure.
 */
@Component
class LoginFailures {

    /** The longest client address kept (an IPv6 address with a zone fits). */
    static final int MAX_ADDRESS = 64;

    private final JdbcClient jdbc;
    private final LoginProperties properties;
    private final Clock clock;

    LoginFailures(JdbcClient jdbc, LoginProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether this address failed so often lately that it gets no further try. */
    boolean throttled(String address) {
        return jdbc.sql("select count(*) from login_failure where address = ? and failed_at > ?")
                        .params(address(address), SqlTime.of(since()))
                        .query(Long.class)
                        .single()
                >= properties.maxFailuresPerAddress();
    }

    /** Whether wrong passwords from enough different addresses lately lock the account for everyone. */
    boolean locked(UUID staffId) {
        return jdbc.sql("select count(distinct address) from login_failure where staff_id = ? and failed_at > ?")
                        .params(staffId, SqlTime.of(since()))
                        .query(Long.class)
                        .single()
                >= properties.maxFailures();
    }

    /** Counts a failure from the address, against the account if there is one ({@code staffId} may be null). */
    void failed(UUID staffId, String address) {
        Instant now = clock.instant();
        jdbc.sql("delete from login_failure where failed_at <= ?")
                .param(SqlTime.of(since()))
                .update();
        jdbc.sql("insert into login_failure (staff_id, address, failed_at) values (?, ?, ?)")
                .params(staffId, address(address), SqlTime.of(now))
                .update();
    }

    /** After a login, earlier failures no longer count against the account; they still count for their address. */
    void succeeded(UUID staffId) {
        jdbc.sql("update login_failure set staff_id = null where staff_id = ?")
                .param(staffId)
                .update();
    }

    private Instant since() {
        return clock.instant().minus(properties.lockDuration());
    }

    private static String address(String address) {
        String known = address == null || address.isBlank() ? "unknown" : address;
        return known.length() > MAX_ADDRESS ? known.substring(0, MAX_ADDRESS) : known;
    }
}
