package se.portvakt.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.config.StorableText;
import se.portvakt.organisation.PasswordLinks;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.organisation.StaffSessions;
import se.portvakt.organisation.StaffUser;

/**
 * A staff member's own password: set through a one-time link (invitation or reset), asked for when forgotten,
 * changed when logged in. Setting one through a link also lifts a lock from wrong passwords (LoginFailures):
 * whoever holds the mailbox is the member.
 */
@Controller
class PasswordPagesController {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 200;

    private final StaffDirectory staff;
    private final PasswordLinks links;
    private final StaffSessions sessions;
    private final LoginFailures failures;
    private final AuditLog audit;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PasswordPagesController(
            StaffDirectory staff, PasswordLinks links, StaffSessions sessions, LoginFailures failures, AuditLog audit) {
        this.staff = staff;
        this.links = links;
        this.sessions = sessions;
        this.failures = failures;
        this.audit = audit;
    }

    @GetMapping("/login/forgot")
    String forgotForm() {
        return "identity/password-forgot";
    }

    /** The same answer whether or not the address has an account: the page names no one. */
    @PostMapping("/login/forgot")
    @Transactional
    String forgot(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
        String normalised = StaffDirectory.normalise(email);
        Optional<StaffUser> member = StorableText.storable(normalised) && normalised.length() <= 320
                ? staff.byEmail(normalised).filter(StaffUser::enabled)
                : Optional.empty();
        member.filter(user -> !links.resetSentLately(user.id())).ifPresent(user -> {
            links.issue(user, PasswordLinks.Purpose.RESET);
            audit.record(AuditEntry.of(user.organisationId(), AuditAction.PASSWORD_RESET_REQUESTED, AuditActor.SYSTEM)
                    .subject(user.id())
                    .personal("address", request.getRemoteAddr()));
        });
        return "redirect:/login/forgot?sent";
    }

    @GetMapping(PasswordLinks.PATH)
    String setForm(@RequestParam(defaultValue = "") String token, Model model) {
        Optional<PasswordLinks.Holder> holder = links.peek(token);
        if (holder.isEmpty()) {
            return "identity/password-link-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("purpose", holder.get().purpose());
        return "identity/password-set";
    }

    @PostMapping(PasswordLinks.PATH)
    @Transactional
    String set(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat,
            Model model,
            RedirectAttributes redirect) {
        Optional<PasswordLinks.Holder> usable = links.peek(token);
        if (usable.isEmpty()) {
            audit.record(AuditEntry.of(null, AuditAction.PASSWORD_LINK_REFUSED, AuditActor.SYSTEM));
            return "identity/password-link-invalid";
        }
        String error = check(password, repeat);
        if (error != null) {
            model.addAttribute("token", token);
            model.addAttribute("purpose", usable.get().purpose());
            model.addAttribute("error", error);
            return "identity/password-set";
        }
        Optional<PasswordLinks.Holder> used = links.redeem(token);
        if (used.isEmpty()) {
            return "identity/password-link-invalid";
        }
        StaffUser member = staff.byId(used.get().staffId()).orElseThrow();
        staff.setPassword(member.id(), password);
        failures.succeeded(member.id().value());
        // a reset may follow a stolen password: whoever else is logged in as the member is logged out
        sessions.endAll(member);
        audit.record(AuditEntry.of(member.organisationId(), AuditAction.PASSWORD_SET, AuditActor.staff(member.id()))
                .subject(member.id())
                .detail("purpose", used.get().purpose()));
        return "redirect:/login?password-set";
    }

    @GetMapping(PasswordChangeGate.CHANGE_PAGE)
    String changeForm(@AuthenticationPrincipal StaffPrincipal principal, Model model) {
        model.addAttribute("required", principal.passwordChangeRequired());
        model.addAttribute(
                "hasPassword",
                staff.byId(principal.id()).map(StaffUser::passwordHash).isPresent());
        return "identity/password-change";
    }

    @PostMapping(PasswordChangeGate.CHANGE_PAGE)
    @Transactional
    String change(
            @AuthenticationPrincipal StaffPrincipal principal,
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffUser member = staff.byId(principal.id()).orElseThrow();
        String error = member.passwordHash() != null && !staff.passwordMatches(member.id(), current)
                ? "staff.password.error.current"
                : check(password, repeat);
        if (error == null && current.equals(password)) {
            error = "staff.password.error.same";
        }
        if (error != null) {
            model.addAttribute("required", principal.passwordChangeRequired());
            model.addAttribute("hasPassword", member.passwordHash() != null);
            model.addAttribute("error", error);
            return "identity/password-change";
        }
        staff.setPassword(member.id(), password);
        audit.record(AuditEntry.of(member.organisationId(), AuditAction.PASSWORD_CHANGED, AuditActor.staff(member.id()))
                .subject(member.id())
                .detail("wasRequired", principal.passwordChangeRequired()));
        StaffPrincipal now = principal.refreshed(staff.byId(member.id()).orElseThrow());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:" + PasswordChangeGate.CHANGE_PAGE + "?changed";
    }

    /** A message key for a password not good enough, or null. */
    private static String check(String password, String repeat) {
        if (password.length() < MIN_PASSWORD) {
            return "staff.password.error.short";
        }
        if (password.length() > MAX_PASSWORD || !StorableText.storable(password)) {
            return "staff.password.error.unstorable";
        }
        if (!password.equals(repeat)) {
            return "staff.password.error.repeat";
        }
        return null;
    }
}
