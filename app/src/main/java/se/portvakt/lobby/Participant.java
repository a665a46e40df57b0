package se.portvakt.lobby;

import java.time.Instant;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.ParticipantId;
import se.portvakt.ids.StaffId;

/**
 * Someone who has come to a meeting: a guest (by invitee) or a host (by staff user).
 *
 * @param displayName what everybody sees: the pseudonym's "Gäst K7Q4", a verified or invited name, or the host's name
 * @param verifiedName the name an e-legitimation vouched for; for the host's eyes when the guest is anonymous
 * @param method how the guest proved who they are (LINK, EMAIL_CODE, SMS_CODE, BANKID, FREJA), null for a host
 * @param level the assurance level reached (NONE, LOA2, LOA3), null for a host
 * @param pseudonym the anonymous guest's code, else null
 * @param closedReason why they were taken out when the meeting or their invitation changed (CANCELLED,
 *     IDENTIFY_AGAIN, NOT_ANONYMOUS, RESCHEDULED), else null
 */
public record Participant(
        ParticipantId id,
        MeetingId meetingId,
        InviteeId inviteeId,
        StaffId staffId,
        ParticipantState state,
        String displayName,
        String verifiedName,
        String method,
        String level,
        boolean simulated,
        String pseudonym,
        Instant waitingSince,
        String denyMessage,
        String closedReason) {

    public boolean isHost() {
        return staffId != null;
    }

    public boolean anonymous() {
        return pseudonym != null;
    }
}
