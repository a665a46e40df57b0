package se.portvakt.identity;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import se.portvakt.audit.AuditLog;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditAction;
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
        staff.byEmail(email).ifPresent(user -> audit.record(AuditEntry.of(user.organisationId(),
                user.lockedAt(clock.instant()) ? AuditAction.LOGIN_LOCKED : AuditAction.LOGIN_FAILED,
                AuditActor.staff(user.id())).subject(user.id()).evidence("PASSWORD", null, false)));
    }

    @EventListener
    void refusedWhileLocked(AuthenticationFailureLockedEvent event) {
        String email = StaffDirectory.normalise(String.valueOf(event.getAuthentication().getPrincipal()));
        staff.byEmail(email).ifPresent(user ->
                audit.record(AuditEntry.of(user.organisationId(), AuditAction.LOGIN_REFUSED_LOCKED,
                        AuditActor.staff(user.id())).subject(user.id()).evidence("PASSWORD", null, false)));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof ApiKeyToken) {
            return;
        }
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
            staff.loginSucceeded(principal.getUsername());
            audit.record(AuditEntry.of(principal.organisationId(), AuditAction.LOGIN_SUCCEEDED,
                    AuditActor.staff(principal.id())).subject(principal.id()).evidence("PASSWORD", null, false));
        }
    }
}
