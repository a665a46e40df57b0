package se.portvakt.identity;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff sign-in with a SITHS card (mutual TLS): the HSA-id in the card's certificate names the staff member. Off
 * until {@code trustedCas} is set. The certificate reaches Portvakt either on its own HTTPS connector
 * ({@code httpsPort}) or from a reverse proxy that verified it ({@code trustedProxies}). See docs/staff-login.md.
 *
 * @param trustedCas a PEM file of the CA certificates that issue SITHS cards (e.g. "SITHS e-id Person HSA-id 3 CA
 *     v1"); every certificate in it is a trust anchor, so list the issuing CAs a proxy's leaf-only header needs
 * @param checkRevocation whether each certificate's revocation status is asked (OCSP, else CRL, from the addresses
 *     in the certificate); needs the CAs' responders reachable from Portvakt
 * @param httpsPort the port of Portvakt's own HTTPS connector that asks browsers for a card; 0 for none
 * @param httpsCertificate that connector's server certificate chain (PEM)
 * @param httpsPrivateKey that connector's private key (PEM, unencrypted)
 * @param trustedProxies addresses (CIDR, e.g. 127.0.0.1/32) of the reverse proxies whose certificate header is
 *     believed; a header from anywhere else is refused and audited
 * @param proxyHeader the header in which such a proxy passes the verified client certificate (URL-encoded PEM,
 *     nginx's {@code $ssl_client_escaped_cert})
 * @param signInUrl where the login page's SITHS button points; empty: {@code /login/siths} on this connector's
 *     port when there is one, else on the page's own address
 */
@ConfigurationProperties("portvakt.siths")
record SithsProperties(
        Path trustedCas,
        @DefaultValue("false") boolean checkRevocation,
        @DefaultValue("0") int httpsPort,
        Path httpsCertificate,
        Path httpsPrivateKey,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("X-SSL-Client-Cert") String proxyHeader,
        String signInUrl) {

    static final String SIGN_IN_PATH = "/login/siths";

    boolean enabled() {
        return trustedCas != null;
    }
}
