package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;
import static se.portvakt.meeting.MeetingMediaIT.decoding;
import static se.portvakt.meeting.MeetingMediaIT.hostAdmitsAndJoins;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.sfu.Sfu;
import tools.jackson.databind.JsonNode;

/**
 * A network that lets neither UDP nor TCP through to the SFU's ports (the test's own nftables rules), only to the
 * TURN relay: the host and a guest meet through a real coturn over TLS, with credentials Portvakt minted for each.
 */
@IntegrationTest
@Tag("browser")
class TurnBrowserIT {

    static Coturn coturn;

    @DynamicPropertySource
    static void turn(DynamicPropertyRegistry registry) throws Exception {
        coturn = Coturn.start(Files.createTempDirectory("coturn"));
        registry.add("portvakt.turn.urls", coturn::url);
        registry.add("portvakt.turn.secret", () -> coturn.secret);
    }

    @AfterAll
    static void stopCoturn() {
        if (coturn != null) {
            coturn.close();
        }
    }

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
        // the relay's certificate is this test's own: Chromium is told to accept it, not to skip TLS
        host = new Browser(port, "--ignore-certificate-errors");
        anna = new Browser(port, "--ignore-certificate-errors");
    }

    @AfterEach
    void close() {
        List.of(host, anna).forEach(Browser::close);
    }

    @Test
    void withBothOfTheSfusPortsBlockedTheHostAndAGuestMeetThroughTheRelay() {
        String udp = LoopbackFirewall.anyOf(sfu.localAddresses());
        String tcp = LoopbackFirewall.anyOf(sfu.tcpAddresses());
        // the relay's own datagrams to the SFU come from its relay ports: those pass
        try (LoopbackFirewall firewall = LoopbackFirewall.dropping(
                "udp dport " + udp + " udp sport != " + coturn.relayMin + "-" + coturn.relayMax, "tcp dport " + tcp)) {
            Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson"));
            hostAdmitsAndJoins(host, tenant, meeting, anna);

            for (Browser page : List.of(host, anna)) {
                decoding(page, "through the relay", Duration.ofSeconds(90));
                assertThat(localCandidate(page))
                        .as("the pair in use is relayed by coturn over TLS")
                        .isEqualTo("relay tls");
            }
            assertThat(firewall.dropped())
                    .as("the browsers tried the SFU's own ports first and were stopped")
                    .isPositive();
            UninvitedBrowserIT.screenshot(anna, "turn-guest.png");
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\ncoturn:\n" + tail(coturn.output()), e);
        }
    }

    @Test
    void onlyOneInTheMeetingIsGivenARelayCredentialOfTheirOwn() {
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson"));
        HttpVisitor hostVisitor = new HttpVisitor(port).logIn(tenant.host().email(), Fixtures.PASSWORD);
        try (SignalingClient console = SignalingClient.open(hostVisitor, "console");
                SignalingClient anna = SignalingClient.open(
                        new HttpVisitor(port).arrive(meeting.token(0), false), "invitee=" + meeting.invitee(0));
                SignalingClient room = SignalingClient.open(hostVisitor, "meeting=" + meeting.id())) {
            JsonNode waiting = anna.await(
                    "state", state -> state.path("yourState").asString().equals("WAITING"));
            assertThat(waiting.path("iceServers").isEmpty())
                    .as("nothing for the waiting room")
                    .isTrue();
            JsonNode notJoined = room.await("state");
            assertThat(notJoined.path("iceServers").isEmpty())
                    .as("nothing for a host not in the meeting")
                    .isTrue();

            JsonNode lobby = console.await("lobby", view -> view.path("waiting").size() == 1);
            String annaId = LobbySignalingIT.participantOf(lobby, "Anna Andersson");
            console.send("{\"type\":\"admit\",\"participantId\":\"" + annaId + "\"}");
            // the host joins once the admission is in (the two sockets' messages may otherwise cross)
            room.await("state", state -> state.path("admitted").size() == 1);
            room.send("{\"type\":\"join\"}");
            JsonNode in = anna.await(
                    "state", state -> state.path("yourState").asString().equals("IN_MEETING"));
            JsonNode relay = in.path("iceServers").path(0);
            String username = relay.path("username").asString();
            assertThat(relay.path("urls").path(0).asString()).isEqualTo(coturn.url());
            assertThat(username).matches("\\d+:" + annaId);
            assertThat(Long.parseLong(username.split(":")[0]))
                    .as("valid for the configured lifetime from now")
                    .isGreaterThan(System.currentTimeMillis() / 1000);
            assertThat(relay.path("credential").asString())
                    .isEqualTo(TurnCredentials.password(coturn.secret, username));
            JsonNode joined = room.await(
                    "state", state -> state.path("yourState").asString().equals("IN_MEETING"));
            assertThat(joined.path("iceServers").path(0).path("username").asString())
                    .endsWith(":" + joined.path("you").asString());
        }
    }

    /** The type of the local candidate the page's connection uses, and how it reaches the relay. */
    static String localCandidate(Browser page) {
        return String.valueOf(((JavascriptExecutor) page.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.portvaktMedia.pc.getStats().then(report => {
                  let pairId;
                  report.forEach(s => { if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId; });
                  const pair = pairId && report.get(pairId);
                  const local = pair && report.get(pair.localCandidateId);
                  done(local ? local.candidateType + ' ' + local.relayProtocol : 'no pair');
                });"""));
    }

    static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
