package se.portvakt.portal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.portvakt.config.DeploymentMode;
import se.portvakt.identity.StaffPrincipal;

/** What every page's frame shows: who is logged in, the language, whether this is the embedded default. */
@ControllerAdvice(annotations = Controller.class)
class PortalModelAdvice {

    private final DeploymentMode mode;

    PortalModelAdvice(DeploymentMode mode) {
        this.mode = mode;
    }

    @ModelAttribute("staff")
    StaffPrincipal staff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal ? principal : null;
    }

    @ModelAttribute("lang")
    String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    @ModelAttribute("embedded")
    boolean embedded() {
        return mode.embedded();
    }
}
