package se.portvakt.audit;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.person.PersonalIdentityNumber;

/**
 * One audit record to write. Start with {@link #of} and add what applies:
 * <pre>{@code
 * audit.record(AuditEntry.of(organisationId, AuditAction.STAFF_ADDED, AuditActor.staff(admin.id()))
 *         .subject(added.id()).detail("roles", roles));
 * }</pre>
 * Details are kept in full (never cut) as a JSON object of strings and sealed into the chain as they are.
 * Personal data (a masked identity number, a verified name) goes in {@link #personal}: it is sealed by its hash
 * only, so the retention purge can erase it and the chain still verifies. Never put a full identity number
 * anywhere else: {@link #person} stores its keyed hash (which the administrators' search matches) and its
 * masked form as personal data.
 *
 * @param organisationId the organisation whose log it belongs to; null for an event no organisation owns
 *     (an e-ID login by someone nobody knows), which goes to the service's own chain
 * @param meetingId the meeting the event concerns, if any: the search and the retention purge go by it
 * @param subject what was acted on: an id (participant, invitee, room, key, order), at most 200 characters
 * @param person the person concerned, if known by identity number: stored as its PinVault keyed hash and
 *     (as personal data) masked
 * @param evidence how a person proved who they are, when the event rests on it
 */
public record AuditEntry(
        OrganisationId organisationId,
        AuditAction action,
        AuditActor actor,
        MeetingId meetingId,
        String subject,
        PersonalIdentityNumber person,
        Evidence evidence,
        SortedMap<String, String> details,
        SortedMap<String, String> personal) {

    public static final int MAX_SUBJECT = 200;

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        if (subject != null && subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("An audit subject is an id, at most " + MAX_SUBJECT + " characters");
        }
        details = Collections.unmodifiableSortedMap(new TreeMap<>(details == null ? Map.of() : details));
        personal = Collections.unmodifiableSortedMap(new TreeMap<>(personal == null ? Map.of() : personal));
    }

    public static AuditEntry of(OrganisationId organisationId, AuditAction action, AuditActor actor) {
        return new AuditEntry(organisationId, action, actor, null, null, null, null, null, null);
    }

    public AuditEntry meeting(MeetingId id) {
        return new AuditEntry(organisationId, action, actor, id, subject, person, evidence, details, personal);
    }

    /** The thing acted on, by its id ({@code toString()} of a UUID or the like). */
    public AuditEntry subject(Object id) {
        return new AuditEntry(
                organisationId,
                action,
                actor,
                meetingId,
                id == null ? null : id.toString(),
                person,
                evidence,
                details,
                personal);
    }

    public AuditEntry person(PersonalIdentityNumber number) {
        return new AuditEntry(organisationId, action, actor, meetingId, subject, number, evidence, details, personal);
    }

    /** How the person proved who they are: a method name (BANKID, SMS_CODE, ...) and an assurance level name. */
    public AuditEntry evidence(Object method, Object level, boolean simulated) {
        return new AuditEntry(
                organisationId,
                action,
                actor,
                meetingId,
                subject,
                person,
                new Evidence(
                        method == null ? null : method.toString(), level == null ? null : level.toString(), simulated),
                details,
                personal);
    }

    /** A fact about the event, kept for the log's life; null values are left out. */
    public AuditEntry detail(String key, Object value) {
        return new AuditEntry(
                organisationId,
                action,
                actor,
                meetingId,
                subject,
                person,
                evidence,
                with(details, key, value),
                personal);
    }

    /** Personal data about the event, erased by the retention purge (the chain keeps its hash). */
    public AuditEntry personal(String key, Object value) {
        return new AuditEntry(
                organisationId,
                action,
                actor,
                meetingId,
                subject,
                person,
                evidence,
                details,
                with(personal, key, value));
    }

    private static SortedMap<String, String> with(SortedMap<String, String> map, String key, Object value) {
        TreeMap<String, String> copy = new TreeMap<>(map);
        if (value != null) {
            copy.put(key, value.toString());
        }
        return copy;
    }

    /**
     * What an identification rested on.
     *
     * @param method LINK, EMAIL_CODE, SMS_CODE, BANKID, FREJA, PASSWORD, ...
     * @param level NONE, LOA2, LOA3
     * @param simulated true when a local simulator, not the real e-ID service, vouched
     */
    public record Evidence(String method, String level, boolean simulated) {}
}
