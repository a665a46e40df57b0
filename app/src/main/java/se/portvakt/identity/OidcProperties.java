package se.portvakt.identity;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff sign-in with organisations' own identity providers (OpenID Connect), one entry per provider under
 * {@code portvakt.oidc.providers.<key>}; the key is the provider's name in Portvakt's addresses
 * ({@code /oauth2/authorization/<key>}, {@code /login/oauth2/code/<key>}). See docs/staff-login.md.
 *
 * @param providers the providers by key; none by default
 */
@ConfigurationProperties("portvakt.oidc")
record OidcProperties(@DefaultValue Map<String, Provider> providers) {

    /** Whether a staff account is matched by its e-mail or by its HSA-id. */
    enum AccountMatch {
        EMAIL,
        HSA_ID
    }

    /**
     * One organisation's identity provider.
     *
     * @param organisation the name of the Portvakt organisation whose staff sign in here (it must exist)
     * @param displayName what the login page's button says, e.g. "Region Exempel (Microsoft Entra ID)"
     * @param issuer the provider's issuer; its /.well-known/openid-configuration is read at the first sign-in
     * @param clientId Portvakt's client id at the provider
     * @param clientSecret Portvakt's client secret at the provider
     * @param emailDomains e-mail domains whose staff the login page sends here (e.g. region.example)
     * @param accountClaim the ID-token claim naming the staff account
     * @param accountMatch whether that claim is an e-mail or an HSA-id
     * @param groupsClaim the claim listing the person's groups (or roles)
     * @param allowedGroup only people in this group may sign in; empty lets everyone the provider vouches for in
     * @param adminGroup people in this group are administrators, others hosts; empty leaves roles to Portvakt's
     *     administrators
     * @param createHosts whether a person the organisation does not know yet gets a host account at first sign-in
     *     (needs an {@code email} claim and, when set, membership of the allowed group)
     */
    record Provider(
            String organisation,
            String displayName,
            URI issuer,
            String clientId,
            String clientSecret,
            @DefaultValue List<String> emailDomains,
            @DefaultValue("email") String accountClaim,
            @DefaultValue("EMAIL") AccountMatch accountMatch,
            @DefaultValue("groups") String groupsClaim,
            String allowedGroup,
            String adminGroup,
            @DefaultValue("false") boolean createHosts) {

        String label() {
            return displayName == null || displayName.isBlank() ? organisation : displayName;
        }
    }

    /** The provider whose e-mail domains include this address's. */
    Optional<String> keyForEmail(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return providers.entrySet().stream()
                .filter(entry -> entry.getValue().emailDomains().stream()
                        .anyMatch(
                                known -> known.strip().toLowerCase(Locale.ROOT).equals(domain)))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
