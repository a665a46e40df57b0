package se.portvakt.identity;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import se.portvakt.ids.OrganisationId;
import se.portvakt.organisation.Organisations;

/** An administrator sets the organisation's identification rules and how early guests may join. */
@Controller
class EidRulesController {

    private final EidRules rules;
    private final Organisations organisations;
    private final AuditLog audit;

    EidRulesController(EidRules rules, Organisations organisations, AuditLog audit) {
        this.rules = rules;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** The form as typed, kept when it has errors. */
    record RulesForm(Set<EidMethod> accepted, String minimumAge, String joinOpensMinutes) {}

    @GetMapping("/admin/identification")
    String show(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        EidRules.Rules current = rules.of(user.organisationId());
        long minutes =
                organisations.get(user.organisationId()).joinOpensBefore().toMinutes();
        return page(
                new RulesForm(
                        current.accepted(),
                        current.minimumAge() == null ? "" : current.minimumAge().toString(),
                        Long.toString(minutes)),
                Map.of(),
                model);
    }

    @PostMapping("/admin/identification")
    @Transactional
    String save(
            @AuthenticationPrincipal StaffPrincipal user,
            @RequestParam(defaultValue = "") List<EidMethod> accepted,
            @RequestParam(defaultValue = "") String minimumAge,
            @RequestParam(defaultValue = "") String joinOpensMinutes,
            Model model,
            RedirectAttributes redirect) {
        RulesForm form = new RulesForm(
                accepted.isEmpty() ? Set.of() : EnumSet.copyOf(accepted), minimumAge.strip(), joinOpensMinutes.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.accepted().isEmpty()) {
            errors.put("accepted", "identity.rules.error.accepted");
        }
        Integer age = number(form.minimumAge(), 0, 120);
        if (!form.minimumAge().isEmpty() && age == null) {
            errors.put("minimumAge", "identity.rules.error.minimum-age");
        }
        Integer minutes = number(form.joinOpensMinutes(), 0, 120);
        if (minutes == null) {
            errors.put("joinOpensMinutes", "identity.rules.error.join-opens");
        }
        if (!errors.isEmpty()) {
            return page(form, errors, model);
        }
        OrganisationId organisationId = user.organisationId();
        rules.save(organisationId, new EidRules.Rules(age, form.accepted()));
        organisations.setJoinOpensBefore(organisationId, Duration.ofMinutes(minutes));
        audit.record(
                AuditEntry.of(organisationId, AuditAction.IDENTIFICATION_RULES_CHANGED, AuditActor.staff(user.id()))
                        .subject(organisationId)
                        .detail("accepted", form.accepted())
                        .detail("minimumAge", age)
                        .detail("joinOpensMinutes", minutes));
        redirect.addFlashAttribute("notice", "identity.rules.saved");
        return "redirect:/admin/identification";
    }

    private String page(RulesForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("methods", EidMethod.values());
        return "identity/rules";
    }

    /** The number typed, or null when it is not a whole number in [min, max]. */
    private static Integer number(String typed, int min, int max) {
        if (!typed.matches("\\d{1,3}")) {
            return null;
        }
        int value = Integer.parseInt(typed);
        return value < min || value > max ? null : value;
    }
}
