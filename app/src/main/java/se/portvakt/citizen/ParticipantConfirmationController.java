package se.portvakt.citizen;

import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.portvakt.booking.Invitation;
import se.portvakt.booking.InviteeLinks;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.Meetings;
import se.portvakt.citizen.IdentityConfirmations.Confirmed;
import se.portvakt.citizen.IdentityConfirmations.Direction;
import se.portvakt.citizen.IdentityConfirmations.Issued;
import se.portvakt.citizen.IdentityConfirmations.Outcome;
import se.portvakt.citizen.IdentityConfirmations.Wrong;
import se.portvakt.guest.GuestIdentity;
import se.portvakt.guest.GuestSessions;
import se.portvakt.guest.IdentificationMethod;
import se.portvakt.ids.InviteeId;

/**
 * The participant's side of confirming identity in a meeting, on a page only their e-legitimation opens: the
 * personal link's session after BankID/Freja, or "my meetings". They type the code the host says, or show one
 * for the host to type.
 */
@Controller
class ParticipantConfirmationController {

    static final String BASE = "/bekrafta/";

    private final InviteeLinks links;
    private final Meetings meetings;
    private final MyMeetings myMeetings;
    private final IdentityConfirmations confirmations;

    ParticipantConfirmationController(
            InviteeLinks links, Meetings meetings, MyMeetings myMeetings, IdentityConfirmations confirmations) {
        this.links = links;
        this.meetings = meetings;
        this.myMeetings = myMeetings;
        this.confirmations = confirmations;
    }

    /** Who stands behind this page: an invitee of a live meeting and the e-legitimation they used. */
    private record Participant(String token, MeetingSummary meeting, UUID inviteeId, String method) {}

    @GetMapping(BASE + "{token}")
    String page(@PathVariable String token, HttpServletRequest request, Model model) {
        Optional<Participant> participant = participant(token, request);
        if (participant.isEmpty()) {
            return "redirect:/m/" + token;
        }
        return page(participant.get(), model);
    }

    @PostMapping(BASE + "{token}")
    String typed(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        Optional<Participant> found = participant(token, request);
        if (found.isEmpty()) {
            return "redirect:/m/" + token;
        }
        Participant participant = found.get();
        model.addAttribute("typed", code);
        if (!code.strip().matches("\\d{6}")) {
            model.addAttribute("problem", "citizen.confirm.error.format");
            return page(participant, model);
        }
        Outcome outcome = confirmations.check(
                participant.meeting(),
                participant.inviteeId(),
                Direction.HOST_SAYS,
                code,
                "guest:" + participant.inviteeId());
        if (outcome instanceof Confirmed confirmed) {
            model.addAttribute(
                    "confirmedAt",
                    DateTimeFormatter.ofPattern("HH:mm", locale)
                            .format(confirmed
                                    .confirmation()
                                    .confirmedAt()
                                    .atZone(participant.meeting().zone())));
            model.addAttribute("typed", "");
        } else if (outcome instanceof Wrong wrong && wrong.attemptsLeft() > 0) {
            model.addAttribute("problem", "citizen.confirm.error.wrong");
            model.addAttribute("attemptsLeft", wrong.attemptsLeft());
        } else {
            model.addAttribute("problem", "citizen.confirm.error.no-code");
        }
        return page(participant, model);
    }

    /** The reverse: a code for the host to type in the room. */
    @PostMapping(BASE + "{token}/visa")
    String show(@PathVariable String token, HttpServletRequest request, Model model, Locale locale) {
        Optional<Participant> found = participant(token, request);
        if (found.isEmpty()) {
            return "redirect:/m/" + token;
        }
        Participant participant = found.get();
        Issued issued = confirmations.issue(
                participant.meeting(),
                participant.inviteeId(),
                Direction.PARTICIPANT_SHOWS,
                participant.method(),
                "guest:" + participant.inviteeId());
        model.addAttribute("shownCode", issued.code());
        model.addAttribute(
                "shownUntil",
                DateTimeFormatter.ofPattern("HH:mm", locale)
                        .format(issued.expiresAt().atZone(participant.meeting().zone())));
        return page(participant, model);
    }

    private String page(Participant participant, Model model) {
        model.addAttribute("token", participant.token());
        model.addAttribute("meeting", participant.meeting());
        model.addAttribute("method", participant.method());
        return "citizen/confirm";
    }

    /** The invitation and its meeting's summary: the meeting's other invitees, and their numbers, are not read. */
    private Optional<Participant> participant(String token, HttpServletRequest request) {
        return links.inviteeOf(token)
                .flatMap(inviteeId -> meetings.invitation(new InviteeId(inviteeId)))
                .filter(invitation -> !invitation.removed())
                .flatMap(invitation -> meetings.summary(invitation.meetingId())
                        .filter(meeting -> meeting.status() == MeetingStatus.SCHEDULED)
                        .flatMap(meeting -> method(request, meeting, invitation)
                                .map(method -> new Participant(
                                        token, meeting, invitation.inviteeId().value(), method))));
    }

    /** BANKID or FREJA when this session proved to be the invitee by an e-legitimation; empty otherwise. */
    private Optional<String> method(HttpServletRequest request, MeetingSummary meeting, Invitation invitation) {
        Optional<String> byLink = GuestSessions.identity(request, meeting, invitation)
                .map(GuestIdentity::method)
                .filter(method -> method == IdentificationMethod.BANKID || method == IdentificationMethod.FREJA)
                .map(Enum::name);
        if (byLink.isPresent()) {
            return byLink;
        }
        return CitizenSession.of(request)
                .filter(citizen -> myMeetings
                        .one(citizen, invitation.inviteeId().value())
                        .filter(mine -> mine.refusal() == null)
                        .isPresent())
                .map(citizen -> citizen.method().name());
    }
}
