package se.portvakt.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationProvider;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Hands the certificate a request to {@code /login/siths} presents to {@link SithsStaffLogin}: the one the client
 * showed Portvakt's own TLS connector, or else the one a reverse proxy put in {@link SithsProperties#proxyHeader},
 * believed only when the request's TCP peer is one of the trusted proxies.
 */
class SithsCardFilter extends AbstractPreAuthenticatedProcessingFilter {

    /** The servlet container's attribute for a TLS client's certificate chain. */
    static final String TLS_CHAIN = "jakarta.servlet.request.X509Certificate";

    private final String proxyHeader;
    private final List<IpAddressMatcher> trustedProxies;

    SithsCardFilter(SithsProperties properties, SithsStaffLogin login) {
        this.proxyHeader = properties.proxyHeader();
        this.trustedProxies = properties.trustedProxies().stream()
                .map(String::strip)
                .map(IpAddressMatcher::new)
                .toList();
        PreAuthenticatedAuthenticationProvider provider = new PreAuthenticatedAuthenticationProvider();
        provider.setPreAuthenticatedUserDetailsService(login);
        setAuthenticationManager(new ProviderManager(provider));
        setRequiresAuthenticationRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, SithsProperties.SIGN_IN_PATH));
        setAuthenticationSuccessHandler(login);
        setAuthenticationFailureHandler(login);
    }

    @Override
    protected SithsPresentation getPreAuthenticatedPrincipal(HttpServletRequest request) {
        SithsPresentation presented = present(request);
        request.setAttribute(SithsStaffLogin.PRESENTED, presented);
        return presented;
    }

    private SithsPresentation present(HttpServletRequest request) {
        String peer = SithsConnector.peerAddress(request);
        if (request.getAttribute(TLS_CHAIN) instanceof X509Certificate[] chain && chain.length > 0) {
            return new SithsPresentation(chain, SithsPresentation.Route.CONNECTOR, peer);
        }
        String forwarded = request.getHeader(proxyHeader);
        if (forwarded == null || forwarded.isBlank()) {
            return new SithsPresentation(null, SithsPresentation.Route.NONE, peer);
        }
        if (trustedProxies.stream().noneMatch(proxy -> proxy.matches(peer))) {
            return new SithsPresentation(null, SithsPresentation.Route.UNTRUSTED_PROXY, peer);
        }
        return new SithsPresentation(parse(forwarded), SithsPresentation.Route.PROXY, peer);
    }

    /** Every attempt is judged, even one with no certificate, so that it is audited and answered. */
    @Override
    protected Object getPreAuthenticatedCredentials(HttpServletRequest request) {
        return "N/A";
    }

    /** nginx's {@code $ssl_client_escaped_cert}: a URL-encoded PEM (a '+' in it is base64, not a space). */
    private static X509Certificate[] parse(String header) {
        String pem = URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        try {
            X509Certificate[] chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream()
                    .map(X509Certificate.class::cast)
                    .toArray(X509Certificate[]::new);
            return chain.length == 0 ? null : chain;
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }
}
