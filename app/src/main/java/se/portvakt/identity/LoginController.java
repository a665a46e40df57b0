package se.portvakt.identity;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final OidcProperties oidc;

    LoginController(OidcProperties oidc) {
        this.oidc = oidc;
    }

    /** A sign-in button on the login page: an organisation's identity provider. */
    record ProviderChoice(String key, String label) {}

    @GetMapping("/login")
    String login(Model model) {
        List<ProviderChoice> providers = oidc.providers().entrySet().stream()
                .map(entry -> new ProviderChoice(entry.getKey(), entry.getValue().label()))
                .sorted((a, b) -> a.label().compareToIgnoreCase(b.label())).toList();
        model.addAttribute("identityProviders", providers);
        return "identity/login";
    }

    /** Sends a member to their organisation's identity provider, found by the domain of their e-mail address. */
    @PostMapping("/login/organisation")
    String byEmailDomain(@RequestParam(defaultValue = "") String email) {
        return oidc.keyForEmail(email).map(key -> "redirect:/oauth2/authorization/" + key)
                .orElse("redirect:/login?no-provider");
    }
}
