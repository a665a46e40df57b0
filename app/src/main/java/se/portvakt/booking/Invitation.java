package se.portvakt.booking;

import java.time.Instant;
import java.util.List;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;

/**
 * One invitation without its meeting's other invitees: what signaling checks of a guest and shows of them to the
 * host. Reading it decrypts nothing and builds no link, so it is cheap enough for every socket and command.
 *
 * @param removed whether the invitee was taken off the invitation
 * @param identityChangedAt when the address, number or named person last changed (a proof made before it is
 *     void), or null
 * @param guardianOf the name of the invitee (a child) this one is the guardian of, or null; only while both are
 *     invited
 * @param guardians the names of the invitees still invited who are this one's guardians, in the meeting's order
 */
public record Invitation(
        InviteeId inviteeId,
        MeetingId meetingId,
        String name,
        boolean removed,
        Instant identityChangedAt,
        String guardianOf,
        List<String> guardians) {

    public Invitation {
        guardians = List.copyOf(guardians);
    }
}
