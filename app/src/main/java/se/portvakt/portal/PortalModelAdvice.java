package se.portvakt.portal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.portvakt.config.DeploymentMode;
import se.portvakt.identity.StaffPrincipal;

/**
 * What every page's frame shows: who is logged in, the language, whether this is the embedded default and
 * whether its e-mail really goes out.
 */
@ControllerAdvice(annotations = Controller.class)
class PortalModelAdvice {

    private final DeploymentMode mode;
    private final Environment environment;

    PortalModelAdvice(DeploymentMode mode, Environment environment) {
        this.mode = mode;
        this.environment = environment;
    }

    @ModelAttribute("staff")
    StaffPrincipal staff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
                ? principal
                : null;
    }

    @ModelAttribute("lang")
    String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    @ModelAttribute("embedded")
    boolean embedded() {
        return mode.embedded();
    }

    /** Whether invitations really go out by e-mail: the embedded banner must not say otherwise. */
    @ModelAttribute("mailSent")
    boolean mailSent() {
        return DeploymentMode.sendsMail(environment);
    }
}
