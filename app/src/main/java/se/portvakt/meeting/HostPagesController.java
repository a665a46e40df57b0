package se.portvakt.meeting;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.Meetings;
import se.portvakt.identity.StaffPrincipal;
import se.portvakt.ids.MeetingId;

/** The host's live pages: the console (waiting room) and a meeting's room. Shells the signaling socket fills. */
@Controller
class HostPagesController {

    private final Meetings meetings;

    HostPagesController(Meetings meetings) {
        this.meetings = meetings;
    }

    @GetMapping("/console")
    String console() {
        return "meeting/console";
    }

    @GetMapping("/meetings/{id}/room")
    String room(@AuthenticationPrincipal StaffPrincipal host, @PathVariable UUID id, Model model) {
        MeetingSummary meeting = meetings.summary(new MeetingId(id))
                .filter(summary -> summary.organisationId().equals(host.organisationId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("meeting", meeting);
        return "meeting/host-room";
    }
}
