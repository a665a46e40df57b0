package se.portvakt.guest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
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
import se.portvakt.booking.Attachments;
import se.portvakt.booking.Attachments.AttachmentFile;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.organisation.Organisations;

/**
 * What an identified guest sees: the meeting, its files, and the way in. Joining is refused by the
 * server before the window opens, whatever the page showed.
 */
@Controller
class MeetingInfoController {

    private final GuestVisits visits;
    private final Attachments attachments;
    private final GuestArrivals arrivals;
    private final Organisations organisations;
    private final Clock clock;

    MeetingInfoController(
            GuestVisits visits,
            Attachments attachments,
            GuestArrivals arrivals,
            Organisations organisations,
            Clock clock) {
        this.visits = visits;
        this.attachments = attachments;
        this.arrivals = arrivals;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/m/{token}/info")
    String info(@PathVariable String token, HttpServletRequest request, Model model, Locale locale) {
        Visit visit = visits.open(token);
        GuestIdentity identity = GuestSessions.identity(request, visit).orElse(null);
        if (identity == null) {
            return "redirect:" + visit.path("");
        }
        return infoPage(visit, identity, model, locale);
    }

    @PostMapping("/m/{token}/join")
    String join(
            @PathVariable String token,
            @RequestParam(defaultValue = "false") boolean anonymous,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        Visit visit = visits.open(token);
        GuestIdentity identity = GuestSessions.identity(request, visit).orElse(null);
        if (identity == null) {
            return "redirect:" + visit.path("");
        }
        if (clock.instant().isBefore(opensAt(visit.meeting()))) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", "guest.join.not-yet");
            return infoPage(visit, identity, model, locale);
        }
        // only a confidential meeting offers anonymity; a forged field elsewhere is ignored
        arrivals.arrive(visit, identity, anonymous && visit.meeting().confidential());
        return "redirect:" + visit.path("wait");
    }

    /** The waiting room and, once admitted, the meeting: a shell the signaling connection fills. */
    @GetMapping("/m/{token}/wait")
    String waitingRoom(@PathVariable String token, HttpServletRequest request, Model model, Locale locale) {
        Visit visit = visits.open(token);
        GuestIdentity identity = GuestSessions.identity(request, visit).orElse(null);
        GuestArrivals.Arrival arrival = arrivals.of(visit.inviteeId()).orElse(null);
        if (identity == null || arrival == null) {
            return "redirect:" + visit.path("");
        }
        model.addAttribute("token", visit.token());
        model.addAttribute("meeting", visit.meeting());
        model.addAttribute("inviteeId", visit.inviteeId());
        model.addAttribute("arrival", arrival);
        // who and when, as on the meeting page: the waiting guest should not have to go back to find out
        MeetingSummary meeting = visit.meeting();
        ZonedDateTime start = meeting.start().atZone(meeting.zone());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        model.addAttribute(
                "date", DateTimeFormatter.ofPattern("EEEE d MMMM", locale).format(start));
        model.addAttribute(
                "time", time.format(start) + "–" + time.format(meeting.end().atZone(meeting.zone())));
        return "guest/wait";
    }

    @GetMapping("/m/{token}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(
            @PathVariable String token, @PathVariable UUID attachmentId, HttpServletRequest request) {
        Visit visit = visits.open(token);
        if (GuestSessions.identity(request, visit).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        AttachmentFile file = attachments
                .file(visit.meeting().id(), attachmentId)
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

    private String infoPage(Visit visit, GuestIdentity identity, Model model, Locale locale) {
        MeetingSummary meeting = visit.meeting();
        ZonedDateTime start = meeting.start().atZone(meeting.zone());
        ZonedDateTime end = meeting.end().atZone(meeting.zone());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        Instant opensAt = opensAt(meeting);
        model.addAttribute("token", visit.token());
        model.addAttribute("meeting", meeting);
        model.addAttribute(
                "date", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(start));
        model.addAttribute("time", time.format(start) + "–" + time.format(end));
        model.addAttribute("zone", meeting.zone().getId());
        model.addAttribute("identity", identity);
        model.addAttribute("attachments", attachments.list(meeting.id()));
        model.addAttribute("joinOpen", !clock.instant().isBefore(opensAt));
        model.addAttribute("opensAt", time.format(opensAt.atZone(meeting.zone())));
        model.addAttribute(
                "opensMinutes", Duration.between(opensAt, meeting.start()).toMinutes());
        model.addAttribute("opensAtInstant", opensAt.toString());
        model.addAttribute("arrival", arrivals.of(visit.inviteeId()).orElse(null));
        return "guest/info";
    }

    private Instant opensAt(MeetingSummary meeting) {
        return meeting.start().minus(organisations.get(meeting.organisationId()).joinOpensBefore());
    }
}
