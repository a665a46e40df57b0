package se.portvakt.organisation;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.config.StorableText;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.StaffId;
import se.portvakt.person.PersonalIdentityNumber;

/**
 * An organisation's administrator invites hosts, changes their roles, deactivates and reactivates them, and
 * manages the API keys of its other systems.
 */
@Controller
class AdminController {

    static final int MIN_PASSWORD = 12;
    /** An address or number already in use, here or in another organisation: one answer for both. */
    static final String IN_USE = "organisation.error.email-unavailable";

    static final String PIN_IN_USE = "organisation.error.pin-unavailable";
    static final String HSA_ID_IN_USE = "organisation.error.hsa-id-unavailable";
    static final String UNSTORABLE = "organisation.error.text-unstorable";

    private final StaffDirectory staff;
    private final StaffLifecycle lifecycle;
    private final ApiKeys apiKeys;
    private final AuditLog audit;
    private final Organisations organisations;

    AdminController(
            StaffDirectory staff,
            StaffLifecycle lifecycle,
            ApiKeys apiKeys,
            AuditLog audit,
            Organisations organisations) {
        this.staff = staff;
        this.organisations = organisations;
        this.lifecycle = lifecycle;
        this.apiKeys = apiKeys;
        this.audit = audit;
    }

    /** The invite form as typed. */
    record StaffForm(String displayName, String email, String personalIdentityNumber, String hsaId, Boolean admin) {
        StaffForm {
            admin = Boolean.TRUE.equals(admin);
        }
    }

    @GetMapping("/admin")
    String admin(@AuthenticationPrincipal UserDetails user, Model model) {
        return show(organisationOf(user), new StaffForm("", "", "", "", false), Map.of(), model);
    }

    @PostMapping("/admin/staff")
    @Transactional
    String addStaff(
            @AuthenticationPrincipal UserDetails user,
            @ModelAttribute StaffForm form,
            BindingResult ignoredTypeErrors,
            Model model,
            RedirectAttributes redirect) {
        OrganisationId organisationId = organisationOf(user);
        Map<String, String> errors = check(form);
        if (!errors.isEmpty()) {
            if (errors.containsValue(IN_USE)
                    || errors.containsValue(PIN_IN_USE)
                    || errors.containsValue(HSA_ID_IN_USE)) {
                // the same words whichever organisation has it; the log shows who keeps trying addresses
                String email = StaffDirectory.normalise(form.email());
                audit.record(
                        AuditEntry.of(organisationId, AuditAction.STAFF_ADD_REFUSED, AuditActor.staff(adminId(user)))
                                .detail(
                                        "why",
                                        errors.containsValue(IN_USE)
                                                ? "e-mail address in use"
                                                : errors.containsValue(PIN_IN_USE)
                                                        ? "personal identity number in use"
                                                        : "HSA-id in use")
                                .personal("email", StorableText.storable(email) ? email : null));
            }
            return show(organisationId, form, errors, model);
        }
        Set<Role> roles = form.admin() ? EnumSet.of(Role.HOST, Role.ADMIN) : EnumSet.of(Role.HOST);
        StaffUser added = lifecycle.invite(organisationId, adminId(user), form.email(), form.displayName(), roles);
        personalIdentityNumber(form).ifPresent(pin -> staff.setPersonalIdentityNumber(added.id(), pin));
        if (form.hsaId() != null && !form.hsaId().isBlank()) {
            staff.setHsaId(added.id(), form.hsaId());
        }
        redirect.addFlashAttribute("notice", "staff.admin.staff-invited");
        return "redirect:/admin";
    }

    @PostMapping("/admin/staff/{id}/invite-again")
    String inviteAgain(@AuthenticationPrincipal UserDetails user, @PathVariable UUID id, RedirectAttributes redirect) {
        if (lifecycle.reinvite(organisationOf(user), adminId(user), new StaffId(id))) {
            redirect.addFlashAttribute("notice", "staff.admin.staff-invited-again");
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/staff/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal UserDetails user, @PathVariable UUID id, RedirectAttributes redirect) {
        return outcome(
                lifecycle.deactivate(organisationOf(user), adminId(user), new StaffId(id)),
                "staff.admin.staff-deactivated",
                redirect);
    }

    @PostMapping("/admin/staff/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal UserDetails user, @PathVariable UUID id, RedirectAttributes redirect) {
        return outcome(
                lifecycle.reactivate(organisationOf(user), adminId(user), new StaffId(id)),
                "staff.admin.staff-reactivated",
                redirect);
    }

    @PostMapping("/admin/staff/{id}/roles")
    String changeRoles(
            @AuthenticationPrincipal UserDetails user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean host,
            @RequestParam(defaultValue = "false") boolean admin,
            RedirectAttributes redirect) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (host) {
            roles.add(Role.HOST);
        }
        if (admin) {
            roles.add(Role.ADMIN);
        }
        return outcome(
                lifecycle.changeRoles(organisationOf(user), adminId(user), new StaffId(id), roles),
                "staff.admin.roles-changed",
                redirect);
    }

