package se.portvakt.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an audit record says happened. The code is what the {@code action} column holds and exports show;
 * it never changes once released, so old records keep their meaning. Add a constant for a new kind of event
 * rather than reusing one with different details.
 */
public enum AuditAction {
    LOGIN_SUCCEEDED("login.succeeded"),
    LOGIN_FAILED("login.failed"),
    LOGIN_LOCKED("login.locked"),
    LOGIN_REFUSED_LOCKED("login.refused-locked"),
    /** Refused because too many failures came from the client's address lately (docs/login.md). */
    LOGIN_THROTTLED("login.throttled"),
    LOGIN_EID("login.eid"),
    LOGIN_EID_REFUSED("login.eid.refused"),
    LOGIN_EID_UNKNOWN("login.eid.unknown"),
    LOGIN_OIDC("login.oidc"),
    LOGIN_OIDC_REFUSED("login.oidc.refused"),
    /** A staff member signed in with a SITHS card (detail "route": CONNECTOR or PROXY). */
    LOGIN_SITHS("login.siths"),
    /** A SITHS card was refused (detail "why"; the HSA-id, if read, as personal data). */
    LOGIN_SITHS_REFUSED("login.siths.refused"),
    BANKID_WRONG_PERSON("bankid.wrong-person"),

    STAFF_ADDED("staff.added"),
    /** An administrator tried to add an address or identity number already in use (here or elsewhere). */
    STAFF_ADD_REFUSED("staff.add-refused"),
    STAFF_CHANGED("staff.changed"),
    STAFF_DISABLED("staff.disabled"),
    STAFF_ENABLED("staff.enabled"),
    STAFF_UNLOCKED("staff.unlocked"),
    /** An administrator invited a member by e-mail: a one-time set-password link went out. */
    STAFF_INVITED("staff.invited"),
    STAFF_ROLES_CHANGED("staff.roles-changed"),
    /** A member set a password through a one-time link (detail "purpose": INVITATION or RESET). */
    PASSWORD_SET("staff.password-set"),
    /** A member changed their own password, knowing the old one. */
    PASSWORD_CHANGED("staff.password-changed"),
    /** Someone asked for a reset link for a known, active account (a link went out). */
    PASSWORD_RESET_REQUESTED("staff.password-reset-requested"),
    /** A one-time link that was unknown, used or expired was presented (no account is named by it). */
    PASSWORD_LINK_REFUSED("staff.password-link-refused"),
    API_KEY_CREATED("api-key.created"),
    API_KEY_REVOKED("api-key.revoked"),
    ROOM_ADDED("room.added"),
    ROOM_RENAMED("room.renamed"),
    /** A room takes no new meetings; its meetings and their records stay. */
    ROOM_RETIRED("room.retired"),
    ROOM_REINSTATED("room.reinstated"),
    ROOMS_REORDERED("rooms.reordered"),
    /** A staff member was created on first sign-in through the organisation's identity provider. */
    STAFF_PROVISIONED("staff.provisioned"),
    IDENTIFICATION_RULES_CHANGED("identification-rules.changed"),
    OIDC_SETTINGS_CHANGED("oidc-settings.changed"),
    RETENTION_CHANGED("retention.changed"),

    MEETING_BOOKED("meeting.booked"),
    MEETING_CHANGED("meeting.changed"),
    MEETING_CANCELLED("meeting.cancelled"),
    MEETING_ENDED("meeting.ended"),
    ATTACHMENT_ADDED("attachment.added"),
    ATTACHMENT_REMOVED("attachment.removed"),
    INVITATIONS_QUEUED("invitations.queued"),
    INVITATION_FAILED("invitation.failed"),

    GUEST_IDENTIFIED("guest.identified"),
    GUEST_EID_STARTED("guest.eid.started"),
    GUEST_EID_CANCELLED("guest.eid.cancelled"),
    GUEST_EID_FAILED("guest.eid.failed"),
    GUEST_EID_REFUSED("guest.eid.refused"),
    GUEST_EID_VERIFIED("guest.eid.verified"),
    GUEST_CODE_REQUESTED("guest.code.requested"),
    GUEST_CODE_THROTTLED("guest.code.throttled"),
    GUEST_CODE_VERIFIED("guest.code.verified"),
    GUEST_CODE_WRONG("guest.code.wrong"),
    GUEST_CODE_LOCKED("guest.code.locked"),
    GUEST_CODE_REFUSED("guest.code.refused"),
    GUEST_ARRIVED("guest.arrived"),

    /** A host's decisions in the waiting room: the actor is the host, the subject the participant. */
    GUEST_ADMITTED("guest.admitted"),
    GUEST_MOVED("guest.moved"),
    GUEST_SENT_BACK("guest.sent-back"),
    GUEST_DENIED("guest.denied"),
    GUEST_REMOVED("guest.removed"),
    /** The participant's row reached a final state (whoever caused it). */
    PARTICIPANT_DENIED("participant.denied"),
    PARTICIPANT_REMOVED("participant.removed"),
    /** Taken out because the meeting or the invitation changed (detail "reason": CANCELLED, IDENTIFY_AGAIN, ...). */
    PARTICIPANT_TAKEN_OUT("participant.taken-out"),

    PERSONAL_DATA_PURGED("personal-data.purged"),
    PERSON_DATA_EXPORTED("person-data.exported"),
    AUDIT_EXPORTED("audit.exported"),

    /** A record written before actions were typed; its code is kept in the row as it was. */
    LEGACY("legacy");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The action a stored code names; {@link #LEGACY} for a code no constant has (older records). */
    public static AuditAction ofCode(String code) {
        return find(code).orElse(LEGACY);
    }

    public static Optional<AuditAction> find(String code) {
        return Arrays.stream(values())
                .filter(action -> action.code.equals(code))
                .findFirst();
    }
}
