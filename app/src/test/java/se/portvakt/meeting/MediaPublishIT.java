package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import java.time.Duration;
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
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.sfu.Sfu;

/**
 * A host joins the meeting room in headless Chromium with the fake camera and microphone: the page publishes
 * to the in-process SFU, ICE and DTLS complete over 127.0.0.1, and SRTP from the browser is decrypted there.
 * Receiving others is not part of this slice (the SFU does not yet announce forwarded streams).
 */
@IntegrationTest
@Tag("browser")
class MediaPublishIT {

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Sfu sfu;

    Browser host;
    Tenant tenant;

    @BeforeEach
    void open() {
        tenant = fixtures.tenant();
        host = new Browser(port);
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void theHostsCameraAndMicrophoneReachTheSfu() {
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson"));
        host.logIn(tenant.host().email(), Fixtures.PASSWORD);

        host.open("/meetings/" + meeting.id() + "/room");
        JavascriptExecutor js = (JavascriptExecutor) host.driver();
        // the page's socket is up once the first state has been rendered; a click before it would be lost
        new WebDriverWait(host.driver(), Duration.ofSeconds(15))
                .withMessage("signaling connected")
                .until(driver ->
                        js.executeScript("return document.querySelector('[data-meeting-room]').dataset.state") != null);
        host.find("[data-join]").click();
        new WebDriverWait(host.driver(), Duration.ofSeconds(30))
                .withMessage(() -> "ICE and DTLS with the SFU: " + js.executeScript("""
                        const p = window.portvaktMedia && window.portvaktMedia.pc;
                        return p ? p.connectionState + ' ice ' + p.iceConnectionState + ' signaling '
                            + p.signalingState : 'no peer connection';"""))
                .until(driver -> "connected"
                        .equals(js.executeScript(
                                "return window.portvaktMedia ? window.portvaktMedia.pc.connectionState : null")));

        String meetingId = meeting.id().toString();
        new WebDriverWait(host.driver(), Duration.ofSeconds(15))
                .withMessage("RTP decrypted by the SFU")
                .until(driver -> sfu.stats(meetingId).packetsIn() > 50);
        long first = sfu.stats(meetingId).packetsIn();
        new WebDriverWait(host.driver(), Duration.ofSeconds(5))
                .withMessage("RTP keeps coming")
                .until(driver -> sfu.stats(meetingId).packetsIn() > first);
        assertThat(sfu.stats(meetingId).streams())
                .extracting(stream -> stream.kind())
                .contains("audio", "video");

        // leaving stops the participant's media in the SFU
        RoomPage.hostLeaves(host);
        new WebDriverWait(host.driver(), Duration.ofSeconds(10))
                .withMessage("media removed on leave")
                .until(driver -> sfu.stats(meetingId).participants() == 0);
    }
}
