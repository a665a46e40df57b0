package se.portvakt.guest;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.config.StorableText;
import se.portvakt.guest.CodeState.Locked;
import se.portvakt.guest.CodeState.Outcome;
import se.portvakt.guest.CodeState.Verified;
import se.portvakt.guest.CodeState.Wrong;
import se.portvakt.guest.GuestCodes.RefusedLocked;
import se.portvakt.guest.GuestCodes.Requested;
import se.portvakt.guest.GuestCodes.TooMany;
import se.portvakt.invitation.DirectMessages;

/** LOA2: the guest types where the invitation went, gets a code there, and types it back. */
@Controller
class CodeController {

    private final GuestVisits visits;
    private final GuestCodes codes;
    private final DirectMessages messages;
    private final GuestProperties properties;
    private final Clock clock;

    CodeController(
            GuestVisits visits, GuestCodes codes, DirectMessages messages, GuestProperties properties, Clock clock) {
        this.visits = visits;
        this.codes = codes;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/m/{token}/contact")
    String contactForm(@PathVariable String token, HttpServletRequest request, Model model) {
        Visit visit = visits.open(token);
        if (!needsCode(visit, request)) {
            return "redirect:" + visit.path("");
        }
        return contactPage(visit, model, "");
    }

    @PostMapping("/m/{token}/contact")
    String requestCode(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String contact,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        Visit visit = visits.open(token);
        if (!needsCode(visit, request)) {
            return "redirect:" + visit.path("");
        }
        if (contact.isBlank()) {
            model.addAttribute("contactError", "guest.contact.error.required");
            return contactPage(visit, model, contact);
        }
        if (!StorableText.storable(contact)) {
            model.addAttribute("contactError", "guest.contact.error.unstorable");
            return contactPage(visit, model, contact);
        }
        ContactInput typed = ContactInput.parse(contact).orElse(null);
        if (typed == null) {
            model.addAttribute(
                    "contactError",
                    messages.smsEnabled() ? "guest.contact.error.format" : "guest.contact.error.format-email");
            return contactPage(visit, model, contact);
        }
        Requested requested = codes.request(visit.meeting(), visit.inviteeId(), typed);
        if (requested instanceof TooMany tooMany) {
            model.addAttribute("problem", "guest.contact.too-many");
            model.addAttribute("problemTime", time(visit, tooMany.retryAt(), locale));
            return contactPage(visit, model, contact);
        }
        if (requested instanceof RefusedLocked locked) {
            model.addAttribute("problem", "guest.code.locked");
            model.addAttribute("problemTime", time(visit, locked.until(), locale));
            return contactPage(visit, model, contact);
        }
        return "redirect:" + visit.path("code") + "?sent";
    }

    @GetMapping("/m/{token}/code")
    String codeForm(@PathVariable String token, HttpServletRequest request, Model model) {
        Visit visit = visits.open(token);
        if (!needsCode(visit, request)) {
            return "redirect:" + visit.path("");
        }
        return codePage(visit, model);
    }

    @PostMapping("/m/{token}/code")
    String verify(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        Visit visit = visits.open(token);
        if (!needsCode(visit, request)) {
            return "redirect:" + visit.path("");
        }
        String digits = OneTimeCodes.normalise(code);
        if (digits == null) {
            model.addAttribute("codeError", "guest.code.error.format");
            return codePage(visit, model);
        }
        Outcome outcome = codes.verify(visit.meeting(), visit.inviteeId(), digits);
        if (outcome instanceof Verified verified) {
            GuestSessions.identified(
                    request,
                    GuestIdentity.unnamed(
                            visit.inviteeId(),
                            visit.meeting().id(),
                            verified.method(),
                            AssuranceLevel.LOA2,
                            clock.instant()));
            return "redirect:" + visit.path("info");
        }
        if (outcome instanceof Wrong wrong) {
            model.addAttribute("codeError", "guest.code.error.wrong");
            model.addAttribute("attemptsLeft", wrong.attemptsLeft());
        } else if (outcome instanceof Locked locked) {
            model.addAttribute("problem", "guest.code.locked");
            model.addAttribute("problemTime", time(visit, locked.until(), locale));
        }
        return codePage(visit, model);
    }

    private static boolean needsCode(Visit visit, HttpServletRequest request) {
        return visit.meeting().assuranceLevel() == AssuranceLevel.LOA2
                && GuestSessions.identity(request, visit).isEmpty();
    }

    private String contactPage(Visit visit, Model model, String typed) {
        model.addAttribute("token", visit.token());
        model.addAttribute("organisation", visit.meeting().organisationName());
        model.addAttribute("smsEnabled", messages.smsEnabled());
        model.addAttribute("contact", typed);
        return "guest/contact";
    }

    private String codePage(Visit visit, Model model) {
        model.addAttribute("token", visit.token());
        model.addAttribute("minutes", properties.codeValidity().toMinutes());
        return "guest/code";
    }

    /**
     * A clock time in the organisation's zone, rounded up to the minute so that trying again at the time
     * shown works; a lock lasts minutes, so the day goes without saying.
     */
    private static String time(Visit visit, Instant instant, Locale locale) {
        Instant shown = instant.plusSeconds(59).truncatedTo(ChronoUnit.MINUTES);
        return DateTimeFormatter.ofPattern("HH:mm", locale)
                .format(shown.atZone(visit.meeting().zone()));
    }
}
