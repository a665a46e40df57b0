package se.portvakt.invitation;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import se.portvakt.config.ConditionalOnEmbeddedMode;

/**
 * The dev mailbox: every queued message, for a developer or tester of the embedded default. It exists
 * only in embedded mode; on a production database the pages are not there at all.
 */
@Controller
@ConditionalOnEmbeddedMode
@RequestMapping("/dev/mailbox")
class DevMailboxController {

    static final int PAGE_SIZE = 50;
    /** The HTML body is someone's typed text in a template: shown without scripts, forms or same-origin rights. */
    static final String SANDBOX_POLICY =
            "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; " + "frame-ancestors 'self'";

    private final Outbox outbox;

    DevMailboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        // one row more than a page tells whether there is an older page
        List<OutboxMessage> rows = outbox.latest(current * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("messages", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
        model.addAttribute("page", current);
        model.addAttribute("hasOlder", rows.size() > PAGE_SIZE);
        return "invitation/mailbox";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        OutboxMessage message = find(id);
        model.addAttribute("message", message);
        model.addAttribute("text", LinkedText.of(message.bodyText()));
        return "invitation/mailbox-message";
    }

    @GetMapping("/{id}/body.html")
    ResponseEntity<String> html(@PathVariable UUID id) {
        OutboxMessage message = find(id);
        if (message.bodyHtml() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .header("Content-Security-Policy", SANDBOX_POLICY)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(message.bodyHtml());
    }

    @GetMapping("/{id}/invite.ics")
    ResponseEntity<String> calendar(@PathVariable UUID id) {
        OutboxMessage message = find(id);
        if (message.calendar() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(InvitationMime.ATTACHMENT_NAME)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(
                        "text/calendar; charset=UTF-8; method=" + InvitationMime.calendarMethod(message.calendar())))
                .body(message.calendar());
    }

    private OutboxMessage find(UUID id) {
        return outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
