package se.portvakt.portal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** Errors as a page in the user's language, without stack traces or internals. */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    String error(HttpServletRequest request, Model model) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : 500;
        model.addAttribute("status", code);
        model.addAttribute(
                "messageKey",
                switch (code) {
                    case 404 -> "portal.error.not-found";
                    case 403 -> "portal.error.forbidden";
                    default -> "portal.error.general";
                });
        return "portal/error";
    }
}
