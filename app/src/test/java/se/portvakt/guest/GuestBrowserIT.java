package se.portvakt.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.followUp;
import static se.portvakt.booking.TestBookings.unique;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.QrScanner;
import se.portvakt.SimulatedPhone;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.invitation.OutboxWorker;

/**
 * A guest in headless Chromium, from the invitation e-mail's link to the point of joining: LOA2 with a code by
 * e-mail, LOA3 with BankID by QR code. Every page passes axe-core's WCAG 2.1 AA checks.
 */
@IntegrationTest
@Tag("browser")
class GuestBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OutboxWorker outbox;

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

    /** Ten minutes ahead: inside the join window. */
    static Instant soon() {
        return Instant.now().plus(10, ChronoUnit.MINUTES);
    }

    @Test
    void aGuestIdentifiesWithAnEmailCodeAndJoins() {
        String email = "anna-" + unique() + "@example.se";
        var meeting = bookings.book(
                followUp(tenant).start(soon()).invitees(new InviteeRequest(null, "Anna Andersson", email, null, null)));
        GuestMail.deliverAll(outbox);

        browser.open(GuestMail.linkMailedTo(email));
        browser.find("#contact");
        browser.assertAccessible();
        browser.type("#contact", email);
        browser.find("form button[type=submit]").click();

        browser.find("#code");
        browser.assertAccessible();
        GuestMail.deliverAll(outbox);
        browser.type("#code", GuestMail.codeMailedTo(email, GuestCodeIT.SUBJECT));
        browser.find("form button[type=submit]").click();

        assertThat(browser.text("h1")).isEqualTo(meeting.meeting().title());
        assertThat(browser.text("main")).contains("engångskod via e-post", "Ta med läkemedelslistan.");
        checkCameraAndMicrophone();
        browser.assertAccessible();
        browser.find("button[name=anonymous][value=false]").click();
        // the waiting room takes it from here (MeetingBrowserIT follows the guest in)
        assertThat(browser.text("[data-status-text]")).contains("Värden har fått besked om att du är här.");
        browser.assertAccessible();
    }

    /** The pre-join check shows the fake camera's picture, lists the devices, and turning the camera off stops it. */
    void checkCameraAndMicrophone() {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
        wait.until(driver -> (Boolean) js.executeScript("""
                const v = document.querySelector('[data-prejoin-preview]');
                return v.readyState >= 2 && v.videoWidth > 0;"""));
        assertThat(browser.all("#prejoin-camera-device option")).isNotEmpty();
        assertThat(browser.all("#prejoin-microphone-device option")).isNotEmpty();

        browser.find("#prejoin-camera").click();
        wait.until(driver -> (Boolean) js.executeScript("""
                const v = document.querySelector('[data-prejoin-preview]');
                return v.srcObject !== null && v.srcObject.getVideoTracks().length === 0
                    && v.srcObject.getAudioTracks().length === 1;"""));
        browser.find("#prejoin-camera").click();
    }

    @Test
    void aGuestIdentifiesWithBankIdByQrCodeAndJoinsAnonymously() {
        String email = "anna-" + unique() + "@example.se";
        // no personal identity number on the invitation: other tests' orders for Anna's number (BankID allows one
        // at a time per number) cannot get in the way; GuestEidIT checks the number match
        var meeting = bookings.book(followUp(tenant)
                .level(AssuranceLevel.LOA3)
                .confidential(true)
                .start(soon())
                .invitees(new InviteeRequest(null, "Anna Svensson", email, null, null)));
        GuestMail.deliverAll(outbox);

        browser.open(GuestMail.linkMailedTo(email));
        browser.find(".eid-choices");
        browser.assertAccessible();
        browser.find("input[name=method][value=BANKID] ~ .actions button[value=true]")
                .click();

        browser.find("img[data-eid-qr]");
        browser.assertAccessible();
        String qr = QrScanner.scan((String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('[data-eid-progress]').dataset.qrUrl).then(r => r.text()).then(done);"""));
        new SimulatedPhone(port).bankIdApprove(qr, null, GuestEidIT.ANNA_BANKID);

        // the page's own script polls, sees the order complete and moves on
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .withMessage(() ->
                        "to the meeting information from " + browser.driver().getCurrentUrl() + ", which says: "
                                + browser.driver()
                                        .findElement(org.openqa.selenium.By.tagName("main"))
                                        .getText())
                .until(driver -> driver.getCurrentUrl().endsWith("/info"));
        assertThat(browser.text("h1")).isEqualTo(meeting.meeting().title());
        assertThat(browser.text("main")).contains("Identifierad som Anna Svensson.", "BankID (tillitsnivå 3)");
        browser.assertAccessible();
        browser.find("button[name=anonymous][value=true]").click();
        assertThat(browser.text("[data-status-text]")).contains("Värden har fått besked om att du är här.");
        assertThat(browser.text("main"))
                .containsPattern("Du visas som Gäst [A-Z0-9]{4}")
                .doesNotContain("Anna Svensson");
    }
}
