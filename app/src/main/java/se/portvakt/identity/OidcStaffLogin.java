package se.portvakt.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.ids.OrganisationId;
import se.portvakt.organisation.Organisation;
import se.portvakt.organisation.Organisations;
import se.portvakt.organisation.Role;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.organisation.StaffUser;

/**
 * Turns an identity provider's verified ID token (issuer, audience, expiry, signature and nonce already checked by
 * Spring Security) into a staff login of that provider's organisation, or refuses it. A provider vouches only for
 * its own organisation: an account of another organisation is never signed in through it, whatever the token says.
 */
@Component
class OidcStaffLogin implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String REFUSED = "/login?oidc-refused";
    static final String FAILED = "/login?oidc-error";
    private static final String CALLBACK = "/login/oauth2/code/";

    private final OidcProperties properties;
    private final Organisations organisations;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OidcStaffLogin(
            OidcProperties properties,
            Organisations organisations,
            StaffDirectory staff,
            AuditLog audit,
            TransactionTemplate transaction) {
        this.properties = properties;
        this.organisations = organisations;
        this.staff = staff;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Why a verified person was not let in. */
    enum Refusal {
        NO_ORGANISATION,
        NO_ACCOUNT_CLAIM,
        NOT_IN_GROUP,
        OTHER_ORGANISATION,
        UNKNOWN,
        DEACTIVATED
    }

    private record Outcome(StaffUser user, Refusal refusal) {}

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        String key = token.getAuthorizedClientRegistrationId();
        OidcUser person = (OidcUser) token.getPrincipal();
        Outcome outcome =
                transaction.execute(status -> admit(key, properties.providers().get(key), person.getClaims()));
        if (outcome.user() == null) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + REFUSED);
            return;
        }
        StaffPrincipal principal = new StaffPrincipal(outcome.user(), false);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + "/");
    }

    /** A token that failed its checks (issuer, audience, expiry, signature), or a state no session expects. */
    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String path = request.getRequestURI();
        String key = path.contains(CALLBACK) ? path.substring(path.indexOf(CALLBACK) + CALLBACK.length()) : null;
        OidcProperties.Provider provider =
                key == null ? null : properties.providers().get(key);
        OrganisationId organisationId = provider == null
                ? null
                : organisations
                        .byName(provider.organisation())
                        .map(Organisation::id)
                        .orElse(null);
        String error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : exception.getClass().getSimpleName();
        transaction.executeWithoutResult(
                status -> audit.record(AuditEntry.of(organisationId, AuditAction.LOGIN_OIDC_REFUSED, AuditActor.SYSTEM)
                        .evidence("OIDC", null, false)
                        .detail("provider", provider == null ? null : key)
                        .detail("error", error)));
        response.sendRedirect(request.getContextPath() + FAILED);
    }

    private Outcome admit(String key, OidcProperties.Provider provider, Map<String, Object> claims) {
        Optional<Organisation> organisation = organisations.byName(provider.organisation());
        if (organisation.isEmpty()) {
            return refuse(null, key, Refusal.NO_ORGANISATION, null);
        }
        OrganisationId organisationId = organisation.get().id();
        Object named = claims.get(provider.accountClaim());
        String account = named == null ? "" : named.toString().strip();
        if (account.isEmpty()) {
            return refuse(organisationId, key, Refusal.NO_ACCOUNT_CLAIM, null);
        }
        Optional<StaffUser> known = provider.accountMatch() == OidcProperties.AccountMatch.EMAIL
                ? staff.byEmail(account)
                : staff.byHsaId(account);
        if (known.isPresent() && !known.get().organisationId().equals(organisationId)) {
            return refuse(organisationId, key, Refusal.OTHER_ORGANISATION, account);
        }
        List<String> groups = groups(claims.get(provider.groupsClaim()));
        if (blank(provider.allowedGroup()) ? false : !groups.contains(provider.allowedGroup())) {
            return refuse(organisationId, key, Refusal.NOT_IN_GROUP, account);
        }
        Set<Role> roles = blank(provider.adminGroup())
                ? null
                : groups.contains(provider.adminGroup()) ? EnumSet.of(Role.HOST, Role.ADMIN) : EnumSet.of(Role.HOST);
        StaffUser user;
        if (known.isEmpty()) {
            Object email = claims.get("email");
            if (!provider.createHosts() || email == null || staff.emailTaken(email.toString())) {
                return refuse(organisationId, key, Refusal.UNKNOWN, account);
            }
            Object name = claims.getOrDefault("name", email);
            user = staff.addWithoutPassword(
                    organisationId, email.toString(), name.toString(), roles == null ? EnumSet.of(Role.HOST) : roles);
            if (provider.accountMatch() == OidcProperties.AccountMatch.HSA_ID) {
                staff.setHsaId(user.id(), account);
            }
            audit.record(AuditEntry.of(organisationId, AuditAction.STAFF_PROVISIONED, AuditActor.SYSTEM)
                    .subject(user.id())
                    .detail("provider", key)
                    .detail("roles", user.roles()));
        } else {
            user = known.get();
            if (!user.enabled()) {
                return refuse(organisationId, key, Refusal.DEACTIVATED, account);
            }
            if (roles != null && !roles.equals(user.roles())) {
                staff.setRoles(organisationId, user.id(), roles);
                audit.record(AuditEntry.of(organisationId, AuditAction.STAFF_ROLES_CHANGED, AuditActor.SYSTEM)
                        .subject(user.id())
                        .detail("from", user.roles())
                        .detail("to", roles)
                        .detail("provider", key));
                user = staff.byId(user.id()).orElseThrow();
            }
        }
        audit.record(AuditEntry.of(organisationId, AuditAction.LOGIN_OIDC, AuditActor.staff(user.id()))
                .subject(user.id())
                .evidence("OIDC", null, false)
                .detail("provider", key));
        return new Outcome(user, null);
    }

    private Outcome refuse(OrganisationId organisationId, String key, Refusal why, String account) {
        // the account the token named is personal data: erasable, outside the chain's clear text
        audit.record(AuditEntry.of(organisationId, AuditAction.LOGIN_OIDC_REFUSED, AuditActor.SYSTEM)
                .evidence("OIDC", null, false)
                .detail("provider", key)
                .detail("why", why)
                .personal("account", account));
        return new Outcome(null, why);
    }

    private static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(claim.toString().split("[,\\s]+"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
