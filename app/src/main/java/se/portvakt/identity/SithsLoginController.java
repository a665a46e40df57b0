package se.portvakt.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a SITHS sign-in lands once {@link SithsCardFilter} has judged the card: the portal, or the login page. */
@Controller
class SithsLoginController {

    private final SithsProperties properties;

    SithsLoginController(SithsProperties properties) {
        this.properties = properties;
    }

    @GetMapping(SithsProperties.SIGN_IN_PATH)
    String signedIn(HttpServletRequest request) {
        if (!properties.enabled()) {
            return "redirect:/login";
        }
        if (request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof SithsStaffLogin.Refused refused) {
            return "redirect:/login?siths=" + refused.why.shown;
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.getPrincipal() instanceof StaffPrincipal
                ? "redirect:/"
                : "redirect:/login?siths=refused";
    }
}
