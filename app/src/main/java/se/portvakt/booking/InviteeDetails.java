package se.portvakt.booking;

import java.time.Instant;
import se.portvakt.ids.InviteeId;

/**
 * One invitee of a meeting.
 *
 * @param email may be null when the invitee is reached by SMS only
 * @param mobile E.164 (+46701234567), may be null when reached by e-mail only
 * @param maskedIdentityNumber YYYYMMDD-**** when the invitation names a person, else null
 * @param link the invitee's personal, unguessable link to the meeting
 * @param identityChangedAt when the address, number or named person last changed (a proof made before it is
 *     void), or null
 * @param guardianOf the invitee of the same meeting whom this one is the guardian of (a child), or null
 */
public record InviteeDetails(
        InviteeId id,
        String name,
        String email,
        String mobile,
        String maskedIdentityNumber,
        boolean removed,
        String link,
        Instant identityChangedAt,
        InviteeId guardianOf) {

    public InviteeDetails(
            InviteeId id,
            String name,
            String email,
            String mobile,
            String maskedIdentityNumber,
            boolean removed,
            String link,
            Instant identityChangedAt) {
        this(id, name, email, mobile, maskedIdentityNumber, removed, link, identityChangedAt, null);
    }

    public InviteeDetails(
            InviteeId id,
            String name,
            String email,
            String mobile,
            String maskedIdentityNumber,
            boolean removed,
            String link) {
        this(id, name, email, mobile, maskedIdentityNumber, removed, link, null);
    }
}
