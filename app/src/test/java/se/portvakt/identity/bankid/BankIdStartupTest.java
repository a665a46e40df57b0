package se.portvakt.identity.bankid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import se.portvakt.PortvaktApplication;
import se.portvakt.TestDatabase;
import se.portvakt.identity.bankid.TestCertificates.Authority;

/**
 * Start-up refusals: the whole application is started (on a fresh in-memory H2) with BankID settings that must
 * stop it. Creating the client never connects, so BankID's test host is named but not contacted.
 */
class BankIdStartupTest {

    static final String TEST_HOST = "https://appapi2.test.bankid.com/rp/v6.0";
    static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    static Path files;

    static Path keystore;
    static Path truststore;

    @BeforeAll
    static void stores() throws Exception {
        Authority root = TestCertificates.authority("Test BankID SSL Root CA");
        keystore = root.client("CN=Portvakt RP").pkcs12(files.resolve("rp.p12"));
        truststore = root.pem(files.resolve("root.pem"));
    }

    @Test
    void simulatorGuardRefusesARealBankIdNextToTheSimulators() {
        assertThatThrownBy(() -> start(
                        "--portvakt.identity.simulators=true",
                        "--portvakt.identity.bankid.base-url=" + TEST_HOST,
                        "--portvakt.identity.bankid.keystore.path=" + keystore,
                        "--portvakt.identity.bankid.keystore.password=" + TestCertificates.PASSWORD,
                        "--portvakt.identity.bankid.truststore.path=" + truststore))
                .satisfies(e -> assertThat(innermost(e))
                        .hasMessageContaining("simulators are on")
                        .hasMessageContaining("BANKID"));
    }

    @Test
    void aRealHostWithoutTheCertificatesDoesNotStart() {
        assertThatThrownBy(() -> start(
                        "--portvakt.identity.simulators=false", "--portvakt.identity.bankid.base-url=" + TEST_HOST))
                .rootCause()
                .hasMessageContaining("needs mutual TLS")
                .hasMessageContaining("portvakt.identity.bankid.keystore.path")
                .hasMessageContaining("portvakt.identity.bankid.truststore.path");
    }

    @Test
    void aPlainHttpBaseUrlDoesNotStart() {
        assertThatThrownBy(() -> start(
                        "--portvakt.identity.simulators=false",
                        "--portvakt.identity.bankid.base-url=http://bankid.example/rp/v6.0",
                        "--portvakt.identity.bankid.keystore.path=" + keystore,
                        "--portvakt.identity.bankid.keystore.password=" + TestCertificates.PASSWORD,
                        "--portvakt.identity.bankid.truststore.path=" + truststore))
                .rootCause()
                .hasMessageContaining("must be an https URL");
    }

    private static Throwable innermost(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void start(String... settings) {
        List<String> args = new ArrayList<>(List.of(settings));
        args.add("--spring.datasource.url=jdbc:h2:mem:bankid-startup-" + DATABASES.incrementAndGet()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        args.add("--portvakt.secret-key=" + TestDatabase.TEST_SECRET_KEY);
        args.add("--portvakt.data-directory=" + files);
        args.add("--server.port=0");
        args.add("--portvakt.media.udp-port=0");
        new SpringApplicationBuilder(PortvaktApplication.class)
                .run(args.toArray(String[]::new))
                .close();
    }
}
