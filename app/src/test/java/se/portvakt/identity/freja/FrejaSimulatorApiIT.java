package se.portvakt.identity.freja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.IntegrationTest;
import se.portvakt.identity.freja.FrejaApi.Attribute;
import se.portvakt.identity.freja.FrejaApi.InitAuthRequest;

/** The simulator's wire format and errors as Freja's, seen through the client's own API class, and its phone page. */
@IntegrationTest
class FrejaSimulatorApiIT {

    @LocalServerPort
    int port;

    private FrejaApi api() {
        return new FrejaApi(
                HttpClient.newHttpClient(),
                () -> URI.create("http://127.0.0.1:" + port + "/simulator/freja/api"),
                Duration.ofSeconds(5));
    }

    @Test
    void anUnknownAuthRefIsInvalidReference1100() {
        assertThatThrownBy(() -> api().getOneResult("no-such-reference"))
                .isInstanceOfSatisfying(FrejaApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo(1100);
                    assertThat(e.transientFault()).isFalse();
                });
        assertThatThrownBy(() -> api().cancel("no-such-reference"))
                .isInstanceOfSatisfying(
                        FrejaApiException.class, e -> assertThat(e.code()).isEqualTo(1100));
    }

    @Test
    void anInvalidUserInfoIs1002() {
        List<Attribute> attributes = List.of(new Attribute("SSN"));
        for (InitAuthRequest bad : List.of(
                new InitAuthRequest("SSN", "not base64 json", "PLUS", attributes),
                new InitAuthRequest("SSN", "eyJjb3VudHJ5IjoiU0UiLCJzc24iOiIxOTgwMDEwMTIzODgifQ==", "PLUS", attributes),
                new InitAuthRequest("INFERRED", "someone", "PLUS", attributes))) {
            assertThatThrownBy(() -> api().initAuthentication(bad))
                    .isInstanceOfSatisfying(
                            FrejaApiException.class, e -> assertThat(e.code()).isEqualTo(1002));
        }
    }

    @Test
    void aStartedTransactionAnswersWithItsStatusAndNoDetails() {
        String authRef = api().initAuthentication(new InitAuthRequest("INFERRED", "N/A", "PLUS", List.of()));
        FrejaApi.AuthResult result = api().getOneResult(authRef);
        assertThat(result.authRef()).isEqualTo(authRef);
        assertThat(result.status()).isEqualTo("STARTED");
        assertThat(result.details()).isNull();
    }

    @Test
    void thePhonePageSaysItIsASimulatorAndListsTestPersons() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/simulator/freja?person=198001012387"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Freja eID-simulator – inte riktig Freja eID", "201203151467", "Freja eID Extended");
    }
}
