package se.portvakt.booking.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.portvakt.booking.Attachments;
import se.portvakt.booking.Attachments.AttachmentFile;
import se.portvakt.booking.MeetingNotFound;
import se.portvakt.booking.internal.BookingProblem;
import se.portvakt.booking.internal.BookingRejected;
import se.portvakt.identity.StaffPrincipal;
import se.portvakt.ids.MeetingId;

/** Hosts attach files to a meeting, remove them, and download them. */
@Controller
class AttachmentController {

    private final Attachments attachments;
    private final MessageSource messages;

    AttachmentController(Attachments attachments, MessageSource messages) {
        this.attachments = attachments;
        this.messages = messages;
    }

    @PostMapping("/meetings/{id}/attachments")
    String upload(
            @AuthenticationPrincipal StaffPrincipal host,
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Locale locale,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw BookingRejected.because("file", "booking.error.attachment-empty");
            }
            attachments.add(
                    BookingController.actor(host), new MeetingId(id), file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("notice", "booking.notice.attached");
        } catch (BookingRejected rejected) {
            BookingProblem problem = rejected.problems().get(0);
            redirect.addFlashAttribute(
                    "problem",
                    messages.getMessage(problem.code(), problem.arguments().toArray(), locale));
        }
        return "redirect:/meetings/" + id + "#attachments";
    }

    @PostMapping("/meetings/{id}/attachments/{attachmentId}/delete")
    String remove(
            @AuthenticationPrincipal StaffPrincipal host,
            @PathVariable UUID id,
            @PathVariable UUID attachmentId,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            if (!attachments.remove(BookingController.actor(host), new MeetingId(id), attachmentId)) {
                throw new MeetingNotFound();
            }
            redirect.addFlashAttribute("notice", "booking.notice.attachment-removed");
        } catch (BookingRejected rejected) {
            BookingProblem problem = rejected.problems().get(0);
            redirect.addFlashAttribute(
                    "problem",
                    messages.getMessage(problem.code(), problem.arguments().toArray(), locale));
        }
        return "redirect:/meetings/" + id + "#attachments";
    }

    @GetMapping("/meetings/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(
            @AuthenticationPrincipal StaffPrincipal host, @PathVariable UUID id, @PathVariable UUID attachmentId) {
        AttachmentFile file = attachments
                .file(BookingController.actor(host), new MeetingId(id), attachmentId)
                .orElseThrow(MeetingNotFound::new);
        return download(file);
    }

    /** Always a download, never rendered in the page: a file cannot run as part of Portvakt. */
    static ResponseEntity<byte[]> download(AttachmentFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.info().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.info().fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }
}
