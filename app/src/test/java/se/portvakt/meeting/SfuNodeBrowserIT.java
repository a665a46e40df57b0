package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;
import static se.portvakt.meeting.MeetingMediaIT.decoding;
import static se.portvakt.meeting.MeetingMediaIT.hostAdmitsAndJoins;
import static se.portvakt.meeting.MeetingMediaIT.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.booking.InviteeLinks;
import se.portvakt.booking.Rooms;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.organisation.Organisations;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.sfu.node.NodeStatus;

/**
 * A host and a guest in headless Chromium decode each other's camera with their meeting's media on an SFU node, a
 * process of its own: the browsers' media goes to the node's port, never through the app.
 */
@Tag("browser")
class SfuNodeBrowserIT {

    static final String SECRET = SfuNodeProcessIT.SECRET;

    @TempDir
    static Path dir;

    ConfigurableApplicationContext app;
    SfuNodeProcess node;
    Browser host;
    Browser anna;

    @AfterEach
    void stop() throws InterruptedException {
        for (Browser browser : new Browser[] {host, anna}) {
            if (browser != null) {
                browser.close();
            }
        }
        if (app != null) {
            app.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aHostAndAGuestDecodeEachOtherThroughTheNode() throws Exception {
        int port = SfuNodeProcessIT.freePort();
        node = SfuNodeProcess.start(SECRET, "http://127.0.0.1:" + port + SfuEventsController.PATH);
        node.warmUp(SfuNodeProcessIT.chromeOffer());
        app = MeetingRestartIT.start(
                Files.createTempDirectory("portvakt-sfu-node"),
                port,
                Map.of(
                        "server.port",
                        port,
                        "portvakt.media.nodes",
                        node.controlUrl(),
                        "portvakt.media.node-secret",
                        SECRET));
        Tenant tenant = new Fixtures(
                        app.getBean(Organisations.class), app.getBean(StaffDirectory.class), app.getBean(Rooms.class))
                .tenant();
        Booked meeting = new TestBookings(
                        app.getBean(BookingService.class),
                        app.getBean(InviteeLinks.class),
                        app.getBean(PlatformTransactionManager.class))
                .book(plan(tenant).guests("Anna Andersson"));
        String microphone = "--use-file-for-fake-audio-capture=" + MeetingMediaIT.tone(dir.resolve("tone.wav"));
        host = new Browser(port, microphone);
        anna = new Browser(port, microphone);

        hostAdmitsAndJoins(host, tenant, meeting, anna);
        decoding(host, "through the SFU node", Duration.ofSeconds(90));
        decoding(anna, "through the SFU node", Duration.ofSeconds(90));

        NodeStatus status = node.status();
        assertThat(status.meetings()).isEqualTo(1);
        assertThat(status.participants()).isEqualTo(2);
        assertThat(status.totals().packetsIn()).as("the media came to the node").isPositive();
        assertThat(status.totals().packetsOut()).isPositive();
        assertThat(String.valueOf(script(host, "return window.portvaktMedia.pc.remoteDescription.sdp")))
                .as("the host's browser was sent to the node's port")
                .contains(" 127.0.0.1 " + status.udpPort() + " typ host");
    }
}
