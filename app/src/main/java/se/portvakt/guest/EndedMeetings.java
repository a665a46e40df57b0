package se.portvakt.guest;

import java.util.UUID;

/**
 * Whether a host has ended a meeting early. The meeting feature answers; a personal link to an ended meeting
 * leads nowhere, as one past the booked end does.
 */
public interface EndedMeetings {

    boolean ended(UUID meetingId);
}
