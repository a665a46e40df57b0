package se.portvakt.lobby;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.StaffId;

/** A host admitting a guest while another host opens the meeting: the guest ends up inside either way. */
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
        UUID meetingId = meeting.id();
        UUID invitee = meeting.invitee(0);
        events.publishEvent(new GuestArrived(
                new Arrival(
                        invitee,
                        meetingId,
                        IdentificationMethod.LINK,
                        AssuranceLevel.NONE,
                        null,
                        false,
                        false,
                        null,
                        Instant.now()),
                "Anna Andersson"));
        UUID anna = lobby.ofInvitee(invitee).orElseThrow().id();

        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        // the admitting host saw no host in the meeting, and answers only once the other host set out to join
        CompletableFuture<Void> admitting = CompletableFuture.runAsync(() -> lobby.admit(anna, () -> {
            asked.countDown();
            await(answer);
            return false;
        }));
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Participant> joining = CompletableFuture.supplyAsync(() -> lobby.hostJoins(
                new MeetingId(meetingId),
                new StaffId(tenant.host().id()),
                tenant.host().displayName()));
        try {
            joining.get(500, TimeUnit.MILLISECONDS); // a host not held back by the admit is in by now
        } catch (TimeoutException heldBack) {
            // as it should be: the admit holds the meeting
        }
        answer.countDown();
        admitting.get(10, TimeUnit.SECONDS);
        joining.get(10, TimeUnit.SECONDS);

        assertThat(lobby.find(anna).orElseThrow().state()).isEqualTo(ParticipantState.IN_MEETING);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
