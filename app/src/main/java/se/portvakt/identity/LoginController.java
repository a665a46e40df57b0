package se.portvakt.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** What {@code /login?siths=...} may say (SithsStaffLogin.Refusal's shown values). */
    private static final Set<String> SITHS_OUTCOMES = Set.of("no-card", "invalid", "unknown", "refused");

    private final OidcProperties oidc;
    private final SithsProperties siths;

    LoginController(OidcProperties oidc, SithsProperties siths) {
        this.oidc = oidc;
        this.siths = siths;
    }

    /** A sign-in button on the login page: an organisation's identity provider. */
    record ProviderChoice(String key, String label) {}

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        List<ProviderChoice> providers = oidc.providers().entrySet().stream()
                .map(entry ->
                        new ProviderChoice(entry.getKey(), entry.getValue().label()))
                .sorted((a, b) -> a.label().compareToIgnoreCase(b.label()))
                .toList();
        model.addAttribute("identityProviders", providers);
        model.addAttribute("sithsSignIn", siths.enabled() ? sithsSignIn(request) : null);
        String sithsOutcome = request.getParameter("siths");
        model.addAttribute(
                "sithsRefusal",
                sithsOutcome != null && SITHS_OUTCOMES.contains(sithsOutcome) ? "staff.siths." + sithsOutcome : null);
        return "identity/login";
    }

    /** Sends a member to their organisation's identity provider, found by the domain of their e-mail address. */
    @PostMapping("/login/organisation")
    String byEmailDomain(@RequestParam(defaultValue = "") String email) {
        return oidc.keyForEmail(email)
                .map(key -> "redirect:/oauth2/authorization/" + key)
                .orElse("redirect:/login?no-provider");
    }

    /** The SITHS button's address: the own card connector's port on this host, unless configured otherwise. */
    private String sithsSignIn(HttpServletRequest request) {
        if (siths.signInUrl() != null && !siths.signInUrl().isBlank()) {
            return siths.signInUrl();
        }
        return siths.httpsPort() > 0
                ? "https://" + request.getServerName() + ":" + siths.httpsPort() + SithsProperties.SIGN_IN_PATH
                : SithsProperties.SIGN_IN_PATH;
    }
}
