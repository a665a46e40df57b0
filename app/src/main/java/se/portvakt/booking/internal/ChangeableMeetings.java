package se.portvakt.booking.internal;

import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.portvakt.booking.MeetingNotFound;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.booking.MeetingsEndedEarly;
import se.portvakt.booking.internal.MeetingStore.MeetingRow;
import se.portvakt.ids.MeetingId;

/**
 * The one rule for whether a meeting may still change (details, invitees, attachments, cancellation):
 * not cancelled, and not ended, neither by its booked end nor by a host ending it for everyone.
 */
@Component
public class ChangeableMeetings {

    private final MeetingStore store;
    private final ObjectProvider<MeetingsEndedEarly> endedEarly;
    private final Clock clock;

    ChangeableMeetings(MeetingStore store, ObjectProvider<MeetingsEndedEarly> endedEarly, Clock clock) {
        this.store = store;
        this.endedEarly = endedEarly;
        this.clock = clock;
    }

    /** The meeting of the actor's organisation; refused (409) when it may no longer change. */
    public MeetingRow require(Actor actor, UUID meetingId) {
        MeetingRow row = store.find(actor.organisationId().value(), meetingId).orElseThrow(MeetingNotFound::new);
        if (row.status() == MeetingStatus.CANCELLED) {
            throw BookingRejected.because(null, "booking.error.cancelled");
        }
        if (!row.end().isAfter(clock.instant())
                || endedEarly.stream().anyMatch(ended -> ended.endedEarly(new MeetingId(meetingId)))) {
            throw BookingRejected.because(null, "booking.error.ended");
        }
        return row;
    }
}
