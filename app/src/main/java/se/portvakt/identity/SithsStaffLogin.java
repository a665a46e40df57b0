package se.portvakt.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.ids.OrganisationId;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.organisation.StaffUser;

/**
 * Turns a presented SITHS certificate into a staff login, or refuses it, and audits either. The certificate must
 * chain to a configured SITHS CA and be valid now; its HSA-id must be a staff member's. An unknown HSA-id never
 * creates an account. Neither handler writes the response: {@link SithsLoginController} answers.
 */
@Component
class SithsStaffLogin
        implements AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken>,
                AuthenticationSuccessHandler,
                AuthenticationFailureHandler {

    /** The request attribute holding this request's {@link SithsPresentation} (set by {@link SithsCardFilter}). */
    static final String PRESENTED = SithsStaffLogin.class.getName() + ".presented";

    private final SithsCertificates certificates;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    SithsStaffLogin(
            SithsProperties properties,
            Clock clock,
            StaffDirectory staff,
            AuditLog audit,
            TransactionTemplate transaction) {
        // a missing or unreadable CA file stops the start: better than a login button that refuses everyone
        this.certificates = properties.enabled() ? SithsCertificates.from(properties, clock) : null;
        this.staff = staff;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Why a card was not let in; {@link #shown} is what the login page tells the person. */
    enum Refusal {
        NO_CERTIFICATE("no-card"),
        UNTRUSTED_PROXY("refused"),
        EXPIRED("invalid"),
        NOT_YET_VALID("invalid"),
        UNTRUSTED("invalid"),
        REVOKED("invalid"),
        NO_HSA_ID("invalid"),
        UNKNOWN("unknown"),
        DEACTIVATED("refused");

        final String shown;

        Refusal(String shown) {
            this.shown = shown;
        }
    }

    /** A refused card, with what the audit record needs. */
    static final class Refused extends AuthenticationException {
        final Refusal why;
        final transient SithsPresentation presentation;
        final String hsaId;
        final OrganisationId organisationId;

        Refused(Refusal why, SithsPresentation presentation, String hsaId, OrganisationId organisationId) {
            super("SITHS sign-in refused: " + why);
            this.why = why;
            this.presentation = presentation;
            this.hsaId = hsaId;
            this.organisationId = organisationId;
        }
    }

    @Override
    public StaffPrincipal loadUserDetails(PreAuthenticatedAuthenticationToken token) {
        SithsPresentation presented = (SithsPresentation) token.getPrincipal();
        if (presented.route() == SithsPresentation.Route.UNTRUSTED_PROXY) {
            throw new Refused(Refusal.UNTRUSTED_PROXY, presented, null, null);
        }
        if (presented.chain() == null) {
            throw new Refused(Refusal.NO_CERTIFICATE, presented, null, null);
        }
        SithsCertificates.Verdict verdict = certificates.verify(presented.chain());
        if (verdict != SithsCertificates.Verdict.VALID) {
            throw new Refused(Refusal.valueOf(verdict.name()), presented, null, null);
        }
        String hsaId = SithsCertificates.hsaId(presented.certificate()).orElse(null);
        if (hsaId == null) {
            throw new Refused(Refusal.NO_HSA_ID, presented, null, null);
        }
        Optional<StaffUser> member = staff.byHsaId(hsaId);
        if (member.isEmpty()) {
            throw new Refused(Refusal.UNKNOWN, presented, hsaId, null);
        }
        if (!member.get().enabled()) {
            throw new Refused(
                    Refusal.DEACTIVATED, presented, hsaId, member.get().organisationId());
        }
        return new StaffPrincipal(member.get(), false);
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        StaffPrincipal principal = (StaffPrincipal) authentication.getPrincipal();
        SithsPresentation presented = (SithsPresentation) request.getAttribute(PRESENTED);
        // a login gets a new session id, as a password login does (session fixation)
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        transaction.executeWithoutResult(status -> audit.record(
                AuditEntry.of(principal.organisationId(), AuditAction.LOGIN_SITHS, AuditActor.staff(principal.id()))
                        .subject(principal.id())
                        .evidence("SITHS", null, false)
                        .detail("route", presented == null ? null : presented.route())
                        .detail(
                                "issuer",
                                presented == null
                                        ? null
                                        : presented
                                                .certificate()
                                                .getIssuerX500Principal()
                                                .getName())));
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) {
        Object why = exception instanceof Refused refused
                ? refused.why
                : exception.getClass().getSimpleName();
        SithsPresentation presented = exception instanceof Refused refused ? refused.presentation : null;
        OrganisationId organisationId = exception instanceof Refused refused ? refused.organisationId : null;
        String hsaId = exception instanceof Refused refused ? refused.hsaId : null;
        var certificate = presented == null ? null : presented.certificate();
        // the HSA-id and the card's name are personal data: erasable, outside the chain's clear text
        transaction.executeWithoutResult(status ->
                audit.record(AuditEntry.of(organisationId, AuditAction.LOGIN_SITHS_REFUSED, AuditActor.SYSTEM)
                        .evidence("SITHS", null, false)
                        .detail("why", why)
                        .detail("route", presented == null ? null : presented.route())
                        .personal(
                                "peer",
                                presented == null || presented.route() != SithsPresentation.Route.UNTRUSTED_PROXY
                                        ? null
                                        : presented.peer())
                        .detail(
                                "issuer",
                                certificate == null
                                        ? null
                                        : certificate.getIssuerX500Principal().getName())
                        .personal("hsaId", hsaId)
                        .personal(
                                "subject",
                                certificate == null
                                        ? null
                                        : certificate.getSubjectX500Principal().getName())));
    }
}
