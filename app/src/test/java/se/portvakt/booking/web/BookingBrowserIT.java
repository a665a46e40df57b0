package se.portvakt.booking.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;

/** A host logs in and books a meeting in a real browser; every page passes axe-core's WCAG 2.1 AA checks. */
@IntegrationTest
@Tag("browser")
class BookingBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Browser browser;
    Tenant tenant;

    @BeforeEach
    void open() {
        browser = new Browser(port);
        tenant = fixtures.tenant();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    void logIn() {
        browser.open("/login?lang=sv");
        browser.assertAccessible();
        browser.type("#email", tenant.host().email());
        browser.type("#password", Fixtures.PASSWORD);
        browser.find("button[type=submit]").click();
        browser.find("#rooms-heading");
    }

    @Test
    void aHostBooksAMeetingWithTwoParticipants() {
        logIn();
        browser.assertAccessible();
        browser.find("a[href^='/meetings/new?roomId=']").click();

        browser.find("#title");
        browser.assertAccessible();
        browser.type("#title", "Uppföljande samtal");
        browser.setValue(
                "#date",
                LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(2).toString());
        browser.setValue("#startTime", "10:00");
        browser.setValue("#endTime", "10:30");
        browser.find("#assuranceLevel-LOA3").click();
        browser.find("#confidential").click();
        browser.type("#information", "Ta med läkemedelslistan.");
        browser.type("#invitees-0-name", "Anna Andersson");
        browser.type("#invitees-0-email", "anna.andersson@example.se");
        browser.type("#invitees-0-personalIdentityNumber", "19121212-1212");

        browser.find("[data-add-invitee]").click();
        // the second row appears without a reload and takes the focus
        assertThat(browser.all("[data-invitee-row]")).hasSize(2);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("invitees-1-name");
        browser.type("#invitees-1-name", "Bo Berg");
        browser.type("#invitees-1-mobile", "070-765 43 21");
        browser.find("button[value=save]").click();

        // the booked meeting's page: its status line first, so the heading read is the new page's
        assertThat(browser.text("[role=status]")).contains("Mötet är bokat");
        assertThat(browser.text("h1")).isEqualTo("Uppföljande samtal");
        String page = browser.driver().getPageSource();
        assertThat(page)
                .contains("anna.andersson@example.se", "19121212-****", "+46707654321", "Bo Berg")
                .doesNotContain("19121212-1212");
        browser.assertAccessible();
    }

    @Test
    void mistakesAreExplainedNextToTheFieldsAndInASummary() {
        logIn();
        browser.open("/meetings/new");
        browser.setValue("#startTime", "11:00");
        browser.setValue("#endTime", "10:00");
        browser.type("#invitees-0-name", "Anna Andersson");
        browser.type("#invitees-0-email", "anna@");
        browser.find("button[value=save]").click();

        assertThat(browser.text("#error-summary"))
                .contains("Ange en rubrik", "Sluttiden måste vara efter starttiden", "E-postadressen ser inte rätt ut");
        assertThat(browser.find("#invitees-0-email").getAttribute("value")).isEqualTo("anna@");
        assertThat(browser.find("#invitees-0-email").getAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.assertAccessible();
    }
}
