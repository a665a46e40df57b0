package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.IntegrationTest;

/** A form body past the server's limit is refused with 413 and costs the log one line, not two stack traces. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OversizedBodyIT {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/m/no-such-link/contact"})
    void anOversizedFormPostIsOneWarningAndA413(String path, CapturedOutput output) throws Exception {
        String body = "email=a%40b.se&password=" + "x".repeat(3 * 1024 * 1024);
        int before = output.getAll().length();

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(BodyPublishers.ofString(body))
                                .build(),
                        BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(413);
        List<String> logged = output.getAll().substring(before).lines().toList();
        assertThat(logged).noneMatch(line -> line.contains("ERROR"));
        assertThat(logged).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
        assertThat(logged.stream().filter(line -> line.contains("WARN") && line.contains(path)))
                .hasSize(1);
    }
}
