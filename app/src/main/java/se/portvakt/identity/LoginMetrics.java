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

    LoginMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        succeeded = outcome(registry, "succeeded");
        failed = outcome(registry, "failed");
        refusedLocked = outcome(registry, "locked");
        Gauge.builder("portvakt.staff.locked", () -> jdbc.sql("select count(*) from staff_user where locked_until > ?")
                        .param(SqlTime.of(clock.instant())).query(Long.class).single())
                .description("staff accounts locked now after failed logins").register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("portvakt.logins").tag("outcome", outcome)
                .description("password login attempts by outcome").register(registry);
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
