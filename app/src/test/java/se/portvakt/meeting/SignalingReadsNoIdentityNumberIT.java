package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.invitee;
import static se.portvakt.booking.TestBookings.plan;
import static se.portvakt.booking.TestBookings.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
    final List<SignalingClient> open = new ArrayList<>();
    final List<UUID> madeUnreadable = new ArrayList<>();
    final List<String> numbers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
    }

    @AfterEach
    void restore() {
        open.forEach(SignalingClient::close);
        for (int i = 0; i < madeUnreadable.size(); i++) {
            jdbc.sql("update invitee set pin_encrypted = ? where id = ?")
                    .params(numbers.get(i), madeUnreadable.get(i))
                    .update();
        }
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

    /** Every invitee of the meeting that names a person: their number as stored can no longer be decrypted. */
    void makeNumbersUnreadable(Booked meeting) {
        jdbc.sql("select id, pin_encrypted from invitee where meeting_id = ? and pin_encrypted is not null")
                .param(meeting.id())
                .query((rs, n) -> {
                    madeUnreadable.add(rs.getObject(1, UUID.class));
                    return numbers.add(rs.getString(2));
                })
                .list();
        jdbc.sql("update invitee set pin_encrypted = ? where meeting_id = ? and pin_encrypted is not null")
                .params("v0:unreadable", meeting.id())
                .update();
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
        // the guests' pages come first: they show a guest their own invitation, which is not signaling's read
        HttpVisitor lisa = new HttpVisitor(port).arrive(meeting.token(0), false);
        HttpVisitor anna = new HttpVisitor(port).arrive(meeting.token(1), false);
        makeNumbersUnreadable(meeting);
        makeNumbersUnreadable(second);
        assertThat(madeUnreadable).hasSize(2);

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
