package se.portvakt.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's part of SITHS sign-in: Portvakt's own HTTPS connector that asks every client for a certificate, and the
 * TCP peer's address kept before Tomcat's RemoteIpValve replaces it with a forwarded one (a trusted proxy is
 * judged by who connected, never by what a header claims). Runs after Spring Boot's own customizer, which adds
 * that valve.
 */
@Component
class SithsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String PEER = SithsConnector.class.getName() + ".peer";

    private final SithsProperties properties;

    SithsConnector(SithsProperties properties) {
        this.properties = properties;
    }

    /** The address of whoever opened the connection: the reverse proxy's, behind one. */
    static String peerAddress(HttpServletRequest request) {
        return request.getAttribute(PEER) instanceof String peer ? peer : request.getRemoteAddr();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!properties.enabled()) {
            return;
        }
        List<Valve> valves = new ArrayList<>(factory.getEngineValves());
        valves.add(0, new PeerAddressValve());
        factory.setEngineValves(valves);
        if (properties.httpsPort() > 0) {
            factory.addAdditionalConnectors(cardConnector());
        }
    }

    private Connector cardConnector() {
        if (properties.httpsCertificate() == null || properties.httpsPrivateKey() == null) {
            throw new IllegalStateException("portvakt.siths.https-port needs portvakt.siths.https-certificate and"
                    + " portvakt.siths.https-private-key");
        }
        SSLHostConfig tls = new SSLHostConfig();
        tls.setCertificateVerification("optional");
        CardTrust.acceptedIssuers =
                SithsCertificates.read(properties.trustedCas()).toArray(X509Certificate[]::new);
        tls.setTrustManagerClassName(CardTrust.class.getName());
        SSLHostConfigCertificate certificate =
                new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateFile(
                properties.httpsCertificate().toAbsolutePath().toString());
        certificate.setCertificateKeyFile(
                properties.httpsPrivateKey().toAbsolutePath().toString());
        tls.addCertificate(certificate);
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(properties.httpsPort());
        connector.setScheme("https");
        connector.setSecure(true);
        connector.setProperty("SSLEnabled", "true");
        connector.addSslHostConfig(tls);
        return connector;
    }

    /**
     * The card connector's trust in the handshake: it names the SITHS CAs, so that a browser offers SITHS cards
     * only, and lets any certificate through (its holder has still proven its key), so that SithsCertificates
     * judges an expired card or one of another CA and the page and the audit log say so, not a browser error.
     * Tomcat makes it by its class name.
     */
    public static final class CardTrust extends X509ExtendedTrustManager {

        static volatile X509Certificate[] acceptedIssuers = new X509Certificate[0];

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return acceptedIssuers.clone();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the card connector is a server only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }
    }

    /** Notes the TCP peer's address; first in the engine's pipeline, before the RemoteIpValve. */
    private static final class PeerAddressValve extends ValveBase {

        PeerAddressValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            request.setAttribute(PEER, request.getRemoteAddr());
            getNext().invoke(request, response);
        }
    }
}
