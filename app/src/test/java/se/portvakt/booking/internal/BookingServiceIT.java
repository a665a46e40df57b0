package se.portvakt.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.MeetingNotFound;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;

@IntegrationTest
public class BookingServiceIT {

    @Autowired
    BookingService booking;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private static final Instant TOMORROW =
            Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    public static MeetingRequest request(Tenant tenant, InviteeRequest... invitees) {
        return new MeetingRequest(
                "Uppföljning",
                tenant.room().id().value(),
                tenant.host().id().value(),
                TOMORROW,
                TOMORROW.plus(Duration.ofMinutes(45)),
                AssuranceLevel.LOA3,
                true,
                "Ta med läkemedelslistan.",
                "sv",
                List.of(invitees));
    }

    public static InviteeRequest anna() {
        return new InviteeRequest(null, "Anna Andersson", "anna@example.se", "070-123 45 67", "19121212-1212");
    }

    @Test
    void booksAMeetingWithItsInvitees() {
        Tenant tenant = fixtures.tenant();
        UUID id = booking.book(tenant.actor(), request(tenant, anna()));

        MeetingDetails meeting = booking.details(id).orElseThrow();
        assertThat(meeting.title()).isEqualTo("Uppföljning");
        assertThat(meeting.start()).isEqualTo(TOMORROW);
        assertThat(meeting.roomName()).isEqualTo(tenant.room().name());
        assertThat(meeting.sequence()).isZero();
        assertThat(meeting.invitees()).singleElement().satisfies(invitee -> {
            assertThat(invitee.mobile()).isEqualTo("+46701234567");
            assertThat(invitee.maskedIdentityNumber()).isEqualTo("19121212-****");
            assertThat(invitee.link()).contains("/m/");
        });
        String stored = jdbc.sql("select pin_encrypted from invitee where meeting_id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("191212").startsWith("v1:");
    }

    @Test
    void changingDetailsBumpsTheSequenceAndKeepsTheUid() {
        Tenant tenant = fixtures.tenant();
        UUID id = booking.book(tenant.actor(), request(tenant, anna()));
        EditableMeeting before = booking.find(tenant.actor(), id).orElseThrow();
        InviteeRequest kept = new InviteeRequest(
                before.details().invitees().get(0).id().value(), "Anna Andersson", "anna@example.se", "0701234567", "");
        MeetingRequest moved = new MeetingRequest(
                "Uppföljning",
                tenant.room().id().value(),
                tenant.host().id().value(),
                TOMORROW.plus(Duration.ofHours(1)),
                TOMORROW.plus(Duration.ofHours(2)),
                AssuranceLevel.LOA3,
                true,
                "Ta med läkemedelslistan.",
                "sv",
                List.of(kept));

        booking.change(tenant.actor(), id, before.version(), moved);

        MeetingDetails after = booking.details(id).orElseThrow();
        assertThat(after.sequence()).isEqualTo(1);
        assertThat(after.calendarUid()).isEqualTo(before.details().calendarUid());
        assertThat(after.invitees().get(0).maskedIdentityNumber()).isEqualTo("19121212-****");
    }

    @Test
    void removingAnInviteeBumpsTheSequenceSoTheirCancelSupersedesTheirInvitation() {
        Tenant tenant = fixtures.tenant();
        UUID id = booking.book(tenant.actor(), request(tenant, anna()));
        int version = booking.find(tenant.actor(), id).orElseThrow().version();

        booking.change(tenant.actor(), id, version, request(tenant));

        MeetingDetails after = booking.details(id).orElseThrow();
        assertThat(after.sequence()).isEqualTo(1);
        assertThat(after.currentInvitees()).isEmpty();
        assertThat(after.invitees())
                .singleElement()
                .satisfies(invitee -> assertThat(invitee.removed()).isTrue());
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Tenant tenant = fixtures.tenant();
        UUID id = booking.book(tenant.actor(), request(tenant));
        int version = booking.find(tenant.actor(), id).orElseThrow().version();
        booking.change(tenant.actor(), id, version, request(tenant, anna()));

        assertThatThrownBy(() -> booking.change(tenant.actor(), id, version, request(tenant)))
                .isInstanceOf(BookingRejected.class)
                .satisfies(e -> assertThat(((BookingRejected) e).problems())
                        .extracting(BookingProblem::code)
                        .containsExactly("booking.error.changed-meanwhile"));
        assertThat(booking.details(id).orElseThrow().currentInvitees()).hasSize(1);
    }

    @Test
    void cancelBumpsTheSequenceAndRefusesFurtherChanges() {
        Tenant tenant = fixtures.tenant();
        UUID id = booking.book(tenant.actor(), request(tenant, anna()));
        booking.cancel(tenant.actor(), id);

        MeetingDetails cancelled = booking.details(id).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(cancelled.sequence()).isEqualTo(1);
        assertThatThrownBy(() -> booking.cancel(tenant.actor(), id)).isInstanceOf(BookingRejected.class);
    }

    @Test
    void anotherOrganisationsMeetingDoesNotExistForAHost() {
        Tenant owner = fixtures.tenant();
        Tenant other = fixtures.tenant();
        UUID id = booking.book(owner.actor(), request(owner, anna()));

        assertThat(booking.find(other.actor(), id)).isEmpty();
        assertThatThrownBy(() -> booking.cancel(other.actor(), id)).isInstanceOf(MeetingNotFound.class);
        assertThatThrownBy(() -> booking.change(other.actor(), id, 0, request(owner)))
                .isInstanceOf(MeetingNotFound.class);
        assertThat(booking.details(id).orElseThrow().status()).isEqualTo(MeetingStatus.SCHEDULED);
    }

    @Test
    void aRoomOrHostOfAnotherOrganisationIsRefused() {
        Tenant tenant = fixtures.tenant();
        Tenant other = fixtures.tenant();
        MeetingRequest foreign = new MeetingRequest(
                "Möte",
                other.room().id().value(),
                other.host().id().value(),
                TOMORROW,
                TOMORROW.plus(Duration.ofHours(1)),
                AssuranceLevel.NONE,
                false,
                null,
                "sv",
                List.of());

        assertThatThrownBy(() -> booking.book(tenant.actor(), foreign))
                .isInstanceOf(BookingRejected.class)
                .satisfies(e -> assertThat(((BookingRejected) e).problems())
                        .extracting(BookingProblem::code)
                        .containsExactlyInAnyOrder("booking.error.room-unknown", "booking.error.host-unknown"));
    }

    @Test
    void badInputStoresNothing() {
        Tenant tenant = fixtures.tenant();
        MeetingRequest bad = new MeetingRequest(
                " ",
                tenant.room().id().value(),
                tenant.host().id().value(),
                TOMORROW,
                TOMORROW.minus(Duration.ofMinutes(5)),
                AssuranceLevel.LOA2,
                false,
                null,
                "sv",
                List.of(new InviteeRequest(null, "Bo", "bo@", "12345", "19121212-1213")));

        assertThatThrownBy(() -> booking.book(tenant.actor(), bad))
                .isInstanceOf(BookingRejected.class)
                .satisfies(e -> assertThat(((BookingRejected) e).problems())
                        .extracting(BookingProblem::field)
                        .containsExactlyInAnyOrder(
                                "title",
                                "end",
                                "invitees[0].email",
                                "invitees[0].mobile",
                                "invitees[0].personalIdentityNumber"));
        assertThat(jdbc.sql("select count(*) from meeting where organisation_id = ?")
                        .param(tenant.organisation().id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
