package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import se.portvakt.IntegrationTest;

/** What an operator reads from a running node: version, metrics of the service's own health, probes, summary. */
@IntegrationTest
class OperationsIT {

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    final HttpClient http = HttpClient.newHttpClient();

    String get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void managementHasItsOwnPortOnLoopback() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void infoNamesTheBuildAndTheCommit() throws Exception {
        assertThat(get(managementPort, "/actuator/info"))
                .contains("\"build\"", "\"artifact\":\"portvakt-app\"", "\"version\"", "\"git\"", "\"commit\"");
    }

    @Test
    void metricsCoverTheServicesOwnHealth() throws Exception {
        assertThat(get(managementPort, "/actuator/prometheus"))
                .contains(
                        "portvakt_outbox_messages{status=\"pending\"}",
                        "portvakt_outbox_messages{status=\"failed\"}",
                        "portvakt_outbox_oldest_pending_age_seconds",
                        "portvakt_lobby_waiting",
                        "portvakt_lobby_longest_wait_seconds",
                        "portvakt_meetings_running",
                        "portvakt_sockets_open",
                        "portvakt_logins_total{outcome=\"failed\"}",
                        "portvakt_staff_locked",
                        "portvakt_eid_orders{outcome=\"complete\",provider=\"bankid\"}");
    }

    @Test
    void theSbomIsServedOnTheManagementPort() throws Exception {
        assertThat(get(managementPort, "/actuator/sbom/application")).contains("CycloneDX", "spring-session-core");
    }

    @Test
    void probesAnswerOnTheMainPortForALoadBalancer() throws Exception {
        assertThat(get(port, "/readyz")).contains("UP");
        assertThat(get(port, "/livez")).contains("UP");
    }
}
