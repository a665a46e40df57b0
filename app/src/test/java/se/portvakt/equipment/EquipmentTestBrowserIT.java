package se.portvakt.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Browser;
import se.portvakt.IntegrationTest;

/**
 * /testa in headless Chromium with fake camera and microphone, against the app's own in-process SFU: the camera
 * shows, the microphone moves the bar, the test sound plays, and the echo session through the SFU reports a working
 * UDP connection with its numbers; the page passes axe in every language; one address is limited.
 */
@IntegrationTest
@Tag("browser")
class EquipmentTestBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    EchoSessions echoes;

    Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser(port);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    Object script(String js) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js);
    }

    void until(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .withMessage(what)
                .until(driver -> condition.getAsBoolean());
    }

    @Test
    void theTestReportsAWorkingConnectionThroughTheSfuAndEndsItsEchoSession() {
        browser.open("/testa");
        assertThat(browser.text("h1")).isEqualTo("Testa din utrustning");
        until(
                "the camera's picture",
                () -> ((Number) script("return document.querySelector('[data-camera-preview]').videoWidth")).intValue()
                        > 0);
        until(
                "the microphone moving the bar",
                () -> Integer.parseInt(browser.find("[data-microphone-level]").getDomAttribute("aria-valuenow")) > 0);
        browser.find("[data-play-sound]").click();
        until("the test sound", () -> browser.text("[data-speaker-status]").startsWith("Ett testljud spelades upp"));
        browser.assertAccessible();

        String verdict = EquipmentPages.runNetworkTest(browser);

        assertThat(verdict).isEqualTo("Bra för video. Bild och ljud går fram utan problem.");
        assertThat(EquipmentPages.measured(browser, "transport")).isEqualTo("UDP, direkt");
        assertThat(EquipmentPages.measured(browser, "rtt")).matches("\\d+ ms");
        assertThat(EquipmentPages.measured(browser, "loss")).matches("\\d+,\\d %");
        assertThat(EquipmentPages.measured(browser, "bitrate")).matches("\\d+ kbit/s");
        assertThat(Integer.parseInt(browser.find("[data-echo-figure]").getDomAttribute("data-echoed-width")))
                .as("the echoed picture came back from the SFU")
                .isPositive();
        assertThat(browser.find("[data-echo-figure]").isDisplayed())
                .as("no black box where the echo was once the test is over")
                .isFalse();
        until("the echo session ended by the page", () -> echoes.openCount() == 0);
        browser.assertAccessible();
        EquipmentPages.screenshots(browser, "equipment-test-good");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | Test your equipment | Test the connection
            fi | Testaa laitteesi    | Testaa yhteys
            """)
    void thePageSpeaksEachLanguage(String lang, String title, String button) {
        browser.open("/testa?lang=" + lang);
        assertThat(browser.text("h1")).isEqualTo(title);
        assertThat(browser.text("[data-network-start]")).isEqualTo(button);
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo(lang);
        browser.assertAccessible();
    }

    @Test
    void oneAddressOpensOnlyItsShareOfEchoSessions() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        // behind the TLS proxy each client's own address counts (X-Forwarded-For from a trusted proxy)
        for (int i = 0; i < 7; i++) {
            refused = http.send(offer("198.51.100.77"), HttpResponse.BodyHandlers.ofString());
            statuses.add(refused.statusCode());
        }

        assertThat(statuses).as("unusable offers still count").containsExactly(400, 400, 400, 400, 400, 400, 429);
        assertThat(refused.body()).contains("\"reason\":\"rate-limited\"");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 600L);
        assertThat(http.send(offer("198.51.100.78"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("another address is not limited")
                .isEqualTo(400);
    }

    HttpRequest offer(String clientAddress) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/testa/echo"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString("{\"offer\":\"v=0\\r\\n\"}"))
                .build();
    }
}
