package se.portvakt.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import se.portvakt.Browser;
import se.portvakt.IntegrationTest;
import se.portvakt.sfu.Sfu;

/**
 * The app tells browsers to send media to 127.0.0.2, where nothing listens (the SFU is bound to 127.0.0.1 only),
 * as a firewall that drops the media port would: the page says plainly that there is no connection and what to ask
 * the IT department for. Its second test in a row is refused by the per-address limit, also in plain words.
 */
@IntegrationTest
@Tag("browser")
@TestPropertySource(
        properties = {"portvakt.media.advertised-address=127.0.0.2", "portvakt.equipment.echoes-per-address=1"})
class EquipmentTestUnreachableBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Sfu sfu;

    Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser(port);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void noMediaConnectionIsReportedPlainlyWithWhatToAllowAndASecondTryIsLimited() {
        browser.open("/testa");

        String verdict = EquipmentPages.runNetworkTest(browser);

        String mediaPorts = EquipmentTestController.portRange(sfu.localAddresses());
        assertThat(verdict)
                .isEqualTo("Ingen anslutning: bild och ljud når inte Portvakts medieserver. Be din "
                        + "IT-avdelning att tillåta UDP-trafik till port " + mediaPorts
                        + " på 127.0.0.2 och HTTPS (TCP-port 443).");
        assertThat(EquipmentPages.measured(browser, "transport")).isEqualTo("ingen anslutning");
        browser.assertAccessible();
        EquipmentPages.screenshots(browser, "equipment-test-no-connection");

        assertThat(EquipmentPages.runNetworkTest(browser))
                .isEqualTo("Du har testat många gånger på kort tid. Försök igen om 10 minuter.");
        browser.assertAccessible();
    }
}
