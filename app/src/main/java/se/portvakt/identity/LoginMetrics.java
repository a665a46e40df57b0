package se.portvakt.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;

/**
 * Staff password logins by outcome (this node's counters), and staff accounts locked now (the database's).
 * A wave of failures or lockouts is someone guessing passwords.
 */
@Component
class LoginMetrics {

    private final Counter succeeded;
    private final Counter failed;
    private final Counter refusedLocked;

    LoginMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock, LoginProperties properties) {
        succeeded = outcome(registry, "succeeded");
        failed = outcome(registry, "failed");
        refusedLocked = outcome(registry, "locked");
        // an account is locked while failures from maxFailures distinct addresses count (LoginFailures#locked)
        Gauge.builder(
                        "portvakt.staff.locked",
                        () -> jdbc.sql("""
                        select count(*) from (select staff_id from login_failure where staff_id is not null and failed_at > ?
                        group by staff_id having count(distinct address) >= ?) locked""")
                                .params(
                                        SqlTime.of(clock.instant().minus(properties.lockDuration())),
                                        properties.maxFailures())
                                .query(Long.class)
                                .single())
                .description("staff accounts locked now after failed logins")
                .register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("portvakt.logins")
                .tag("outcome", outcome)
                .description("password login attempts by outcome")
                .register(registry);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        succeeded.increment();
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        (event.getException() instanceof LockedException ? refusedLocked : failed).increment();
    }
}
