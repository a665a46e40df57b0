package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.Invitation;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.InviteeLinks;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.internal.BookingRejected;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import tools.jackson.databind.JsonNode;

/**
 * A child and a guardian invited to one meeting: the booking keeps who is whose guardian through changes, refuses
 * links that make no sense, and the host's console (through each guest's own {@link Invitation}) shows who comes
 * with whom while they wait.
 */
@IntegrationTest
class ChildAndGuardianIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BookingService booking;

    @Autowired
    InviteeLinks links;

    Tenant tenant;
    final List<SignalingClient> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
    }

    @AfterEach
    void closeSockets() {
        open.forEach(SignalingClient::close);
    }

    MeetingRequest request(List<InviteeRequest> invitees) {
        Instant start = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return new MeetingRequest(
                "Barnsamtal " + UUID.randomUUID().toString().substring(0, 6),
                tenant.room().id().value(),
                tenant.host().id().value(),
                start,
                start.plus(Duration.ofMinutes(45)),
                AssuranceLevel.NONE,
                false,
                null,
                "sv",
                invitees);
    }

    static InviteeRequest invitee(UUID id, String name, Integer guardianOf) {
        return new InviteeRequest(
                id,
                name,
                name.toLowerCase().replace(' ', '.') + "-"
                        + UUID.randomUUID().toString().substring(0, 4) + "@example.se",
                null,
                null,
                guardianOf);
    }

    static InviteeDetails named(MeetingDetails meeting, String name) {
        return meeting.currentInvitees().stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theConsoleShowsWhoIsGuardianOfWhomWhileTheyWait() {
        UUID id = booking.book(
                tenant.actor(),
                request(List.of(
                        invitee(null, "Lisa Larsson", null),
                        invitee(null, "Anna Larsson", 0),
                        invitee(null, "Bertil Berg", null))));
        MeetingDetails meeting = booking.details(id).orElseThrow();
        InviteeDetails lisa = named(meeting, "Lisa Larsson");
        InviteeDetails anna = named(meeting, "Anna Larsson");
        assertThat(anna.guardianOf()).isEqualTo(lisa.id());
        assertThat(lisa.guardianOf()).isNull();

        HttpVisitor host = new HttpVisitor(port).logIn(tenant.host().email(), Fixtures.PASSWORD);
        SignalingClient console = connect(host, "console");
        for (InviteeDetails guest : List.of(lisa, anna, named(meeting, "Bertil Berg"))) {
            connect(new HttpVisitor(port).arrive(links.tokenFor(guest.id().value()), false), "invitee=" + guest.id());
        }
        JsonNode lobby = console.await("lobby", view -> view.path("waiting").size() == 3);

        assertThat(waiting(lobby, "Anna Larsson").path("guardianOf").asString()).isEqualTo("Lisa Larsson");
        assertThat(waiting(lobby, "Lisa Larsson").path("guardians").get(0).asString())
                .isEqualTo("Anna Larsson");
        assertThat(waiting(lobby, "Bertil Berg").path("guardianOf").isNull()
                        || waiting(lobby, "Bertil Berg").path("guardianOf").isMissingNode())
                .isTrue();
        assertThat(waiting(lobby, "Bertil Berg").path("guardians").size()).isZero();
    }

    @Test
    void theLinkFollowsChangesAndEndsWithTheChildsInvitation() {
        UUID id = booking.book(
                tenant.actor(),
                request(List.of(invitee(null, "Lisa Larsson", null), invitee(null, "Anna Larsson", 0))));
        MeetingDetails booked = booking.details(id).orElseThrow();
        InviteeDetails lisa = named(booked, "Lisa Larsson");
        InviteeDetails anna = named(booked, "Anna Larsson");
        int version = booking.find(tenant.actor(), id).orElseThrow().version();

        // the host lists them the other way round: the link is by position, so it still names Lisa
        booking.change(
                tenant.actor(),
                id,
                version,
                request(List.of(
                        new InviteeRequest(anna.id().value(), anna.name(), anna.email(), null, null, 1),
                        new InviteeRequest(lisa.id().value(), lisa.name(), lisa.email(), null, null, null))));
        assertThat(named(booking.details(id).orElseThrow(), "Anna Larsson").guardianOf())
                .isEqualTo(lisa.id());
        // what signaling reads of each: their own invitation, with who comes with them by name
        Invitation annas = booking.invitation(anna.id()).orElseThrow();
        assertThat(annas.guardianOf()).isEqualTo("Lisa Larsson");
        assertThat(annas.guardians()).isEmpty();
        assertThat(annas.meetingId().value()).isEqualTo(id);
        assertThat(booking.invitation(lisa.id()).orElseThrow().guardians()).containsExactly("Anna Larsson");

        version = booking.find(tenant.actor(), id).orElseThrow().version();
        booking.change(
                tenant.actor(),
                id,
                version,
                request(List.of(new InviteeRequest(anna.id().value(), anna.name(), anna.email(), null, null, null))));
        assertThat(named(booking.details(id).orElseThrow(), "Anna Larsson").guardianOf())
                .as("Lisa is no longer invited")
                .isNull();
        assertThat(booking.invitation(anna.id()).orElseThrow().guardianOf()).isNull();
        Invitation lisas = booking.invitation(lisa.id()).orElseThrow();
        assertThat(lisas.removed()).isTrue();
        assertThat(lisas.guardians()).isEmpty();
        assertThat(booking.invitation(anna.id()).orElseThrow().removed()).isFalse();
    }

    @Test
    void aLinkThatMakesNoSenseIsRefusedFieldByField() {
        assertThat(problems(List.of(invitee(null, "Lisa Larsson", 0))))
                .containsExactly("invitees[0].guardianOf booking.error.guardian-unknown");
        assertThat(problems(List.of(invitee(null, "Lisa Larsson", null), invitee(null, "Anna Larsson", 5))))
                .containsExactly("invitees[1].guardianOf booking.error.guardian-unknown");
        assertThat(problems(List.of(
                        invitee(null, "Lisa Larsson", null),
                        invitee(null, "Anna Larsson", 0),
                        invitee(null, "Mormor Larsson", 1))))
                .containsExactly("invitees[2].guardianOf booking.error.guardian-of-guardian");
    }

    List<String> problems(List<InviteeRequest> invitees) {
        BookingRejected rejected =
                catchThrowableOfType(BookingRejected.class, () -> booking.book(tenant.actor(), request(invitees)));
        assertThat(rejected).as("refused").isNotNull();
        return rejected.problems().stream().map(p -> p.field() + " " + p.code()).toList();
    }

    SignalingClient connect(HttpVisitor visitor, String query) {
        SignalingClient client = SignalingClient.open(visitor, query);
        open.add(client);
        return client;
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
