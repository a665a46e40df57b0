package se.portvakt.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.config.SessionRenewal;
import se.portvakt.identity.EidFlows.Pending;
import se.portvakt.identity.EidProvider.EidProgress;
import se.portvakt.identity.EidProvider.EidStart;
import se.portvakt.ids.OrganisationId;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.organisation.StaffUser;

/** Hosts and administrators log in with BankID or Freja eID: their staff account carries their personal identity number. */
@Controller
class EidLoginController {

    static final String BASE = "/login/eid";
    private static final String PURPOSE = "staff-login";

    private final EidFlows flows;
    private final EidRules rules;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final MessageSource messages;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    EidLoginController(EidFlows flows, EidRules rules, StaffDirectory staff, AuditLog audit, MessageSource messages) {
        this.flows = flows;
        this.rules = rules;
        this.staff = staff;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String choose(Model model) {
        model.addAttribute("methods", flows.available());
        model.addAttribute("simulated", flows.available().stream().anyMatch(flows::simulated));
        return "identity/eid-login";
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
            return "redirect:" + BASE;
        }
        Optional<Pending> started = flows.start(
                request.getSession(true),
                PURPOSE,
                chosen.get(),
                qr,
                new EidStart(
                        request.getRemoteAddr(),
                        null,
                        messages.getMessage("identity.login.eid.user-visible", null, locale)));
        return "redirect:" + BASE + (started.isPresent() ? "/progress" : "?unavailable");
    }

    @GetMapping(BASE + "/progress")
    String progress(HttpServletRequest request, Model model) {
        Optional<Pending> pending = flows.pending(request.getSession(false), PURPOSE);
        if (pending.isEmpty()) {
            return "redirect:" + BASE;
        }
        model.addAttribute("pending", pending.get());
        model.addAttribute("simulated", flows.simulated(pending.get().method()));
        model.addAttribute("base", BASE);
        return "identity/eid-login-progress";
    }

    @GetMapping(path = BASE + "/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<EidStatus> status(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        HttpSession session = request.getSession(false);
        Optional<Pending> pending = flows.pending(session, PURPOSE);
        Optional<EidProgress> progress = flows.poll(session, PURPOSE);
        if (pending.isEmpty() || progress.isEmpty()) {
            return EidResponses.status(
                    new EidStatus("FAILED", messages.getMessage("guest.eid.no-order", null, locale), false, BASE));
        }
        EidProgress now = progress.get();
        return switch (now.status()) {
            case PENDING ->
                EidResponses.status(new EidStatus(
                        "PENDING",
                        messages.getMessage(now.messageKey(), null, locale),
                        pending.get().qr() && flows.qrCode(session, PURPOSE).isPresent(),
                        null));
            case FAILED ->
                EidResponses.status(
                        new EidStatus("FAILED", messages.getMessage(now.messageKey(), null, locale), false, BASE));
            case COMPLETE -> EidResponses.status(logIn(now.person(), request, response, locale));
        };
    }

    @GetMapping(BASE + "/qr")
    ResponseEntity<String> qr(HttpServletRequest request) {
        return EidResponses.qr(flows.qrCode(request.getSession(false), PURPOSE));
    }

    @PostMapping(BASE + "/cancel")
    String cancel(HttpServletRequest request) {
        flows.cancel(request.getSession(false), PURPOSE);
        return "redirect:/login";
    }

    private EidStatus logIn(
            VerifiedPerson person, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Optional<StaffUser> found =
                staff.byPersonalIdentityNumber(person.personalIdentityNumber()).filter(StaffUser::enabled);
        if (found.isEmpty()) {
            audit.record(eidLogin(null, AuditAction.LOGIN_EID_UNKNOWN, AuditActor.PERSON, person));
            return new EidStatus(
                    "FAILED", messages.getMessage("identity.login.eid.unknown", null, locale), false, BASE);
        }
        StaffUser user = found.get();
        if (!rules.of(user.organisationId()).accepted().contains(person.method())) {
            audit.record(
                    eidLogin(user.organisationId(), AuditAction.LOGIN_EID_REFUSED, AuditActor.staff(user.id()), person)
                            .subject(user.id()));
            return new EidStatus(
                    "FAILED",
                    messages.getMessage(
                            "identity.eid.refused.product",
                            new Object[] {messages.getMessage("identity.eid.method." + person.method(), null, locale)},
                            locale),
                    false,
                    BASE);
        }
        StaffPrincipal principal = new StaffPrincipal(user, false, person.simulated());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        // a new session once logged in: an id planted before the login is worth nothing after it
        SessionRenewal.renew(request);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        audit.record(eidLogin(user.organisationId(), AuditAction.LOGIN_EID, AuditActor.staff(user.id()), person)
                .subject(user.id()));
        return new EidStatus("COMPLETE", "", false, "/");
    }

    private static AuditEntry eidLogin(
            OrganisationId organisationId, AuditAction action, AuditActor actor, VerifiedPerson person) {
        return AuditEntry.of(organisationId, action, actor)
                .person(person.personalIdentityNumber())
                .evidence(person.method(), "LOA3", person.simulated());
    }
}
