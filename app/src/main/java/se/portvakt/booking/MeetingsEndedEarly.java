package se.portvakt.booking;

import se.portvakt.ids.MeetingId;

/**
 * Whether a host ended a meeting before its booked end ("end for everyone"). The meeting feature knows;
 * booking asks, so that an ended meeting can no more be changed or cancelled than one past its end.
 */
public interface MeetingsEndedEarly {

    boolean endedEarly(MeetingId meetingId);
}
