package se.portvakt.guest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.portvakt.booking.MeetingsEndedEarly;
import se.portvakt.ids.MeetingId;

/**
 * Tells booking what the meeting feature tells the guest pages: whether a host has ended a meeting. Booking
 * cannot ask the meeting feature itself (that would close a cycle), and guest already hears it through
 * {@link EndedMeetings}.
 */
@Component
class EndedMeetingsForBooking implements MeetingsEndedEarly {

    private final ObjectProvider<EndedMeetings> ended;

    EndedMeetingsForBooking(ObjectProvider<EndedMeetings> ended) {
        this.ended = ended;
    }

    @Override
    public boolean endedEarly(MeetingId meetingId) {
        return ended.stream().anyMatch(meetings -> meetings.ended(meetingId.value()));
    }
}
