package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.invitee;
import static se.portvakt.booking.TestBookings.plan;
import static se.portvakt.booking.TestBookings.unique;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.TestPersons;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.UnreadableNumbers;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import tools.jackson.databind.JsonNode;

/**
 * Signaling reads of booking only what it shows and checks, never an identity number: with every named person's
 * number made unreadable (an encryption version no node knows), a guest's socket still opens, the console still
 * lists who waits and with whom, and the host still admits and moves. Each of these runs on every push or command,
 * on every node, so decrypting a meeting's numbers there would multiply with the nodes and the invitees.
 */
@IntegrationTest
class SignalingReadsNoIdentityNumberIT {

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    UnreadableNumbers numbers;
    final List<SignalingClient> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        numbers = new UnreadableNumbers(jdbc);
    }

    @AfterEach
    void restore() {
        open.forEach(SignalingClient::close);
        numbers.restore();
    }

    static InviteeRequest named(String name) {
        return new InviteeRequest(
                null,
                name,
                unique() + "@example.se",
                null,
                TestPersons.bornIn(1980).digits(),
                null);
    }

    SignalingClient connect(HttpVisitor visitor, String query) {
        SignalingClient client = SignalingClient.open(visitor, query);
        open.add(client);
        return client;
    }

    @Test
    void aGuestsSocketTheConsoleAndTheHostsCommandsDecryptNoNumber() {
        // Anna is Lisa's guardian; Cecilia and David are named by their numbers and never come
        Booked meeting = bookings.book(plan(tenant)
                .invitees(
                        invitee("Lisa Larsson", unique() + "@example.se", null),
                        new InviteeRequest(null, "Anna Larsson", unique() + "@example.se", null, null, 0),
                        named("Cecilia Ceder")));
        Booked second = bookings.book(plan(tenant).invitees(named("David Dahl")));
        assertThat(numbers.inMeeting(meeting.id()) + numbers.inMeeting(second.id()))
                .isEqualTo(2);
        // a guest's own pages decrypt no number either (GuestPagesDecryptNoOtherNumberIT)
        HttpVisitor lisa = new HttpVisitor(port).arrive(meeting.token(0), false);
        HttpVisitor anna = new HttpVisitor(port).arrive(meeting.token(1), false);

        HttpVisitor host = new HttpVisitor(port).logIn(tenant.host().email(), Fixtures.PASSWORD);
        SignalingClient console = connect(host, "console");
        SignalingClient lisaSocket = connect(lisa, "invitee=" + meeting.invitee(0));
        SignalingClient annaSocket = connect(anna, "invitee=" + meeting.invitee(1));
        String lisaId = lisaSocket.await("state").path("you").asString();
        annaSocket.await("state");

        JsonNode lobby = console.await("lobby", view -> view.path("waiting").size() == 2);
        assertThat(waiting(lobby, "Anna Larsson").path("guardianOf").asString()).isEqualTo("Lisa Larsson");
        assertThat(waiting(lobby, "Lisa Larsson").path("guardians").get(0).asString())
                .isEqualTo("Anna Larsson");

        SignalingClient secondRoom = connect(host, "meeting=" + second.id());
        secondRoom.await("state");
        secondRoom.send("{\"type\":\"join\"}");
        // the move reads whether the host is there: wait until the join has been carried out
        secondRoom.await("state", state -> state.path("meeting").path("started").asBoolean());
        console.send("{\"type\":\"move\",\"participantId\":\"" + lisaId + "\",\"meetingId\":\"" + second.id() + "\"}");
        JsonNode moved = lisaSocket.await(
                "state",
                state -> state.path("meeting")
                        .path("id")
                        .asString()
                        .equals(second.id().toString()));
        assertThat(moved.path("yourState").asString()).isEqualTo("IN_MEETING");

        SignalingClient room = connect(host, "meeting=" + meeting.id());
        room.await("state");
        room.send("{\"type\":\"admitAll\",\"meetingId\":\"" + meeting.id() + "\"}");
        room.send("{\"type\":\"join\"}");
        annaSocket.await("state", state -> state.path("yourState").asString().equals("IN_MEETING"));
        assertThat(room.seen())
                .noneMatch(message -> message.path("type").asString().equals("error"));
        assertThat(console.seen())
                .noneMatch(message -> message.path("type").asString().equals("error"));
    }

    static JsonNode waiting(JsonNode lobby, String name) {
        for (JsonNode waiting : lobby.path("waiting")) {
            if (name.equals(waiting.path("guest").path("name").asString())) {
                return waiting;
            }
        }
        throw new AssertionError(name + " is not waiting: " + lobby);
    }
}
