package se.portvakt.citizen;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import se.portvakt.booking.Attachments;
import se.portvakt.booking.Attachments.AttachmentInfo;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.Meetings;
import se.portvakt.guest.EndedMeetings;
import se.portvakt.identity.EidRules;
import se.portvakt.identity.VerifiedPerson;
import se.portvakt.ids.InviteeId;
import se.portvakt.organisation.Organisations;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;

/**
 * The meetings whose invitations name the logged-in person, from now on, across organisations. Found by the
 * searchable hash of the number booking already stores; nothing about the person is written anywhere.
 */
@Service
class MyMeetings {

    enum Status {
        /** Booked; joining opens later. */
        BOOKED,
        /** Within the organisation's join window before the start. */
        OPEN,
        IN_PROGRESS
    }

    /**
     * One meeting as the citizen sees it.
     *
     * @param refusal why the organisation's rules keep this person out (a message key in i18n/identity with its
     *     arguments), or null when they may join
     */
    record MyMeeting(
            UUID inviteeId,
            MeetingSummary meeting,
            Status status,
            List<AttachmentInfo> attachments,
            EidRules.Refusal refusal) {}

    private final Meetings meetings;
    private final Attachments attachments;
    private final Organisations organisations;
    private final EidRules rules;
    private final PinVault pins;
    private final ObjectProvider<EndedMeetings> ended;
    private final Clock clock;

    MyMeetings(
            Meetings meetings,
            Attachments attachments,
            Organisations organisations,
            EidRules rules,
            PinVault pins,
            ObjectProvider<EndedMeetings> ended,
            Clock clock) {
        this.meetings = meetings;
        this.attachments = attachments;
        this.organisations = organisations;
        this.rules = rules;
        this.pins = pins;
        this.ended = ended;
        this.clock = clock;
    }

    List<MyMeeting> of(CitizenSession citizen) {
        PersonalIdentityNumber person = pins.decrypt(citizen.pinEncrypted());
        Instant now = clock.instant();
        return meetings.invitationsNaming(person, now).stream()
                .map(inviteeId -> find(citizen, person, inviteeId.value(), now))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The citizen's own live invitation, or empty: another person's invitation does not exist for them. */
    Optional<MyMeeting> one(CitizenSession citizen, UUID inviteeId) {
        PersonalIdentityNumber person = pins.decrypt(citizen.pinEncrypted());
        Instant now = clock.instant();
        if (!meetings.invitationsNaming(person, now).contains(new InviteeId(inviteeId))) {
            return Optional.empty();
        }
        return find(citizen, person, inviteeId, now);
    }

    /** The invitation and its meeting's summary: the meeting's other invitees, and their numbers, are not read. */
    private Optional<MyMeeting> find(
            CitizenSession citizen, PersonalIdentityNumber person, UUID inviteeId, Instant now) {
        return meetings.invitation(new InviteeId(inviteeId))
                .filter(invitation -> !invitation.removed())
                .flatMap(invitation -> meetings.summary(invitation.meetingId()))
                .filter(meeting -> ended.stream()
                        .noneMatch(endedMeetings ->
                                endedMeetings.ended(meeting.id().value())))
                .map(meeting -> new MyMeeting(
                        inviteeId,
                        meeting,
                        status(meeting, now),
                        attachments.list(meeting.id()),
                        rules.refusal(meeting.organisationId(), meeting.zone(), verified(citizen, person))
                                .orElse(null)));
    }

    private Status status(MeetingSummary meeting, Instant now) {
        if (!now.isBefore(meeting.start())) {
            return Status.IN_PROGRESS;
        }
        Instant opens = meeting.start()
                .minus(organisations.get(meeting.organisationId()).joinOpensBefore());
        return now.isBefore(opens) ? Status.BOOKED : Status.OPEN;
    }

    private static VerifiedPerson verified(CitizenSession citizen, PersonalIdentityNumber person) {
        return new VerifiedPerson(person, citizen.name(), null, null, citizen.method(), citizen.simulated());
    }
}
