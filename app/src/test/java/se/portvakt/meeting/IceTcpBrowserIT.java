package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;
import static se.portvakt.meeting.MeetingMediaIT.decoding;
import static se.portvakt.meeting.MeetingMediaIT.hostAdmitsAndJoins;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
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
 * A network that lets no UDP through to the SFU (the test's own nftables rule drops it): the host and a guest still
 * meet, over ICE-TCP, and decode each other.
 */
@IntegrationTest
@Tag("browser")
class IceTcpBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

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
    void withUdpBlockedTheHostAndAGuestMeetOverTcp() {
        List<String> tcpPaths = tcpPaths(sfu);
        try (LoopbackFirewall firewall = LoopbackFirewall.droppingUdpTo(sfu.localAddresses())) {
            Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson"));
            hostAdmitsAndJoins(host, tenant, meeting, anna);

            for (Browser page : List.of(host, anna)) {
                decoding(page, "over TCP", Duration.ofSeconds(60));
                assertThat(selectedPath(page))
                        .as("the pair in use runs over TCP to one of the SFU's TCP ports")
                        .isIn(tcpPaths);
            }
            assertThat(firewall.dropped())
                    .as("the browsers tried UDP first and were stopped")
                    .isPositive();
            UninvitedBrowserIT.screenshot(host, "ice-tcp-host.png");
        }
    }

    /** The protocol and remote port of the candidate pair the page's connection uses. */
    /** The paths {@link #selectedPath} names for the SFU's ICE-TCP ports, one per packet loop. */
    static List<String> tcpPaths(se.portvakt.sfu.Sfu sfu) {
        List<String> paths = sfu.tcpAddresses().stream()
                .map(address -> "tcp " + address.getPort())
                .toList();
        if (paths.isEmpty()) {
            throw new AssertionError("the SFU listens on no TCP port");
        }
        return paths;
    }

    static String selectedPath(Browser page) {
        return String.valueOf(((JavascriptExecutor) page.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.portvaktMedia.pc.getStats().then(report => {
                  let pairId;
                  report.forEach(s => { if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId; });
                  const pair = pairId && report.get(pairId);
                  const remote = pair && report.get(pair.remoteCandidateId);
                  done(remote ? remote.protocol + ' ' + remote.port : 'no pair');
                });"""));
    }
}
