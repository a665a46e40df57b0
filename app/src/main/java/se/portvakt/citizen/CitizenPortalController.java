package se.portvakt.citizen;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.Attachments;
import se.portvakt.booking.Attachments.AttachmentFile;
import se.portvakt.booking.InviteeLinks;
import se.portvakt.citizen.MyMeetings.MyMeeting;
import se.portvakt.guest.GuestIdentity;
import se.portvakt.guest.GuestSessions;
import se.portvakt.guest.IdentificationMethod;
import se.portvakt.identity.EidFlows;
import se.portvakt.identity.EidMethod;
import se.portvakt.ids.InviteeId;

/** "My meetings": the logged-in citizen's meetings, the way into each, and logout. */
@Controller
class CitizenPortalController {

    static final String BASE = "/mina-moten";

    private final EidFlows flows;
    private final MyMeetings myMeetings;
    private final Attachments attachments;
    private final InviteeLinks links;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    CitizenPortalController(
            EidFlows flows,
            MyMeetings myMeetings,
            Attachments attachments,
            InviteeLinks links,
            AuditLog audit,
            MessageSource messages,
            Clock clock) {
        this.messages = messages;
        this.flows = flows;
        this.myMeetings = myMeetings;
        this.attachments = attachments;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String portal(HttpServletRequest request, Model model, Locale locale) {
        Optional<CitizenSession> citizen = CitizenSession.of(request);
        if (citizen.isEmpty()) {
            model.addAttribute("methods", flows.available());
            model.addAttribute("simulated", flows.available().stream().anyMatch(flows::simulated));
            return "citizen/login";
        }
        DateTimeFormatter date = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        model.addAttribute("citizen", citizen.get());
        model.addAttribute(
                "meetings",
                myMeetings.of(citizen.get()).stream()
                        .map(mine -> {
                            ZonedDateTime start =
                                    mine.meeting().start().atZone(mine.meeting().zone());
                            ZonedDateTime end =
                                    mine.meeting().end().atZone(mine.meeting().zone());
                            String refusal = mine.refusal() == null
                                    ? null
                                    : messages.getMessage(
                                            mine.refusal().messageKey(),
                                            mine.refusal().arguments(),
                                            locale);
                            return new Row(
                                    mine,
                                    links.tokenFor(mine.inviteeId()),
                                    date.format(start),
                                    time.format(start) + "–" + time.format(end),
                                    refusal);
                        })
                        .toList());
        return "citizen/meetings";
    }

    /**
     * One meeting in the list, with its date and time as the organisation's clock shows them.
     *
     * @param token the invitee's personal link token, for the confirmation page
     * @param refusal why the organisation's rules keep this person out, in their language, or null
     */
    record Row(MyMeeting mine, String token, String date, String time, String refusal) {}

    /** Joining from here is the LOA3 identification for this invitation: no second login. */
    @PostMapping(BASE + "/join")
    String join(@RequestParam UUID invitee, HttpServletRequest request) {
        CitizenSession citizen = CitizenSession.of(request).orElse(null);
        if (citizen == null) {
            return "redirect:" + BASE;
        }
        MyMeeting mine = myMeetings.one(citizen, invitee).orElse(null);
        if (mine == null || mine.refusal() != null) {
            return "redirect:" + BASE;
        }
        GuestSessions.identified(
                request,
                new GuestIdentity(
                        new InviteeId(invitee),
                        mine.meeting().id(),
                        citizen.method() == EidMethod.BANKID ? IdentificationMethod.BANKID : IdentificationMethod.FREJA,
                        AssuranceLevel.LOA3,
                        citizen.name(),
                        citizen.simulated(),
                        clock.instant()));
        audit.record(
                mine.meeting().organisationId().value(),
                "guest:" + invitee,
                "guest.eid.verified",
                invitee.toString(),
                "meeting " + mine.meeting().id() + ": " + citizen.method() + " through my meetings"
                        + (citizen.simulated() ? " (SIMULATED)" : "") + ", level LOA3");
        return "redirect:/m/" + links.tokenFor(invitee) + "/info";
    }

    @GetMapping(BASE + "/{invitee}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(
            @PathVariable UUID invitee, @PathVariable UUID attachmentId, HttpServletRequest request) {
        MyMeeting mine = CitizenSession.of(request)
                .flatMap(citizen -> myMeetings.one(citizen, invitee))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        AttachmentFile file = attachments
                .file(mine.meeting().id(), attachmentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // always a download, never rendered in the page: a file cannot run as part of Portvakt
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.info().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.info().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    /** Ends the citizen's session, and with it every meeting identification made in it. */
    @PostMapping(BASE + "/logout")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:" + BASE + "?logout";
    }
}
