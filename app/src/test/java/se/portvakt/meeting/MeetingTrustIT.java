package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.EditableMeeting;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import tools.jackson.databind.JsonNode;

/**
 * Nobody stays in a meeting they were taken out of: whenever the meeting or an invitation changes, and before a
 * host's command, each guest's right to be there is asked again. And one sender cannot flood the others.
 */
@IntegrationTest
class MeetingTrustIT {

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BookingService booking;

    Tenant tenant;
    Booked meeting;
    List<SignalingClient> open = new ArrayList<>();

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

    HttpVisitor guest(Booked rehearsal, int index, boolean anonymous) {
        return new HttpVisitor(port).arrive(rehearsal.token(index), anonymous);
    }

    /** The host's view of the meeting, joined (so admitted guests are in it at once). */
    SignalingClient joinedRoom(HttpVisitor host, Booked rehearsal) {
        SignalingClient room = connect(host, "meeting=" + rehearsal.id());
        room.await("state");
        room.send("{\"type\":\"join\"}");
        room.await("state", state -> "IN_MEETING".equals(state.path("yourState").asString()));
        return room;
    }

    /** A guest's socket, admitted by the host's room into the meeting. */
    SignalingClient inMeeting(SignalingClient room, HttpVisitor guest, Booked rehearsal, int index) {
        SignalingClient socket = connect(guest, "invitee=" + rehearsal.invitee(index));
        String id = socket.await("state").path("you").asString();
        room.send("{\"type\":\"admit\",\"participantId\":\"" + id + "\"}");
        socket.await(
                "state", state -> "IN_MEETING".equals(state.path("yourState").asString()));
        return socket;
    }

    /** Changes the meeting as a host would in the booking form: {@code edit} gets the request as it stands. */
    void change(Booked rehearsal, UnaryOperator<MeetingRequest> edit) {
        EditableMeeting current = booking.find(tenant.actor(), rehearsal.id()).orElseThrow();
        MeetingDetails details = current.details();
        MeetingRequest asItIs = new MeetingRequest(
                details.title(),
                current.roomId(),
                current.hostId(),
                details.start(),
                details.end(),
                details.assuranceLevel(),
                details.confidential(),
                details.information(),
                details.language(),
                details.currentInvitees().stream()
                        .map(invitee -> new InviteeRequest(
                                invitee.id().value(), invitee.name(), invitee.email(), invitee.mobile(), null))
                        .toList());
        booking.change(tenant.actor(), rehearsal.id(), current.version(), edit.apply(asItIs));
    }

    static MeetingRequest withInvitees(MeetingRequest request, List<InviteeRequest> invitees) {
        return new MeetingRequest(
                request.title(),
                request.roomId(),
                request.hostId(),
                request.start(),
                request.end(),
                request.assuranceLevel(),
                request.confidential(),
                request.information(),
                request.language(),
                invitees);
    }

    static MeetingRequest withTerms(MeetingRequest request, AssuranceLevel level, boolean confidential) {
        return new MeetingRequest(
                request.title(),
                request.roomId(),
                request.hostId(),
                request.start(),
                request.end(),
                level,
                confidential,
                request.information(),
                request.language(),
                request.invitees());
    }

    static boolean rosterHas(JsonNode state, String name) {
        for (JsonNode badge : state.path("roster")) {
            if (name.equals(badge.path("name").asString())) {
                return true;
            }
        }
        return false;
    }

    static String closedReason(SignalingClient socket) {
        String reason = socket.await("closed").path("reason").asString();
        socket.awaitClosed();
        return reason;
    }

    @Test
    void cancellingTheMeetingTakesOutEveryoneWaitingOrInItAndItCannotBeJoined() {
        HttpVisitor host = host();
        SignalingClient console = connect(host, "console");
        SignalingClient room = joinedRoom(host, meeting);
        SignalingClient anna = inMeeting(room, guest(meeting, 0, false), meeting, 0);
        SignalingClient bertil = connect(guest(meeting, 1, false), "invitee=" + meeting.invitee(1));
        bertil.await("state");
        console.await("lobby", lobby -> lobby.path("waiting").size() == 1);

        booking.cancel(tenant.actor(), meeting.id());

        assertThat(closedReason(anna)).isEqualTo("CANCELLED");
        assertThat(closedReason(bertil)).isEqualTo("CANCELLED");
        assertThat(closedReason(room)).isEqualTo("CANCELLED");
        console.await(
                "lobby",
                lobby -> lobby.path("waiting").isEmpty()
                        && lobby.path("meetings")
                                        .toString()
                                        .indexOf(meeting.id().toString())
                                < 0);
        // the host's view of a cancelled meeting cannot open again, nor join it
        SignalingClient again = connect(host, "meeting=" + meeting.id());
        assertThat(closedReason(again)).isEqualTo("CANCELLED");
    }

