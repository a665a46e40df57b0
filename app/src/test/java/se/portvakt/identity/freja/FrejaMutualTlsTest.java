package se.portvakt.identity.freja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.portvakt.identity.freja.FrejaApi.InitAuthRequest;
import se.portvakt.identity.freja.FrejaProperties.Store;

/**
 * Mutual TLS as with the real Freja eID: a JDK HTTPS server that demands a client certificate from its CA
 * answers initAuthentication; the client trusts only the pinned server CA.
 */
class FrejaMutualTlsTest {

    @TempDir
    Path dir;

    private HttpsServer server;
    private final AtomicReference<String> clientSeen = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Starts a Freja stand-in whose certificate comes from serverCa and which accepts clients of clientCa. */
    private URI startServer(TestPki serverCa, TestPki clientCa) throws Exception {
        Store serverKeys =
                new Store(serverCa.keyStore(serverCa.issueServer(), dir.resolve("server.p12")), TestPki.PASSWORD);
        Store trustedClients = new Store(clientCa.trustStore(dir.resolve("client-ca.p12")), TestPki.PASSWORD);
        SSLContext context = FrejaTls.mutualTls(serverKeys, trustedClients);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                // the JDK server honours client authentication only through SSLParameters
                SSLParameters demanding = context.getDefaultSSLParameters();
                demanding.setNeedClientAuth(true);
                params.setSSLParameters(demanding);
            }
        });
        server.createContext("/authentication/1.0/initAuthentication", exchange -> {
            clientSeen.set(((HttpsExchange) exchange)
                    .getSSLSession()
                    .getPeerPrincipal()
                    .getName());
            byte[] body = "{\"authRef\":\"mtls-ref\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    private FrejaApi client(URI baseUrl, Store keystore, Store truststore) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .sslContext(FrejaTls.mutualTls(keystore, truststore))
                .build();
        return new FrejaApi(http, () -> baseUrl, Duration.ofSeconds(5));
    }

    private static InitAuthRequest qrStart() {
        return new InitAuthRequest("INFERRED", "N/A", "PLUS", List.of());
    }

    @Test
    void theClientConnectsWithItsCertificateToAServerUnderThePinnedCa() throws Exception {
        TestPki frejaCa = new TestPki("Test Freja server CA");
        TestPki rpCa = new TestPki("Test relying party CA");
        URI url = startServer(frejaCa, rpCa);
        Store ours = new Store(rpCa.keyStore(rpCa.issueClient("Portvakt RP"), dir.resolve("rp.p12")), TestPki.PASSWORD);
        Store pinned = new Store(frejaCa.trustStore(dir.resolve("freja-ca.p12")), TestPki.PASSWORD);

        assertThat(client(url, ours, pinned).initAuthentication(qrStart())).isEqualTo("mtls-ref");
        assertThat(clientSeen.get()).isEqualTo("CN=Portvakt RP");
    }

    @Test
    void aServerNotUnderThePinnedCaIsRefused() throws Exception {
        TestPki impostorCa = new TestPki("Some other CA");
        TestPki rpCa = new TestPki("Test relying party CA");
        URI url = startServer(impostorCa, rpCa);
        Store ours = new Store(rpCa.keyStore(rpCa.issueClient("Portvakt RP"), dir.resolve("rp.p12")), TestPki.PASSWORD);
        Store pinned = new Store(
                new TestPki("Test Freja server CA").trustStore(dir.resolve("freja-ca.p12")), TestPki.PASSWORD);

        assertThatThrownBy(() -> client(url, ours, pinned).initAuthentication(qrStart()))
                .isInstanceOfSatisfying(
                        FrejaApiException.class, e -> assertThat(e.httpStatus()).isZero());
        assertThat(clientSeen.get()).isNull();
    }

    @Test
    void theServerRefusesAClientCertificateItDidNotIssue() throws Exception {
        TestPki frejaCa = new TestPki("Test Freja server CA");
        URI url = startServer(frejaCa, new TestPki("Test relying party CA"));
        TestPki strangerCa = new TestPki("Stranger CA");
        Store stranger = new Store(
                strangerCa.keyStore(strangerCa.issueClient("Stranger"), dir.resolve("x.p12")), TestPki.PASSWORD);
        Store pinned = new Store(frejaCa.trustStore(dir.resolve("freja-ca.p12")), TestPki.PASSWORD);

        assertThatThrownBy(() -> client(url, stranger, pinned).initAuthentication(qrStart()))
                .isInstanceOf(FrejaApiException.class);
        assertThat(clientSeen.get()).isNull();
    }
}
