package se.portvakt.guest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.Meetings;
import se.portvakt.identity.EidFlows;
import se.portvakt.identity.EidFlows.Pending;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidProvider.EidProgress;
import se.portvakt.identity.EidProvider.EidStart;
import se.portvakt.identity.EidResponses;
import se.portvakt.identity.EidRules;
import se.portvakt.identity.EidStatus;

/**
 * LOA3 for a guest: BankID or Freja eID, on another device by QR code or on this one. Only when the
 * e-legitimation completes, the person is the invited one (if the invitation names one) and the organisation's
 * rules allow them, does this browser session count as the invitee.
 */
@Controller
class GuestEidController {

    private final GuestVisits visits;
    private final EidFlows flows;
    private final EidRules rules;
    private final Meetings meetings;
    private final GuestEidOutcomes outcomes;
    private final MessageSource messages;

    GuestEidController(
            GuestVisits visits,
            EidFlows flows,
            EidRules rules,
            Meetings meetings,
            GuestEidOutcomes outcomes,
            MessageSource messages) {
        this.visits = visits;
        this.flows = flows;
        this.rules = rules;
        this.meetings = meetings;
        this.outcomes = outcomes;
        this.messages = messages;
    }

    @GetMapping("/m/{token}/eid")
    String choose(@PathVariable String token, HttpServletRequest request, Model model) {
        Visit visit = visits.open(token);
        if (!needsEid(visit, request)) {
            return "redirect:" + visit.path("");
        }
        model.addAttribute("token", token);
        model.addAttribute("organisation", visit.meeting().organisationName());
        List<EidMethod> methods = offered(visit);
        model.addAttribute("methods", methods);
        model.addAttribute("simulated", methods.stream().anyMatch(flows::simulated));
        return "guest/eid";
    }

    @PostMapping("/m/{token}/eid")
    String start(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String method,
            @RequestParam(defaultValue = "true") boolean qr,
            HttpServletRequest request,
            Locale locale) {
        Visit visit = visits.open(token);
        if (!needsEid(visit, request)) {
            return "redirect:" + visit.path("");
        }
        Optional<EidMethod> chosen =
                offered(visit).stream().filter(m -> m.name().equals(method)).findFirst();
        if (chosen.isEmpty()) {
            return "redirect:" + visit.path("eid");
        }
        String text = messages.getMessage(
                "guest.eid.user-visible", new Object[] {visit.meeting().organisationName()}, locale);
        Optional<Pending> started = flows.start(
                request.getSession(true),
                purpose(visit),
                chosen.get(),
                qr,
                new EidStart(
                        request.getRemoteAddr(),
                        meetings.invitedPerson(visit.inviteeId()).orElse(null),
                        text));
        if (started.isEmpty()) {
            outcomes.failed(visit, chosen.get(), "unavailable");
            return "redirect:" + visit.path("eid") + "?unavailable";
        }
        outcomes.started(visit, chosen.get(), qr);
        return "redirect:" + visit.path("eid/progress");
    }

    @GetMapping("/m/{token}/eid/progress")
    String progress(@PathVariable String token, HttpServletRequest request, Model model) {
        Visit visit = visits.open(token);
        Optional<Pending> pending = flows.pending(request.getSession(false), purpose(visit));
        if (!needsEid(visit, request) || pending.isEmpty()) {
            return "redirect:" + visit.path("");
        }
        model.addAttribute("token", token);
        model.addAttribute("pending", pending.get());
        model.addAttribute("simulated", flows.simulated(pending.get().method()));
        model.addAttribute("base", visit.path("eid"));
        return "guest/eid-progress";
    }

    /** Polled by the progress page about every 2 seconds. */
    @GetMapping(path = "/m/{token}/eid/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<EidStatus> status(@PathVariable String token, HttpServletRequest request, Locale locale) {
        Visit visit = visits.open(token);
        HttpSession session = request.getSession(false);
        Optional<Pending> pending = flows.pending(session, purpose(visit));
        Optional<EidProgress> progress = flows.poll(session, purpose(visit));
        if (pending.isEmpty() || progress.isEmpty()) {
            boolean identified = !needsEid(visit, request);
            return EidResponses.status(new EidStatus(
                    identified ? "COMPLETE" : "FAILED",
                    identified ? "" : messages.getMessage("guest.eid.no-order", null, locale),
                    false,
                    visit.path(identified ? "info" : "eid")));
        }
        EidProgress now = progress.get();
        return switch (now.status()) {
            case PENDING ->
                EidResponses.status(new EidStatus(
                        "PENDING",
                        messages.getMessage(now.messageKey(), null, locale),
                        pending.get().qr()
                                && flows.qrCode(session, purpose(visit)).isPresent(),
                        null));
            case FAILED -> {
                outcomes.failed(visit, pending.get().method(), now.messageKey());
                yield EidResponses.status(new EidStatus(
                        "FAILED", messages.getMessage(now.messageKey(), null, locale), false, visit.path("eid")));
            }
            case COMPLETE -> {
                Optional<String> refusal = outcomes.completed(visit, now.person(), request, locale);
                yield EidResponses.status(
                        refusal.isPresent()
                                ? new EidStatus("FAILED", refusal.get(), false, visit.path("eid"))
                                : new EidStatus("COMPLETE", "", false, visit.path("info")));
            }
        };
    }

    /** The QR code as it should look this second; 204 when none should show (scanned, ended, same device). */
    @GetMapping("/m/{token}/eid/qr")
    ResponseEntity<String> qr(@PathVariable String token, HttpServletRequest request) {
        Visit visit = visits.open(token);
        return EidResponses.qr(flows.qrCode(request.getSession(false), purpose(visit)));
    }

    /** The person gave up or left the page: the order is cancelled at BankID/Freja too. */
    @PostMapping("/m/{token}/eid/cancel")
    String cancel(@PathVariable String token, HttpServletRequest request) {
        Visit visit = visits.open(token);
        flows.pending(request.getSession(false), purpose(visit))
                .ifPresent(pending -> outcomes.cancelled(visit, pending.method()));
        flows.cancel(request.getSession(false), purpose(visit));
        return "redirect:" + visit.path("eid");
    }

    private List<EidMethod> offered(Visit visit) {
        var accepted = rules.of(visit.meeting().organisationId()).accepted();
        return flows.available().stream().filter(accepted::contains).toList();
    }

    private static boolean needsEid(Visit visit, HttpServletRequest request) {
        return visit.meeting().assuranceLevel() == AssuranceLevel.LOA3
                && GuestSessions.identity(request, visit).isEmpty();
    }

    private static String purpose(Visit visit) {
        return "guest:" + visit.inviteeId();
    }
}