    @Test
    void aGuestTakenOffTheInvitationLeavesTheWaitingRoomAndAdmitAllDoesNotLetThemIn() {
        HttpVisitor host = host();
        SignalingClient console = connect(host, "console");
        SignalingClient anna = connect(guest(meeting, 0, false), "invitee=" + meeting.invitee(0));
        anna.await("state");
        HttpVisitor bertilVisitor = guest(meeting, 1, false);
        SignalingClient bertil = connect(bertilVisitor, "invitee=" + meeting.invitee(1));
        bertil.await("state");
        console.await("lobby", lobby -> lobby.path("waiting").size() == 2);

        change(
                meeting,
                request -> withInvitees(
                        request,
                        request.invitees().stream()
                                .filter(invitee -> !invitee.name().equals("Bertil Berg"))
                                .toList()));

        assertThat(closedReason(bertil)).isEqualTo("CANCELLED");
        console.await(
                "lobby",
                lobby -> lobby.path("waiting").size() == 1
                        && lobby.path("waiting")
                                .get(0)
                                .path("guest")
                                .path("name")
                                .asString()
                                .equals("Anna Andersson"));
        SignalingClient room = joinedRoom(host, meeting);
        console.send("{\"type\":\"admitAll\",\"meetingId\":\"" + meeting.id() + "\"}");
        JsonNode state = room.await("state", seen -> seen.path("roster").size() == 2);
        assertThat(rosterHas(state, "Anna Andersson")).isTrue();
        assertThat(rosterHas(state, "Bertil Berg")).isFalse();
        // and the old tab cannot come back
        assertThat(SignalingClient.refused(bertilVisitor, "invitee=" + meeting.invitee(1)))
                .isTrue();
        anna.close();
    }

    @Test
    void aGuestTakenOffTheInvitationInTheMeetingIsDisconnectedAndLeavesTheRoster() {
        HttpVisitor host = host();
        SignalingClient room = joinedRoom(host, meeting);
        SignalingClient anna = inMeeting(room, guest(meeting, 0, false), meeting, 0);
        room.await("state", state -> rosterHas(state, "Anna Andersson"));

        change(
                meeting,
                request -> withInvitees(
                        request,
                        request.invitees().stream()
                                .filter(invitee -> !invitee.name().equals("Anna Andersson"))
                                .toList()));

        assertThat(closedReason(anna)).isEqualTo("CANCELLED");
        room.await(
                "state",
                state -> !rosterHas(state, "Anna Andersson")
                        && state.path("roster").size() == 1);
        // the host's roster never shows her again, and a chat line from the host does not reach her
        room.send("{\"type\":\"chat\",\"text\":\"Är du kvar?\"}");
        room.await("chat");
        assertThat(anna.seen().toString()).doesNotContain("Är du kvar?");
    }

    @Test
    void raisingTheLevelTakesOutWhoeverIdentifiedLessAndTheirProofNoLongerOpensASocket() {
        HttpVisitor host = host();
        SignalingClient room = joinedRoom(host, meeting);
        HttpVisitor annaVisitor = guest(meeting, 0, false);
        SignalingClient anna = inMeeting(room, annaVisitor, meeting, 0);

        change(meeting, request -> withTerms(request, AssuranceLevel.LOA3, true));

        assertThat(closedReason(anna)).isEqualTo("IDENTIFY_AGAIN");
        room.await("state", state -> !rosterHas(state, "Anna Andersson"));
        assertThat(SignalingClient.refused(annaVisitor, "invitee=" + meeting.invitee(0)))
                .isTrue();
    }

    @Test
    void anAnonymousGuestLeavesAMeetingThatIsNoLongerConfidential() {
        HttpVisitor host = host();
        SignalingClient room = joinedRoom(host, meeting);
        SignalingClient bertil = inMeeting(room, guest(meeting, 1, true), meeting, 1);
        SignalingClient anna = inMeeting(room, guest(meeting, 0, false), meeting, 0);

        change(meeting, request -> withTerms(request, AssuranceLevel.NONE, false));

        assertThat(closedReason(bertil)).isEqualTo("NOT_ANONYMOUS");
        room.await(
                "state",
                seen -> seen.path("roster").size() == 2
                        && rosterHas(seen, "Anna Andersson")
                        && !rosterHas(seen, "Bertil Berg"));
        assertThat(anna.isClosed()).isFalse();
    }

    @Test
    void aChangedAddressVoidsTheProofMadeForTheOldOne() {
        HttpVisitor host = host();
        SignalingClient room = joinedRoom(host, meeting);
        HttpVisitor annaVisitor = guest(meeting, 0, false);
        SignalingClient anna = inMeeting(room, annaVisitor, meeting, 0);

        change(
                meeting,
                request -> withInvitees(
                        request,
                        request.invitees().stream()
                                .map(invitee -> invitee.name().equals("Anna Andersson")
                                        ? new InviteeRequest(
                                                invitee.id(), invitee.name(), "anna.ny@example.se", null, null)
                                        : invitee)
                                .toList()));

        assertThat(closedReason(anna)).isEqualTo("IDENTIFY_AGAIN");
        assertThat(SignalingClient.refused(annaVisitor, "invitee=" + meeting.invitee(0)))
                .isTrue();
        InviteeDetails changed = booking.details(meeting.id()).orElseThrow().invitees().stream()
                .filter(invitee -> invitee.id().value().equals(meeting.invitee(0)))
                .findFirst()
                .orElseThrow();
        assertThat(changed.identityChangedAt()).isNotNull();
    }

