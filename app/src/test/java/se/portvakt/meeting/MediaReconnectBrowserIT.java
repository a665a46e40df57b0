package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;
import static se.portvakt.meeting.MeetingMediaIT.hostAdmitsAndJoins;
import static se.portvakt.meeting.MeetingMediaIT.inbound;
import static se.portvakt.meeting.MeetingMediaIT.rising;
import static se.portvakt.meeting.MeetingMediaIT.script;
import static se.portvakt.meeting.MeetingMediaIT.streams;
import static se.portvakt.meeting.MeetingMediaIT.until;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.ids.ParticipantId;
import se.portvakt.lobby.Lobby;
import se.portvakt.lobby.ParticipantState;
import se.portvakt.sfu.Sfu;

/**
 * Staying in (issue 10): the network under a meeting goes away for ten seconds (the test's nftables table drops
 * everything to and from the SFU's media port, UDP and TCP) and the guest's signaling socket breaks as on a network change.
 * Both pages say plainly that sound and video are reconnecting while they are still in the meeting, and show on
 * the other's tile that their connection is lost (the SFU heard nothing from them for seconds); they restart ICE on
 * the connection they have, and decode each other again once the network is back: the same connection (the SFU
 * kept its streams and keys), nobody admitted again.
 */
@IntegrationTest
@Tag("browser")
class MediaReconnectBrowserIT {

    /** How long the network stays away: a train through a tunnel, a Wi-Fi that drops and comes back. */
    static final Duration OUTAGE = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestBookings bookings;

    @Autowired
    Lobby lobby;

    @Autowired
    Sfu sfu;

    Browser host;
    Browser anna;
    Tenant tenant;

    @BeforeEach
    void open() {
        tenant = fixtures.tenant();
        host = new Browser(port);
        anna = new Browser(port);
    }

    @AfterEach
    void close() {
        List.of(host, anna).forEach(Browser::close);
    }

    @Test
    void afterTenSecondsWithoutANetworkTheMeetingGoesOnOnTheSameConnections() throws InterruptedException {
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson"));
        hostAdmitsAndJoins(host, tenant, meeting, anna);
        for (Browser page : List.of(host, anna)) {
            decoding(page, "before the outage");
            script(page, "window.connectionBefore = window.portvaktMedia.pc");
        }
        UUID annaId = UUID.fromString(String.valueOf(script(anna, "return window.portvaktMedia.you")));

        String media = LoopbackFirewall.anyOf(sfu.localAddresses());
        IceTcpBrowserIT.tcpPaths(sfu); // fails plainly without ICE-TCP
        String tcp = LoopbackFirewall.anyOf(sfu.tcpAddresses());
        long outageStarted = System.nanoTime();
        try (LoopbackFirewall outage = LoopbackFirewall.dropping(
                "udp dport " + media, "udp sport " + media, "tcp dport " + tcp, "tcp sport " + tcp)) {
            script(anna, "window.portvaktRoom.drop()"); // a new network: the signaling socket breaks too
            for (Browser page : List.of(host, anna)) {
                new org.openqa.selenium.support.ui.WebDriverWait(page.driver(), Duration.ofSeconds(40))
                        .withMessage(() -> "told that sound and video are reconnecting; page: " + script(page, """
                                const m = window.portvaktMedia;
                                return [m && m.pc.connectionState, m && m.pc.iceConnectionState,
                                  document.querySelector('[data-meeting-room]').dataset.mediaConnection,
                                  (document.querySelector('[data-room-notice]') || {}).textContent].join(' | ');""")
                                + "; path " + IceTcpBrowserIT.selectedPath(page) + "; media ports udp " + media
                                + ", tcp " + tcp
                                + "; dropped " + outage.dropped())
                        .until(driver -> noticeShown(page).contains("Du är kvar i mötet"));
            }
            UUID hostId = UUID.fromString(String.valueOf(script(host, "return window.portvaktMedia.you")));
            // the SFU has heard nothing from either for seconds: each sees it on the other's tile, so the host does
            // not go on talking to a frozen picture
            until(host, "Anna's tile saying her connection is lost", Duration.ofSeconds(40), b -> tileLost(b, annaId));
            until(
                    anna,
                    "the host's tile saying the connection is lost",
                    Duration.ofSeconds(40),
                    b -> tileLost(b, hostId));
            UninvitedBrowserIT.screenshot(host, "media-connection-lost-on-tile-host.png");
            UninvitedBrowserIT.screenshot(anna, "media-reconnecting-guest.png");
            assertThat(MeetingBrowserIT.state(anna))
                    .as("still in the meeting, not sent back to the waiting room")
                    .isEqualTo("IN_MEETING");
            long left = OUTAGE.toNanos() - (System.nanoTime() - outageStarted);
            if (left > 0) {
                Thread.sleep(left / 1_000_000); // the outage itself lasts its time; nothing to wait for
            }
            assertThat(outage.dropped())
                    .as("the browsers' media really met the outage")
                    .isPositive();
        }
        long back = System.nanoTime();
        for (Browser page : List.of(host, anna)) {
            decoding(page, "after the network came back");
        }
        long recoveredMillis = (System.nanoTime() - back) / 1_000_000;
        System.out.printf("Media decoding again on both pages %d ms after the network came back%n", recoveredMillis);
        for (Browser page : List.of(host, anna)) {
            assertThat(script(page, "return window.portvaktMedia.pc === window.connectionBefore"))
                    .as("the same connection: an ICE restart, not a new join")
                    .isEqualTo(true);
            assertThat(((Number) script(page, "return window.portvaktMedia.iceRestarts")).intValue())
                    .as("ICE restarted")
                    .isPositive();
            until(
                    page,
                    "the notice gone",
                    Duration.ofSeconds(20),
                    b -> noticeShown(b).isEmpty());
        }
        until(host, "Anna's tile clear again", Duration.ofSeconds(20), b -> !tileLost(b, annaId));
        assertThat(lobby.find(new ParticipantId(annaId)).orElseThrow().state())
                .as("never admitted again")
                .isEqualTo(ParticipantState.IN_MEETING);
        assertThat(sfu.stats(meeting.id().toString()).participants()).isEqualTo(2);
        assertThat(recoveredMillis)
                .as("media back soon after the network (issue 10 asks for 5 s on a quiet machine)")
                .isLessThan(20_000);
    }

