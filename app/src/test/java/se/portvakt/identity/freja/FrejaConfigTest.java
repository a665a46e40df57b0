package se.portvakt.identity.freja;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import se.portvakt.identity.freja.FrejaProperties.Simulator;
import se.portvakt.identity.freja.FrejaProperties.Store;

/** A real Freja eID host without its key material, or over plain HTTP, stops start-up with a plain message. */
class FrejaConfigTest {

    private static FrejaProperties properties(String url, Store keystore, Store truststore, Path signing) {
        return new FrejaProperties(
                URI.create(url),
                keystore,
                truststore,
                signing,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofMinutes(15),
                new Simulator(Duration.ofMinutes(2)));
    }

    @Test
    void missingKeyMaterialIsNamed() {
        assertThatThrownBy(() -> FrejaConfig.requireKeyMaterial(
                        properties("https://services.test.frejaeid.com", null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("portvakt.identity.freja.keystore.path")
                .hasMessageContaining("portvakt.identity.freja.truststore.path")
                .hasMessageContaining("portvakt.identity.freja.signing-certificate");
        Store store = new Store(Path.of("x.p12"), "pw");
        assertThatThrownBy(() -> FrejaConfig.requireKeyMaterial(properties(
                        "https://services.test.frejaeid.com", store, new Store(null, null), Path.of("s.pem"))))
                .hasMessageContaining("truststore.path")
                .hasMessageNotContaining("keystore.path");
    }

    @Test
    void plainHttpIsRefused() {
        Store store = new Store(Path.of("x.p12"), "pw");
        assertThatThrownBy(() -> FrejaConfig.requireKeyMaterial(
                        properties("http://services.test.frejaeid.com", store, store, Path.of("s.pem"))))
                .hasMessageContaining("must be an https URL");
    }
}