    @Test
    void aGuestIsMovedOnlyIntoAMeetingWhoseTermsTheyMeet() {
        HttpVisitor host = host();
        SignalingClient console = connect(host, "console");
        SignalingClient bertil = connect(guest(meeting, 1, true), "invitee=" + meeting.invitee(1));
        String bertilId = bertil.await("state").path("you").asString();

        Booked strict = bookings.book(plan(tenant).confidential(true).guests("Cecilia Ceder"));
        change(strict, request -> withTerms(request, AssuranceLevel.LOA3, true));
        Booked open = bookings.book(plan(tenant).guests("David Dahl"));
        Booked cancelled = bookings.book(plan(tenant).confidential(true).guests("Erik Ek"));
        booking.cancel(tenant.actor(), cancelled.id());

        String[][] cases = {
            {strict.id().toString(), "level-too-low"},
            {open.id().toString(), "not-confidential"},
            {cancelled.id().toString(), "cancelled"}
        };
        for (String[] attempt : cases) {
            console.send(
                    "{\"type\":\"move\",\"participantId\":\"" + bertilId + "\",\"meetingId\":\"" + attempt[0] + "\"}");
            assertThat(console.await("error").path("code").asString())
                    .as(attempt[1])
                    .isEqualTo(attempt[1]);
        }
        bertil.send("{\"type\":\"ping\"}").await("pong");
        assertThat(bertil.seen().stream()
                        .filter(message -> message.path("type").asString().equals("state")))
                .allMatch(state -> state.path("meeting")
                        .path("id")
                        .asString()
                        .equals(meeting.id().toString()));
    }

    @Test
    void aFloodOfChatLinesIsRefusedToItsSenderAndTheOthersGetABoundedShare() throws InterruptedException {
        HttpVisitor host = host();
        SignalingClient room = joinedRoom(host, meeting);
        SignalingClient anna = inMeeting(room, guest(meeting, 0, false), meeting, 0);

        int sent = 300;
        for (int i = 0; i < sent; i++) {
            anna.send("{\"type\":\"chat\",\"text\":\"" + "x".repeat(900) + " " + i + "\"}");
        }
        anna.await(
                "error",
                error -> error.path("code").asString().equals("rate-limited")
                        && error.path("about").asString().equals("chat"));
        room.send("{\"type\":\"ping\"}").await("pong");
        anna.send("{\"type\":\"ping\"}").await("pong");
        long delivered = room.seen().stream()
                .filter(message -> message.path("type").asString().equals("chat"))
                .count();
        assertThat(delivered).isBetween(5L, 40L);

        // the host's own chat still goes through at once, and the guest's does again once her budget refills
        room.send("{\"type\":\"chat\",\"text\":\"Lugnt nu\"}");
        anna.await("chat", chat -> chat.path("line").path("text").asString().equals("Lugnt nu"));
        long deadline = System.nanoTime() + SignalingClient.WAIT.toNanos();
        boolean heard = false;
        while (!heard && System.nanoTime() < deadline) {
            Thread.sleep(250); // a person's pace: the budget refills with time, which is what this waits for
            anna.send("{\"type\":\"chat\",\"text\":\"Förlåt\"}")
                    .send("{\"type\":\"ping\"}")
                    .await("pong");
            room.send("{\"type\":\"ping\"}").await("pong");
            heard = room.seen().stream()
                    .anyMatch(message ->
                            message.path("line").path("text").asString().equals("Förlåt"));
        }
        assertThat(heard).isTrue();
    }

    @Test
    void aStormOfToggleIsCoalescedIntoFewStatePushes() {
        HttpVisitor host = host();
        SignalingClient room = joinedRoom(host, meeting);
        SignalingClient anna = inMeeting(room, guest(meeting, 0, false), meeting, 0);
        room.send("{\"type\":\"ping\"}").await("pong");
        long before = room.seen().stream()
                .filter(message -> message.path("type").asString().equals("state"))
                .count();

        for (int i = 0; i < 200; i++) {
            anna.send("{\"type\":\"mediaState\",\"microphone\":" + (i % 2 == 0) + ",\"camera\":true}");
        }
        anna.send("{\"type\":\"ping\"}").await("pong");
        room.await("state", state -> true);
        room.send("{\"type\":\"ping\"}").await("pong");
        long pushes = room.seen().stream()
                        .filter(message -> message.path("type").asString().equals("state"))
                        .count()
                - before;
        assertThat(pushes).isBetween(1L, 10L);
        assertThat(anna.seen().stream()
                        .anyMatch(message -> message.path("code").asString().equals("rate-limited")))
                .isTrue();
    }
}