    /** Waits until the other's video decodes frames on {@code page}. */
    static void decoding(Browser page, String when) {
        until(
                page,
                "two streams from the other " + when,
                Duration.ofSeconds(60),
                b -> streams(b).size() == 2);
        Map<String, Map<String, Object>> before = inbound(page);
        new org.openqa.selenium.support.ui.WebDriverWait(page.driver(), Duration.ofSeconds(60))
                .withMessage(() -> "the other's video decoding " + when + "; page: " + script(page, """
                        const m = window.portvaktMedia;
                        return [m && m.pc.connectionState, 'ICE restarts ' + (m && m.iceRestarts),
                          document.querySelector('[data-meeting-room]').dataset.mediaConnection,
                          JSON.stringify(m && m.streams)].join(' | ');""") + "; path "
                        + IceTcpBrowserIT.selectedPath(page))
                .until(driver -> {
                    Map<String, Map<String, Object>> now = inbound(page);
                    return streams(page).stream()
                            .filter(s -> "video".equals(s.get("kind")))
                            .allMatch(s -> rising(before, now, String.valueOf(s.get("mid")), "framesDecoded"));
                });
    }

    /** Whether the participant's tile shows, visibly, that their connection is lost. */
    static boolean tileLost(Browser page, UUID participantId) {
        return Boolean.TRUE.equals(script(page, "const id = '" + participantId + "';" + """
                const lost = document.querySelector('[data-tile="' + id + '"] [data-lost]');
                if (!lost || lost.hidden || lost.offsetParent === null) return false;
                const box = lost.getBoundingClientRect();
                return box.width > 0 && box.height > 0 && box.top < window.innerHeight && box.bottom > 0
                  && lost.textContent.includes('Anslutningen bröts');"""));
    }

    /** The room's notice over the videos as a person sees it: its text when shown, else empty. */
    static String noticeShown(Browser page) {
        return String.valueOf(script(page, """
                const notice = document.querySelector('[data-room-notice]');
                return notice && !notice.hidden && notice.offsetParent !== null ? notice.textContent : '';"""));
    }
}
