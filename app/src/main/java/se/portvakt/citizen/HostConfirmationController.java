package se.portvakt.citizen;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.Meetings;
import se.portvakt.citizen.IdentityConfirmations.Confirmation;
import se.portvakt.citizen.IdentityConfirmations.Confirmed;
import se.portvakt.citizen.IdentityConfirmations.Direction;
import se.portvakt.citizen.IdentityConfirmations.Issued;
import se.portvakt.citizen.IdentityConfirmations.Outcome;
import se.portvakt.citizen.IdentityConfirmations.Wrong;
import se.portvakt.identity.StaffPrincipal;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.ParticipantId;
import se.portvakt.lobby.Lobby;
import se.portvakt.lobby.Participant;
import se.portvakt.lobby.ParticipantState;

/**
 * The host's side of confirming a participant's identity, called by the room's script: show a code to say aloud,
 * type the participant's code, and read the confirmed badges. Only a host who is in the meeting may, and only for
 * a participant of that meeting who identified with BankID or Freja eID.
 */
@RestController
class HostConfirmationController {

    static final String BASE = "/meetings/{meetingId}/identity-confirmations";

    /** A code to say aloud, with when it stops working (organisation's clock) and the text to show. */
    record ShownCode(String code, String until, String text) {}

    /** What typing a participant's code came to: CONFIRMED, WRONG or NO_CODE, in the host's words. */
    record TypedResult(String outcome, String message) {}

    /** A participant's confirmed badge, in the host's words. */
    record Badge(UUID participantId, String text) {}

    private final Lobby lobby;
    private final Meetings meetings;
    private final IdentityConfirmations confirmations;
    private final MessageSource messages;

    HostConfirmationController(
            Lobby lobby, Meetings meetings, IdentityConfirmations confirmations, MessageSource messages) {
        this.lobby = lobby;
        this.meetings = meetings;
        this.confirmations = confirmations;
        this.messages = messages;
    }

    @PostMapping(BASE + "/{participantId}/code")
    ResponseEntity<ShownCode> code(
            @PathVariable UUID meetingId,
            @PathVariable UUID participantId,
            @AuthenticationPrincipal StaffPrincipal staff,
            Locale locale) {
        MeetingSummary meeting = hosted(meetingId, staff);
        Participant participant = eidParticipant(meeting, participantId);
        Issued issued = confirmations.issue(
                meeting,
                participant.inviteeId().value(),
                Direction.HOST_SAYS,
                participant.method(),
                staff.getUsername());
        String until = time(issued.expiresAt(), meeting, locale);
        return noStore(new ShownCode(
                issued.code(),
                until,
                messages.getMessage(
                        "citizen.confirm.host.code",
                        new Object[] {issued.code(), participant.displayName(), until},
                        locale)));
    }

    @PostMapping(BASE + "/{participantId}/check")
    ResponseEntity<TypedResult> check(
            @PathVariable UUID meetingId,
            @PathVariable UUID participantId,
            @RequestParam(defaultValue = "") String code,
            @AuthenticationPrincipal StaffPrincipal staff,
            Locale locale) {
        MeetingSummary meeting = hosted(meetingId, staff);
        Participant participant = eidParticipant(meeting, participantId);
        if (!code.strip().matches("\\d{6}")) {
            return noStore(new TypedResult("WRONG", messages.getMessage("citizen.confirm.error.format", null, locale)));
        }
        Outcome outcome = confirmations.check(
                meeting, participant.inviteeId().value(), Direction.PARTICIPANT_SHOWS, code, staff.getUsername());
        if (outcome instanceof Confirmed confirmed) {
            return noStore(new TypedResult("CONFIRMED", badge(confirmed.confirmation(), meeting, locale)));
        }
        if (outcome instanceof Wrong wrong && wrong.attemptsLeft() > 0) {
            return noStore(new TypedResult(
                    "WRONG",
                    messages.getMessage("citizen.confirm.host.wrong", new Object[] {wrong.attemptsLeft()}, locale)));
        }
        return noStore(new TypedResult("NO_CODE", messages.getMessage("citizen.confirm.host.no-code", null, locale)));
    }

    /** The confirmed participants now in the meeting; the room's script polls it while the host is there. */
    @GetMapping(BASE)
    ResponseEntity<List<Badge>> badges(
            @PathVariable UUID meetingId, @AuthenticationPrincipal StaffPrincipal staff, Locale locale) {
        MeetingSummary meeting = hosted(meetingId, staff);
        Map<UUID, Confirmation> confirmed = confirmations.confirmed(meetingId);
        return noStore(lobby
                .ofMeeting(
                        new MeetingId(meetingId),
                        ParticipantState.WAITING,
                        ParticipantState.ADMITTED,
                        ParticipantState.IN_MEETING)
                .stream()
                .filter(participant -> participant.inviteeId() != null
                        && confirmed.containsKey(participant.inviteeId().value()))
                .map(participant -> new Badge(
                        participant.id().value(),
                        badge(confirmed.get(participant.inviteeId().value()), meeting, locale)))
                .toList());
    }

    private MeetingSummary hosted(UUID meetingId, StaffPrincipal staff) {
        if (staff == null || lobby.hostIn(new MeetingId(meetingId), staff.id()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return meetings.summary(new MeetingId(meetingId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Participant eidParticipant(MeetingSummary meeting, UUID participantId) {
        Optional<Participant> participant = lobby.find(new ParticipantId(participantId))
                .filter(p -> p.meetingId().equals(meeting.id()) && p.inviteeId() != null)
                .filter(p -> "BANKID".equals(p.method()) || "FREJA".equals(p.method()));
        return participant.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String badge(Confirmation confirmation, MeetingSummary meeting, Locale locale) {
        return messages.getMessage(
                "citizen.confirm.badge",
                new Object[] {
                    messages.getMessage("identity.eid.method." + confirmation.method(), null, locale),
                    time(confirmation.confirmedAt(), meeting, locale)
                },
                locale);
    }

    private static String time(java.time.Instant instant, MeetingSummary meeting, Locale locale) {
        return DateTimeFormatter.ofPattern("HH:mm", locale).format(instant.atZone(meeting.zone()));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
