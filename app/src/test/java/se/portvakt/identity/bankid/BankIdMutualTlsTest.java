package se.portvakt.identity.bankid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.portvakt.identity.bankid.BankIdJson.AuthRequest;
import se.portvakt.identity.bankid.BankIdJson.AuthResponse;
import se.portvakt.identity.bankid.BankIdProperties.Store;
import se.portvakt.identity.bankid.TestCertificates.Authority;
import se.portvakt.identity.bankid.TestCertificates.Issued;

/**
 * The client against a tiny HTTPS server that, like BankID, demands a client certificate: it connects only with the
 * RP certificate and only to a server whose certificate comes from the pinned root.
 */
class BankIdMutualTlsTest {

    @TempDir
    static Path files;

    static Authority bankIdRoot;
    static Issued bankIdServer;
    static Path rpKeystore;
    static Path pinnedRoot;

    HttpsServer server;
    final AtomicReference<String> clientSeen = new AtomicReference<>();

    @BeforeAll
    static void pki() throws Exception {
        bankIdRoot = TestCertificates.authority("Test BankID SSL Root CA");
        bankIdServer = bankIdRoot.server();
        rpKeystore = bankIdRoot.client("CN=Portvakt RP, O=Demo kommun").pkcs12(files.resolve("rp.p12"));
        pinnedRoot = bankIdRoot.pem(files.resolve("bankid-root.pem"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void callsAuthWithTheRpCertificateAndTrustsOnlyThePinnedRoot() throws Exception {
        URI url = start(bankIdServer, bankIdRoot.certificate());
        BankIdClient client =
                client(url, new Store(rpKeystore, TestCertificates.PASSWORD), new Store(pinnedRoot, null));

        AuthResponse answer = client.auth(new AuthRequest("192.0.2.1", null, null, null, false));

        assertThat(answer.orderRef()).isEqualTo("order-1");
        assertThat(clientSeen.get()).contains("CN=Portvakt RP");
    }

    @Test
    void refusesAServerWhoseCertificateIsNotFromThePinnedRoot() throws Exception {
        Authority impostor = TestCertificates.authority("Some Public CA");
        URI url = start(impostor.server(), bankIdRoot.certificate());
        BankIdClient client =
                client(url, new Store(rpKeystore, TestCertificates.PASSWORD), new Store(pinnedRoot, null));

        assertThatThrownBy(() -> client.auth(new AuthRequest("192.0.2.1", null, null, null, false)))
                .isInstanceOfSatisfying(
                        BankIdException.class, e -> assertThat(e.httpStatus()).isEqualTo(BankIdException.NO_ANSWER));
        assertThat(clientSeen.get()).isNull();
    }

    @Test
    void withoutTheRpCertificateTheServerRefusesTheConnection() throws Exception {
        URI url = start(bankIdServer, bankIdRoot.certificate());
        BankIdClient client = client(url, new Store(null, null), new Store(pinnedRoot, null));

        assertThatThrownBy(() -> client.auth(new AuthRequest("192.0.2.1", null, null, null, false)))
                .isInstanceOf(BankIdException.class);
        assertThat(clientSeen.get()).isNull();
    }

    @Test
    void aPkcs12TrustStoreWorksAsWellAsPem() throws Exception {
        URI url = start(bankIdServer, bankIdRoot.certificate());
        // a PKCS#12 store holding the root as a trusted certificate entry, as keytool -importcert makes it
        Path trust = files.resolve("trust.p12");
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("bankid-root", bankIdRoot.certificate());
        try (var out = java.nio.file.Files.newOutputStream(trust)) {
            store.store(out, TestCertificates.PASSWORD.toCharArray());
        }
        BankIdClient client = client(
                url, new Store(rpKeystore, TestCertificates.PASSWORD), new Store(trust, TestCertificates.PASSWORD));

        assertThat(client.auth(new AuthRequest("192.0.2.1", null, null, null, false))
                        .orderRef())
                .isEqualTo("order-1");
    }

    private static BankIdClient client(URI url, Store keystore, Store truststore) {
        SSLContext tls = BankIdTls.context(keystore, truststore);
        return new BankIdClient(url, tls, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** An HTTPS server presenting {@code certificate} and demanding a client certificate from {@code clientRoot}. */
    private URI start(Issued certificate, X509Certificate clientRoot) throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        SSLContext context = certificate.serverContext(clientRoot);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/rp/v6.0/auth", exchange -> {
            X509Certificate client =
                    (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
            clientSeen.set(client.getSubjectX500Principal().getName());
            byte[] body = ("{\"orderRef\":\"order-1\",\"autoStartToken\":\"a\",\"qrStartToken\":\"q\","
                            + "\"qrStartSecret\":\"s\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/rp/v6.0");
    }
}
