package se.portvakt.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * Portvakt as a client of each configured identity provider. A provider's metadata (endpoints, keys) is read from
 * its issuer at the first sign-in, not at start-up: a provider that is down delays only its own staff, never the
 * service's start. A failed read is tried again at the next sign-in.
 */
@Component
class OidcClients implements ClientRegistrationRepository {

    static final String REDIRECT = "{baseUrl}/login/oauth2/code/{registrationId}";

    private static final Logger log = LoggerFactory.getLogger(OidcClients.class);

    private final OidcProperties properties;
    private final Map<String, ClientRegistration> known = new ConcurrentHashMap<>();

    OidcClients(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String key) {
        OidcProperties.Provider provider =
                key == null ? null : properties.providers().get(key);
        if (provider == null) {
            return null;
        }
        return known.computeIfAbsent(key, unused -> {
            try {
                return ClientRegistrations.fromIssuerLocation(provider.issuer().toString())
                        .registrationId(key)
                        .clientId(provider.clientId())
                        .clientSecret(provider.clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri(REDIRECT)
                        .scope("openid", "email", "profile")
                        .userNameAttributeName("sub")
                        .clientName(provider.label())
                        .build();
            } catch (RuntimeException e) {
                log.warn("Identity provider {} ({}) could not be read: {}", key, provider.issuer(), e.toString());
                return null;
            }
        });
    }
}
