package se.portvakt.identity.freja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import se.portvakt.PortvaktApplication;
import se.portvakt.TestDatabase;

/**
 * The real Freja eID next to the simulators must not start. The host is Freja's real test host, but nothing
 * calls it: the provider contacts Freja only when an order starts, and the guard stops start-up before that.
 */
class FrejaSimulatorGuardIT {

    @TempDir
    Path dir;

    @Test
    void realFrejaWithSimulatorsOnRefusesToStart() throws Exception {
        TestPki pki = new TestPki("Guard test CA");
        Path keystore = pki.keyStore(pki.issueClient("Portvakt RP"), dir.resolve("rp.p12"));
        Path truststore = pki.trustStore(dir.resolve("freja-ca.p12"));
        Path signing = Files.writeString(
                dir.resolve("freja-signing.pem"),
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(pki.caCertificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");

        // arguments, not properties: they outrank the PostgreSQL run's system properties, and this test
        // wants its own in-memory database, not the shared schema the other integration tests use
        String[] arguments = {
            "--server.port=0",
            "--portvakt.media.udp-port=0",
            "--spring.datasource.url=jdbc:h2:mem:freja-guard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "--spring.datasource.username=sa",
            "--portvakt.secret-key=" + TestDatabase.TEST_SECRET_KEY,
            "--portvakt.data-directory=" + dir,
            "--portvakt.identity.simulators=true",
            "--portvakt.identity.freja.base-url=https://services.test.frejaeid.com",
            "--portvakt.identity.freja.keystore.path=" + keystore,
            "--portvakt.identity.freja.keystore.password=" + TestPki.PASSWORD,
            "--portvakt.identity.freja.truststore.path=" + truststore,
            "--portvakt.identity.freja.truststore.password=" + TestPki.PASSWORD,
            "--portvakt.identity.freja.signing-certificate=" + signing
        };
        SpringApplicationBuilder app = new SpringApplicationBuilder(PortvaktApplication.class);

        assertThatThrownBy(() -> app.run(arguments).close())
                .satisfies(e -> assertThat(rootMessage(e))
                        .contains("simulators are on", "FREJA", "portvakt.identity.simulators=false"));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
