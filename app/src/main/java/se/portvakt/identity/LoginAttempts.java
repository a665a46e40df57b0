package se.portvakt.identity;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import se.portvakt.audit.AuditLog;
import se.portvakt.identity.ApiKeyAuthentication.ApiKeyToken;
import se.portvakt.organisation.StaffDirectory;

/** Counts failed password logins, locks after too many, and writes every attempt to the audit log. */
@Component
class LoginAttempts {

    private final StaffDirectory staff;
    private final LoginProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    LoginAttempts(StaffDirectory staff, LoginProperties properties, AuditLog audit, Clock clock) {
        this.staff = staff;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String email = StaffDirectory.normalise(String.valueOf(event.getAuthentication().getPrincipal()));
        staff.loginFailed(email, properties.maxFailures(), clock.instant().plus(properties.lockDuration()));
        staff.byEmail(email).ifPresent(user -> audit.record(user.organisationId(), email,
                user.lockedAt(clock.instant()) ? "login.locked" : "login.failed", "password", null));
    }

    @EventListener
    void refusedWhileLocked(AuthenticationFailureLockedEvent event) {
        String email = StaffDirectory.normalise(String.valueOf(event.getAuthentication().getPrincipal()));
        staff.byEmail(email).ifPresent(user ->
                audit.record(user.organisationId(), email, "login.refused-locked", "password", null));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof ApiKeyToken) {
            return;
        }
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
            staff.loginSucceeded(principal.getUsername());
            audit.record(principal.organisationId(), principal.getUsername(), "login.succeeded", "password", null);
        }
    }
}
