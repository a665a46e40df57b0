package se.portvakt.invitation;

import java.util.List;
import java.util.UUID;

/** What other features may ask of invitations: how the messages of a meeting have fared. */
public interface InvitationDeliveries {

    /** Every message queued for the meeting, oldest first. */
    List<Delivery> forMeeting(UUID meetingId);
}
