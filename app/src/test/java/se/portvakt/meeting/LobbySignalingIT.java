package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import tools.jackson.databind.JsonNode;

/** The waiting room and the meeting over real signaling sockets: the journey, and who may do what. */
@IntegrationTest
class LobbySignalingIT {

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @Autowired
    se.portvakt.audit.AuditLog audit;

    Tenant tenant;
    Booked meeting;
    java.util.List<SignalingClient> open = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        meeting = bookings.book(plan(tenant).confidential(true).guests("Anna Andersson", "Bertil Berg"));
    }

    @AfterEach
    void closeSockets() {
        open.forEach(SignalingClient::close);
    }

    SignalingClient connect(HttpVisitor visitor, String query) {
        SignalingClient client = SignalingClient.open(visitor, query);
        open.add(client);
        return client;
    }

    HttpVisitor host() {
        return new HttpVisitor(port).logIn(tenant.host().email(), Fixtures.PASSWORD);
    }

    HttpVisitor guest(int index, boolean anonymous) {
        return new HttpVisitor(port).arrive(meeting.token(index), anonymous);
    }

    SignalingClient guestSocket(HttpVisitor guest, int index) {
        return connect(guest, "invitee=" + meeting.invitee(index));
    }

    /** The audit record of the move, written just after the state went out: waited for, at most 10 s. */
    se.portvakt.audit.AuditEvent movedRecord() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            java.util.Optional<se.portvakt.audit.AuditEvent> moved =
                    audit.latest(tenant.organisation().id(), 50).stream()
                            .filter(event -> event.action() == se.portvakt.audit.AuditAction.GUEST_MOVED)
                            .findFirst();
            if (moved.isPresent() || System.nanoTime() > deadline) {
                return moved.orElseThrow(() -> new AssertionError("no guest.moved record"));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // poll the condition, not a fixed wait
        }
    }

    static String participantOf(JsonNode lobby, String name) {
        for (JsonNode waiting : lobby.path("waiting")) {
            if (name.equals(waiting.path("guest").path("name").asString())) {
                return waiting.path("guest").path("participantId").asString();
            }
        }
        throw new AssertionError(name + " is not waiting: " + lobby);
    }

    static boolean waitingCount(JsonNode lobby, int count) {
        return lobby.path("waiting").size() == count;
    }

    @Test
    void aGuestStillWaitingHearsNothingOfTheMeeting() {
        HttpVisitor host = host();
        SignalingClient console = connect(host, "console");
        SignalingClient annaSocket = guestSocket(guest(0, false), 0);
        SignalingClient bertilSocket = guestSocket(guest(1, false), 1);
        JsonNode lobby = console.await("lobby", view -> waitingCount(view, 2));
        console.send("{\"type\":\"admit\",\"participantId\":\"" + participantOf(lobby, "Anna Andersson") + "\"}");
        SignalingClient room = connect(host, "meeting=" + meeting.id());
        room.await("state", state -> state.path("admitted").size() == 1);
        room.send("{\"type\":\"join\"}");
        annaSocket.await("state", state -> state.path("yourState").asString().equals("IN_MEETING"));

        annaSocket.send("{\"type\":\"chat\",\"text\":\"Bara för de som är med\"}");
        annaSocket.send("{\"type\":\"react\",\"reaction\":\"heart\"}");
        room.await("chat");
        room.await("reaction");
        bertilSocket.send("{\"type\":\"ping\"}").await("pong"); // anything sent to Bertil before is in by now

        assertThat(bertilSocket.seen())
                .extracting(message -> message.path("type").asString())
                .doesNotContain("chat", "reaction");
        assertThat(bertilSocket.seen().toString()).doesNotContain("Bara för de som är med", "Anna");
    }

    @Test
    void guestsWaitAreAdmittedOrDeniedAndEnterWhenTheHostJoins() {
        HttpVisitor host = host();
        SignalingClient console = connect(host, "console");
        console.await("lobby", lobby -> waitingCount(lobby, 0));

        HttpVisitor anna = guest(0, false);
        SignalingClient annaSocket = guestSocket(anna, 0);
        assertThat(annaSocket.await("state").path("yourState").asString()).isEqualTo("WAITING");
        console.await(
                "arrived",
                arrived -> arrived.path("guest")
                        .path("guest")
                        .path("name")
                        .asString()
                        .equals("Anna Andersson"));
        HttpVisitor bertil = guest(1, true);
        SignalingClient bertilSocket = guestSocket(bertil, 1);
        JsonNode lobby = console.await("lobby", view -> waitingCount(view, 2));

        JsonNode annaBadge = lobby.path("waiting").get(0).path("guest");
        assertThat(annaBadge.path("method").asString()).isEqualTo("LINK");
        assertThat(annaBadge.path("level").asString()).isEqualTo("NONE");
        JsonNode bertilBadge = lobby.path("waiting").get(1).path("guest");
        assertThat(bertilBadge.path("pseudonym").asString()).matches("[A-Z2-9]{4}");
        // the host may tie the pseudonym to the person
        assertThat(bertilBadge.path("name").asString()).isEqualTo("Bertil Berg");
        // guests never see each other while waiting
        JsonNode bertilState = bertilSocket.await("state");
        assertThat(bertilState.toString()).doesNotContain("Anna");

        console.send("{\"type\":\"admit\",\"participantId\":\"" + participantOf(lobby, "Anna Andersson") + "\"}");
        assertThat(annaSocket
                        .await(
                                "state",
                                state -> state.path("yourState").asString().equals("ADMITTED"))
                        .path("roster")
                        .size())
                .isZero();
        console.send("{\"type\":\"deny\",\"participantId\":\"" + participantOf(lobby, "Bertil Berg")
                + "\",\"message\":\"Fel tid, välkommen i morgon.\"}");
        JsonNode denied = bertilSocket.await("closed");
        assertThat(denied.path("reason").asString()).isEqualTo("DENIED");
        assertThat(denied.path("message").asString()).isEqualTo("Fel tid, välkommen i morgon.");
        bertilSocket.awaitClosed();

        SignalingClient room = connect(host, "meeting=" + meeting.id());
        room.await("state", state -> state.path("admitted").size() == 1);
        room.send("{\"type\":\"join\"}");
        JsonNode inMeeting = annaSocket.await(
                "state", state -> state.path("yourState").asString().equals("IN_MEETING"));
        assertThat(inMeeting.path("meeting").path("started").asBoolean()).isTrue();
        assertThat(inMeeting.path("roster")).hasSize(2);

        annaSocket.send("{\"type\":\"chat\",\"text\":\"Hej!\"}");
        assertThat(room.await("chat").path("line").path("text").asString()).isEqualTo("Hej!");
        annaSocket.send("{\"type\":\"hand\",\"raised\":true}");
        room.await("state", state -> hasHand(state, "Anna Andersson", 1));
        annaSocket.send("{\"type\":\"react\",\"reaction\":\"clap\"}");
        assertThat(room.await("reaction").path("reaction").asString()).isEqualTo("clap");
        room.send("{\"type\":\"chat\",\"text\":\"Välkommen\"}");
        annaSocket.await(
                "chat", chat -> chat.path("line").path("text").asString().equals("Välkommen"));

        String annaId = inMeeting.path("you").asString();
        room.send("{\"type\":\"mute\",\"participantId\":\"" + annaId + "\"}");
        annaSocket.await("muteRequested");
        room.send("{\"type\":\"cameraOff\",\"participantId\":\"" + annaId + "\"}");
        annaSocket.await("cameraOff");

        room.send("{\"type\":\"sendBack\",\"participantId\":\"" + annaId + "\"}");
        assertThat(annaSocket
                        .await(
                                "state",
                                state -> state.path("yourState").asString().equals("WAITING"))
                        .path("chat")
                        .size())
                .isZero();
        console.await("lobby", view -> waitingCount(view, 1));
        console.send("{\"type\":\"admit\",\"participantId\":\"" + annaId + "\"}");
        annaSocket.await("state", state -> state.path("yourState").asString().equals("IN_MEETING"));

        room.send("{\"type\":\"end\"}");
        assertThat(annaSocket.await("closed").path("reason").asString()).isEqualTo("ENDED");
        assertThat(room.await("closed").path("reason").asString()).isEqualTo("ENDED");
        // an ended meeting cannot be entered again by its link, nor by a socket
        assertThat(anna.get("/m/" + meeting.token(0) + "/info").status()).isEqualTo(410);
        SignalingClient again = connect(anna, "invitee=" + meeting.invitee(0));
        assertThat(again.await("closed").path("reason").asString()).isEqualTo("ENDED");
    }

    static boolean hasHand(JsonNode state, String name, int place) {
        for (JsonNode badge : state.path("roster")) {
            if (name.equals(badge.path("name").asString())) {
                return badge.path("hand").asInt() == place;
            }
        }
        return false;
    }

    @Test
    void aGuestSendingHostMessagesIsRefusedAndNothingChanges() {
        HttpVisitor host = host();
        SignalingClient room = connect(host, "meeting=" + meeting.id());
        room.await("state");
        room.send("{\"type\":\"join\"}");
        HttpVisitor anna = guest(0, false);
        HttpVisitor bertil = guest(1, false);
        SignalingClient annaSocket = guestSocket(anna, 0);
        String annaId = annaSocket.await("state").path("you").asString();
        SignalingClient bertilSocket = guestSocket(bertil, 1);
        String bertilId = bertilSocket.await("state").path("you").asString();

        for (String attempt : java.util.List.of(
                "{\"type\":\"admit\",\"participantId\":\"" + annaId + "\"}",
                "{\"type\":\"admitAll\",\"meetingId\":\"" + meeting.id() + "\"}",
                "{\"type\":\"remove\",\"participantId\":\"" + bertilId + "\"}",
                "{\"type\":\"mute\",\"participantId\":\"" + bertilId + "\"}",
                "{\"type\":\"deny\",\"participantId\":\"" + bertilId + "\"}",
                "{\"type\":\"join\"}",
                "{\"type\":\"end\"}",
                "{\"type\":\"lock\",\"locked\":true}")) {
            annaSocket.send(attempt);
            assertThat(annaSocket.await("error").path("code").asString())
                    .as(attempt)
                    .isEqualTo("forbidden");
        }
        annaSocket.send("{\"type\":\"chat\",\"text\":\"hej\"}");
        assertThat(annaSocket.await("error").path("code").asString()).isEqualTo("not-in-meeting");
        assertThat(bertilSocket.isClosed()).isFalse();
        bertilSocket.send("{\"type\":\"ping\"}");
        bertilSocket.await("pong");
    }

    @Test
    void aGuestOfOneMeetingCanNeitherSeeNorEnterAnother() {
        Booked other = bookings.book(plan(tenant).guests("Cecilia Ceder"));
        HttpVisitor anna = guest(0, false);
        HttpVisitor cecilia = new HttpVisitor(port).arrive(other.token(0), false);

        assertThat(SignalingClient.refused(anna, "invitee=" + other.invitee(0))).isTrue();
        assertThat(SignalingClient.refused(anna, "meeting=" + other.id())).isTrue();
        assertThat(SignalingClient.refused(anna, "console")).isTrue();
        assertThat(SignalingClient.refused(anna, "invitee=not-a-uuid")).isTrue();
        assertThat(SignalingClient.refused(new HttpVisitor(port), "invitee=" + meeting.invitee(0)))
                .isTrue();
        // a host of another organisation cannot open the meeting
        Tenant elsewhere = fixtures.tenant();
        HttpVisitor stranger = new HttpVisitor(port).logIn(elsewhere.host().email(), Fixtures.PASSWORD);
        assertThat(SignalingClient.refused(stranger, "meeting=" + meeting.id())).isTrue();
        SignalingClient strangerConsole = connect(stranger, "console");
        assertThat(strangerConsole.await("lobby").path("waiting").size()).isZero();
        // nor act on its guests
        SignalingClient annaSocket = guestSocket(anna, 0);
        String annaId = annaSocket.await("state").path("you").asString();
        strangerConsole.send("{\"type\":\"admit\",\"participantId\":\"" + annaId + "\"}");
        assertThat(strangerConsole.await("error").path("code").asString()).isEqualTo("unknown-participant");

        SignalingClient ceciliaSocket = connect(cecilia, "invitee=" + other.invitee(0));
        assertThat(ceciliaSocket.await("state").toString())
                .doesNotContain("Anna", meeting.meeting().title());
    }

    @Test
    void aRemovedGuestsOldTabCannotComeBack() {
        HttpVisitor host = host();
        SignalingClient console = connect(host, "console");
        HttpVisitor anna = guest(0, false);
        SignalingClient annaSocket = guestSocket(anna, 0);
        String annaId = annaSocket.await("state").path("you").asString();
        console.send("{\"type\":\"remove\",\"participantId\":\"" + annaId + "\"}");
        assertThat(annaSocket.await("closed").path("reason").asString()).isEqualTo("REMOVED");
        annaSocket.awaitClosed();

        SignalingClient again = connect(anna, "invitee=" + meeting.invitee(0));
        assertThat(again.await("closed").path("reason").asString()).isEqualTo("REMOVED");
        again.awaitClosed();
        // saying "I am here" again does not put them back in the waiting room
        anna.post("/m/" + meeting.token(0) + "/info", "/m/" + meeting.token(0) + "/join", "anonymous", "false");
        SignalingClient third = connect(anna, "invitee=" + meeting.invitee(0));
        assertThat(third.await("closed").path("reason").asString()).isEqualTo("REMOVED");
        console.await("lobby", view -> waitingCount(view, 0));
    }

    @Test
    void badMessagesGetAnErrorAndHarmNoConnection() {
        HttpVisitor host = host();
        SignalingClient room = connect(host, "meeting=" + meeting.id());
        room.await("state");
        room.send("{\"type\":\"join\"}");
        HttpVisitor anna = guest(0, false);
        SignalingClient annaSocket = guestSocket(anna, 0);
        String annaId = annaSocket.await("state").path("you").asString();
        room.send("{\"type\":\"admit\",\"participantId\":\"" + annaId + "\"}");
        annaSocket.await("state", state -> state.path("yourState").asString().equals("IN_MEETING"));

        String oversized = "{\"type\":\"chat\",\"text\":\"" + "x".repeat(20_000) + "\"}";
        String[][] cases = {
            {"not json", "invalid"},
            {"{\"type\":\"nonsense\"}", "unknown-type"},
            {"{}", "invalid"},
            {"{\"type\":\"chat\"}", "invalid"},
            {"{\"type\":\"chat\",\"text\":\"" + "y".repeat(1001) + "\"}", "invalid"},
            {"{\"type\":\"react\",\"reaction\":\"<script>\"}", "invalid"},
            {"[1,2,3]", "invalid"},
            {"{\"type\":\"admit\",\"participantId\":\"nope\"}", "invalid"},
            {oversized, "too-large"}
        };
        for (String[] bad : cases) {
            annaSocket.send(bad[0]);
            assertThat(annaSocket.await("error").path("code").asString())
                    .as(bad[0])
                    .isEqualTo(bad[1]);
        }
        annaSocket.send("{\"type\":\"chat\",\"text\":\"still here\"}");
        assertThat(room.await(
                        "chat",
                        chat -> chat.path("line").path("text").asString().equals("still here")))
                .isNotNull();
        assertThat(annaSocket.isClosed()).isFalse();
    }

    @Test
    void aHostMovesAGuestIntoAnotherMeetingOfTheRoom() {
        Booked second = bookings.book(plan(tenant).guests("Cecilia Ceder"));
        HttpVisitor host = host();
        SignalingClient console = connect(host, "console");
        SignalingClient secondRoom = connect(host, "meeting=" + second.id());
        secondRoom.await("state");
        secondRoom.send("{\"type\":\"join\"}");
        HttpVisitor anna = guest(0, false);
        SignalingClient annaSocket = guestSocket(anna, 0);
        String annaId = annaSocket.await("state").path("you").asString();

        console.send("{\"type\":\"move\",\"participantId\":\"" + annaId + "\",\"meetingId\":\"" + second.id() + "\"}");
        JsonNode moved = annaSocket.await(
                "state", state -> state.path("yourState").asString().equals("IN_MEETING"));
        assertThat(moved.path("meeting").path("id").asString())
                .isEqualTo(second.id().toString());
        secondRoom.await("state", state -> state.path("roster").size() == 2);
        se.portvakt.audit.AuditEvent audited = movedRecord();
        assertThat(audited.actor())
                .as("who moved")
                .isEqualTo("staff:" + tenant.host().id());
        assertThat(audited.meetingId().value()).isEqualTo(second.id());
        assertThat(audited.details()).containsEntry("fromMeeting", meeting.id().toString());
        assertThat(audited.subject()).isEqualTo(annaId);

        // not into a meeting of another room
        se.portvakt.booking.Room otherRoom = fixtures.addRoom(tenant, "Annat rum");
        Booked elsewhere =
                bookings.book(plan(tenant).room(otherRoom.id().value()).guests("David Dahl"));
        console.send(
                "{\"type\":\"move\",\"participantId\":\"" + annaId + "\",\"meetingId\":\"" + elsewhere.id() + "\"}");
        assertThat(console.await("error").path("code").asString()).isEqualTo("not-same-room");
    }

    @Test
    void aLockedMeetingAdmitsNobody() {
        HttpVisitor host = host();
        SignalingClient room = connect(host, "meeting=" + meeting.id());
        room.await("state");
        room.send("{\"type\":\"join\"}");
        room.send("{\"type\":\"lock\",\"locked\":true}");
        room.await("state", state -> state.path("meeting").path("locked").asBoolean());
        HttpVisitor anna = guest(0, false);
        SignalingClient annaSocket = guestSocket(anna, 0);
        String annaId = annaSocket.await("state").path("you").asString();
        room.send("{\"type\":\"admit\",\"participantId\":\"" + annaId + "\"}");
        assertThat(room.await("error").path("code").asString()).isEqualTo("locked");
    }
}
