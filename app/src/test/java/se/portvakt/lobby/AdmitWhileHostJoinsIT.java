package se.portvakt.lobby;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.guest.GuestArrivals.Arrival;
import se.portvakt.guest.GuestArrived;
import se.portvakt.guest.IdentificationMethod;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.ParticipantId;
import se.portvakt.ids.StaffId;

/**
 * A host admitting or moving a guest while another host opens the meeting: the guest ends up inside either way.
 */
@IntegrationTest
class AdmitWhileHostJoinsIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestBookings bookings;

    @Autowired
    Lobby lobby;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aGuestAdmittedAsTheHostJoinsIsNotLeftAdmittedOutside() throws Exception {
        Tenant tenant = fixtures.tenant();
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson"));
        ParticipantId anna = waiting(meeting, "Anna Andersson");

        decidedWhileTheHostJoins(meeting.id(), tenant, hostPresent -> lobby.admit(anna, hostPresent));

        assertThat(lobby.find(anna).orElseThrow().state()).isEqualTo(ParticipantState.IN_MEETING);
    }

    @Test
    void aGuestMovedAsTheHostJoinsTheOtherMeetingIsNotLeftAdmittedOutside() throws Exception {
        Tenant tenant = fixtures.tenant();
        Booked first = bookings.book(plan(tenant).guests("Bertil Berg"));
        Booked next = bookings.book(plan(tenant).start(Instant.now().plus(60, ChronoUnit.MINUTES)));
        ParticipantId bertil = waiting(first, "Bertil Berg");

        decidedWhileTheHostJoins(
                next.id(), tenant, hostPresent -> lobby.move(bertil, new MeetingId(next.id()), hostPresent));

        Participant moved = lobby.find(bertil).orElseThrow();
        assertThat(moved.meetingId()).isEqualTo(new MeetingId(next.id()));
        assertThat(moved.state()).isEqualTo(ParticipantState.IN_MEETING);
    }

    private ParticipantId waiting(Booked meeting, String name) {
        UUID invitee = meeting.invitee(0);
        events.publishEvent(new GuestArrived(
                new Arrival(
                        new InviteeId(invitee),
                        new MeetingId(meeting.id()),
                        IdentificationMethod.LINK,
                        AssuranceLevel.NONE,
                        null,
                        false,
                        false,
                        null,
                        Instant.now()),
                name));
        return lobby.ofInvitee(new InviteeId(invitee)).orElseThrow().id();
    }

    /**
     * The deciding host saw no host in the meeting, and answers only once another host set out to join it: a join
     * not held back by the decision would be done within half a second.
     */
    private void decidedWhileTheHostJoins(UUID meetingId, Tenant tenant, Consumer<BooleanSupplier> decision)
            throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        CompletableFuture<Void> deciding = CompletableFuture.runAsync(() -> decision.accept(() -> {
            asked.countDown();
            await(answer);
            return false;
        }));
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Participant> joining = CompletableFuture.supplyAsync(() -> lobby.hostJoins(
                new MeetingId(meetingId),
                new StaffId(tenant.host().id().value()),
                tenant.host().displayName()));
        try {
            joining.get(500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException heldBack) {
            // as it should be: the decision holds the meeting
        }
        answer.countDown();
        deciding.get(10, TimeUnit.SECONDS);
        joining.get(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
