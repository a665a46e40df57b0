package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.portvakt.PortvaktApplication;

/**
 * Production without its settings stops before the database is touched, and says why as Spring Boot's failure
 * analysis. The database URL names a port where nothing listens: reaching it would fail with a connection error.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupTest {

    @TempDir
    Path data;

    @Test
    void missingSettingsStopProductionBeforeTheDatabaseWithADescriptionAndAnAction(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(PortvaktApplication.class)
                        .run(
                                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nothing-listens-here",
                                "--spring.datasource.username=nobody",
                                "--portvakt.data-directory=" + data,
                                "--server.port=0",
                                "--portvakt.media.udp-port=0")
                        .close())
                .isInstanceOf(MissingSettingsException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START", "Description:", "Action:")
                .contains(
                        "portvakt.public-url is not set",
                        "portvakt.secret-key is not set",
                        "spring.mail.host is not set",
                        "portvakt.media.advertised-address is not set")
                .contains("openssl rand -base64 32")
                .doesNotContain("Connection refused", "Flyway");
    }
}
