package se.portvakt.guest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.MeetingSummary;

/** The personal link: sends the guest on to the step the meeting's assurance level asks for. */
@Controller
class GuestEntryController {

    private final GuestVisits visits;
    private final GuestLanguage language;
    private final AuditLog audit;
    private final Clock clock;

    GuestEntryController(GuestVisits visits, GuestLanguage language, AuditLog audit, Clock clock) {
        this.visits = visits;
        this.language = language;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/m/{token}")
    String enter(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = visits.find(token).orElseThrow(() -> new LinkClosed(LinkClosed.Reason.INVALID));
        language.useMeetingLanguage(request, response, visit.meeting());
        visits.requireOpen(visit);
        MeetingSummary meeting = visit.meeting();
        if (GuestSessions.identity(request, visit).isPresent()) {
            return "redirect:" + visit.path("info");
        }
        return switch (meeting.assuranceLevel()) {
            case NONE -> {
                GuestSessions.identified(
                        request,
                        GuestIdentity.unnamed(
                                visit.inviteeId(),
                                meeting.id(),
                                IdentificationMethod.LINK,
                                AssuranceLevel.NONE,
                                clock.instant()));
                audit.record(AuditEntry.of(
                                meeting.organisationId(),
                                AuditAction.GUEST_IDENTIFIED,
                                AuditActor.guest(visit.inviteeId()))
                        .meeting(meeting.id())
                        .subject(visit.inviteeId())
                        .evidence(IdentificationMethod.LINK, AssuranceLevel.NONE, false));
                yield "redirect:" + visit.path("info");
            }
            case LOA2 -> "redirect:" + visit.path("contact");
            case LOA3 -> "redirect:" + visit.path("eid");
        };
    }
}
