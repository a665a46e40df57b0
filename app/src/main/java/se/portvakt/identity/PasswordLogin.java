package se.portvakt.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.config.StorableText;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.organisation.StaffUser;

/**
 * Staff login by e-mail and password. Every refusal looks the same from outside, whatever its reason (no such
 * account, wrong password, account locked, address throttled, text no database stores): one answer, and one
 * password hash checked each time so that it takes about as long. Why it was refused goes to the audit log.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

    private final StaffDirectory staff;
    private final PasswordEncoder passwords;
    private final LoginFailures failures;
    private final AuditLog audit;
    /** Checked when there is no account, so that an unknown address costs what a known one does. */
    private final String standIn;

    PasswordLogin(StaffDirectory staff, PasswordEncoder passwords, LoginFailures failures, AuditLog audit) {
        this.staff = staff;
        this.passwords = passwords;
        this.failures = failures;
        this.audit = audit;
        this.standIn = passwords.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = StaffDirectory.normalise(String.valueOf(attempt.getPrincipal()));
        String password =
                attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Optional<StaffUser> account = StorableText.storable(email) && email.length() <= 320
                ? staff.byEmail(email).filter(user -> user.passwordHash() != null)
                : Optional.empty();
        boolean matches =
                passwords.matches(password, account.map(StaffUser::passwordHash).orElse(standIn));
        boolean throttled = failures.throttled(address);
        if (account.isEmpty()) {
            failures.failed(null, address);
            throw refused();
        }
        StaffUser user = account.get();
        boolean locked = failures.locked(user.id().value());
        if (matches && !throttled && !locked && user.enabled()) {
            failures.succeeded(user.id().value());
            audit.record(AuditEntry.of(user.organisationId(), AuditAction.LOGIN_SUCCEEDED, AuditActor.staff(user.id()))
                    .subject(user.id())
                    .evidence("PASSWORD", null, false));
            StaffPrincipal principal = new StaffPrincipal(user, false);
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        }
        failures.failed(user.id().value(), address);
        AuditAction action = throttled
                ? AuditAction.LOGIN_THROTTLED
                : locked
                        ? AuditAction.LOGIN_REFUSED_LOCKED
                        : failures.locked(user.id().value()) ? AuditAction.LOGIN_LOCKED : AuditAction.LOGIN_FAILED;
        // the client's address is personal data: it goes with the retention rules, not into the chain in clear
        audit.record(AuditEntry.of(user.organisationId(), action, AuditActor.staff(user.id()))
                .subject(user.id())
                .evidence("PASSWORD", null, false)
                .personal("address", address));
        throw refused();
    }

    private static BadCredentialsException refused() {
        return new BadCredentialsException("Login refused");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