    private static String outcome(StaffLifecycle.Refusal refusal, String notice, RedirectAttributes redirect) {
        if (refusal == null) {
            redirect.addFlashAttribute("notice", notice);
        } else if (refusal != StaffLifecycle.Refusal.NO_SUCH_MEMBER) {
            // another organisation's member looks like no member at all: nothing to say about them
            redirect.addFlashAttribute("staffError", "staff.error." + refusal.name());
        }
        return "redirect:/admin#staff-heading";
    }

    @PostMapping("/admin/api-keys")
    @Transactional
    String createKey(
            @AuthenticationPrincipal UserDetails user, @RequestParam String name, RedirectAttributes redirect) {
        OrganisationId organisationId = organisationOf(user);
        if (!StorableText.storable(name)) {
            redirect.addFlashAttribute("keyError", UNSTORABLE);
            return "redirect:/admin#api-keys";
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            redirect.addFlashAttribute("keyError", "organisation.admin.key-name-required");
            return "redirect:/admin#api-keys";
        }
        String secret = apiKeys.create(organisationId, name, adminId(user));
        audit.record(AuditEntry.of(organisationId, AuditAction.API_KEY_CREATED, AuditActor.staff(adminId(user)))
                .detail("name", name.strip()));
        redirect.addFlashAttribute("newKey", secret);
        return "redirect:/admin#api-keys";
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    @Transactional
    String revokeKey(@AuthenticationPrincipal UserDetails user, @PathVariable UUID id, RedirectAttributes redirect) {
        OrganisationId organisationId = organisationOf(user);
        if (apiKeys.revoke(organisationId, id)) {
            audit.record(AuditEntry.of(organisationId, AuditAction.API_KEY_REVOKED, AuditActor.staff(adminId(user)))
                    .subject(id));
            redirect.addFlashAttribute("notice", "organisation.admin.key-revoked");
        }
        return "redirect:/admin#api-keys";
    }

    private String show(OrganisationId organisationId, StaffForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("staffList", staff.of(organisationId));
        model.addAttribute("keys", apiKeys.of(organisationId));
        model.addAttribute("zone", organisations.get(organisationId).zone());
        return "organisation/admin";
    }

    /** Field to message key; empty when the form is fine. */
    private Map<String, String> check(StaffForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        StorableText.unstorableFields(form).forEach(field -> errors.put(field, UNSTORABLE));
        if (errors.containsKey("displayName")) {
            // said above; and nothing is looked up by text no database takes
        } else if (form.displayName() == null
                || form.displayName().isBlank()
                || form.displayName().length() > 200) {
            errors.put("displayName", "organisation.error.name-required");
        }
        String email = StaffDirectory.normalise(form.email());
        if (errors.containsKey("email")) {
            // said above
        } else if (!email.matches("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}") || email.length() > 320) {
            errors.put("email", "organisation.error.email-invalid");
        } else if (staff.emailTaken(email)) {
            errors.put("email", IN_USE);
        }
        String pin = form.personalIdentityNumber();
        if (!errors.containsKey("personalIdentityNumber") && pin != null && !pin.isBlank()) {
            Optional<PersonalIdentityNumber> parsed = personalIdentityNumber(form);
            if (parsed.isEmpty()) {
                errors.put("personalIdentityNumber", "organisation.error.pin-invalid");
            } else if (staff.personalIdentityNumberTaken(parsed.get())) {
                errors.put("personalIdentityNumber", PIN_IN_USE);
            }
        }
        String hsaId = StaffDirectory.normaliseHsaId(form.hsaId());
        if (!errors.containsKey("hsaId") && !hsaId.isEmpty()) {
            if (!hsaId.matches("SE[0-9A-Z]{4,30}-[0-9A-Z]{1,30}")) {
                errors.put("hsaId", "organisation.error.hsa-id-invalid");
            } else if (staff.byHsaId(hsaId).isPresent()) {
                errors.put("hsaId", HSA_ID_IN_USE);
            }
        }
        return errors;
    }

    /** Optional: lets the new host log in with BankID or Freja eID too. */
    private static Optional<PersonalIdentityNumber> personalIdentityNumber(StaffForm form) {
        String typed = form.personalIdentityNumber();
        return typed == null || typed.isBlank() ? Optional.empty() : PersonalIdentityNumber.parse(typed);
    }

    private StaffId adminId(UserDetails user) {
        return staff.byEmail(user.getUsername()).map(StaffUser::id).orElseThrow();
    }

    private OrganisationId organisationOf(UserDetails user) {
        return staff.byEmail(user.getUsername()).map(StaffUser::organisationId).orElseThrow();
    }
}
