package se.portvakt.citizen;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import se.portvakt.audit.AuditLog;
import se.portvakt.config.SessionRenewal;
import se.portvakt.identity.EidFlows;
import se.portvakt.identity.EidFlows.Pending;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidProvider.EidProgress;
import se.portvakt.identity.EidProvider.EidStart;
import se.portvakt.identity.EidResponses;
import se.portvakt.identity.EidStatus;
import se.portvakt.identity.VerifiedPerson;
import se.portvakt.person.PinVault;

/**
 * A citizen logs in to "my meetings" with BankID or Freja eID through the same flows guests and hosts use. The
 * organisations' own rules (products, minimum age) are applied per meeting when the list is shown and joined,
 * as each meeting belongs to one organisation and the login to none.
 */
@Controller
class CitizenLoginController {

    static final String BASE = CitizenPortalController.BASE + "/login";
    private static final String PURPOSE = "citizen-login";

    private final EidFlows flows;
    private final PinVault pins;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    CitizenLoginController(EidFlows flows, PinVault pins, AuditLog audit, MessageSource messages, Clock clock) {
        this.flows = flows;
        this.pins = pins;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping(BASE)
    String start(
            @RequestParam(defaultValue = "") String method,
            @RequestParam(defaultValue = "true") boolean qr,
            HttpServletRequest request,
            Locale locale) {
        Optional<EidMethod> chosen =
                flows.available().stream().filter(m -> m.name().equals(method)).findFirst();
        if (chosen.isEmpty()) {
            return "redirect:" + CitizenPortalController.BASE;
        }
        Optional<Pending> started = flows.start(
                request.getSession(true),
                PURPOSE,
                chosen.get(),
                qr,
                new EidStart(
                        request.getRemoteAddr(),
                        null,
                        messages.getMessage("citizen.login.user-visible", null, locale)));
        return "redirect:" + (started.isPresent() ? BASE + "/progress" : CitizenPortalController.BASE + "?unavailable");
    }

    @GetMapping(BASE + "/progress")
    String progress(HttpServletRequest request, Model model) {
        Optional<Pending> pending = flows.pending(request.getSession(false), PURPOSE);
        if (pending.isEmpty()) {
            return "redirect:" + CitizenPortalController.BASE;
        }
        model.addAttribute("pending", pending.get());
        model.addAttribute("simulated", flows.simulated(pending.get().method()));
        model.addAttribute("base", BASE);
        return "citizen/login-progress";
    }

    /** Polled by the progress page about every 2 seconds. */
    @GetMapping(path = BASE + "/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<EidStatus> status(HttpServletRequest request, Locale locale) {
        HttpSession session = request.getSession(false);
        Optional<Pending> pending = flows.pending(session, PURPOSE);
        Optional<EidProgress> progress = flows.poll(session, PURPOSE);
        if (pending.isEmpty() || progress.isEmpty()) {
            boolean in = CitizenSession.of(request).isPresent();
            return EidResponses.status(new EidStatus(
                    in ? "COMPLETE" : "FAILED",
                    in ? "" : messages.getMessage("guest.eid.no-order", null, locale),
                    false,
                    CitizenPortalController.BASE));
        }
        EidProgress now = progress.get();
        return switch (now.status()) {
            case PENDING ->
                EidResponses.status(new EidStatus(
                        "PENDING",
                        messages.getMessage(now.messageKey(), null, locale),
                        pending.get().qr() && flows.qrCode(session, PURPOSE).isPresent(),
                        null));
            case FAILED -> {
                audit.record(
                        null,
                        "citizen",
                        "citizen.login.failed",
                        null,
                        pending.get().method() + ": " + now.messageKey());
                yield EidResponses.status(new EidStatus(
                        "FAILED",
                        messages.getMessage(now.messageKey(), null, locale),
                        false,
                        CitizenPortalController.BASE));
            }
            case COMPLETE -> {
                logIn(now.person(), request);
                yield EidResponses.status(new EidStatus("COMPLETE", "", false, CitizenPortalController.BASE));
            }
        };
    }

    @GetMapping(BASE + "/qr")
    ResponseEntity<String> qr(HttpServletRequest request) {
        return EidResponses.qr(flows.qrCode(request.getSession(false), PURPOSE));
    }

    @PostMapping(BASE + "/cancel")
    String cancel(HttpServletRequest request) {
        flows.cancel(request.getSession(false), PURPOSE);
        return "redirect:" + CitizenPortalController.BASE;
    }

    private void logIn(VerifiedPerson person, HttpServletRequest request) {
        // a new session once logged in: an id planted before the login is worth nothing after it
        HttpSession session = SessionRenewal.renew(request);
        session.setAttribute(
                CitizenSession.ATTRIBUTE,
                new CitizenSession(
                        pins.encrypt(person.personalIdentityNumber()),
                        person.method(),
                        person.name(),
                        person.simulated(),
                        clock.instant()));
        audit.record(
                null,
                "citizen",
                "citizen.login",
                null,
                person.method() + " " + person.personalIdentityNumber().masked()
                        + (person.simulated() ? " (SIMULATED)" : ""));
    }
}
