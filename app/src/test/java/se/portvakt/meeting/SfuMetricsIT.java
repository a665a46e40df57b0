package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.IntegrationTest;

/**
 * The SFU's metrics in Prometheus' text format, on the management port (loopback only) for a scraper on the same
 * machine, and not on the main port, where a reverse proxy on the same machine makes every request local.
 */
@IntegrationTest
class SfuMetricsIT {

    @LocalManagementPort
    int port;

    @LocalServerPort
    int mainPort;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String host) throws Exception {
        return get(host, port);
    }

    HttpResponse<String> get(String host, int port) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLocalScraperReadsTheSfuCounters() throws Exception {
        HttpResponse<String> metrics = get("127.0.0.1");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "portvakt_sfu_packets_total{direction=\"in\"",
                        "portvakt_sfu_packets_total{direction=\"out\"",
                        "portvakt_sfu_nacks_total",
                        "portvakt_sfu_retransmitted_total",
                        "portvakt_sfu_upstream_nacks_total",
                        "portvakt_sfu_upstream_repaired_total",
                        "portvakt_sfu_keyframe_requests_total",
                        "portvakt_sfu_meetings",
                        "portvakt_sfu_dropped_total{reason=\"unknown-source\"",
                        "portvakt_sfu_streams{direction=\"in\"}",
                        "portvakt_sfu_meeting_streams_max{direction=\"out\"}",
                        "portvakt_sfu_meetings_by_streams{direction=\"in\",streams_at_most=\"4\"}");
    }

    @Test
    void fromAnotherAddressTheMetricsAreNotShown() throws Exception {
        Optional<String> external = NetworkInterface.networkInterfaces()
                .filter(this::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .map(InetAddress::getHostAddress)
                .findFirst();
        assertThat(external).as("this machine has a non-loopback IPv4 address").isPresent();

        assertThatThrownBy(() -> get(external.get()))
                .as("the management port listens on loopback only")
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void theMainPortShowsNoMetricsEvenToALocalRequest() throws Exception {
        HttpResponse<String> refused = get("127.0.0.1", mainPort);

        assertThat(refused.body()).doesNotContain("portvakt_sfu");
        assertThat(refused.statusCode()).isIn(302, 401, 403, 404);
    }

    private boolean up(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (java.net.SocketException e) {
            return false;
        }
    }
}
