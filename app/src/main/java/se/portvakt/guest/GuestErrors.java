package se.portvakt.guest;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import se.portvakt.config.DeploymentMode;

/** A closed link's page says why (invalid, cancelled, ended) and nothing about the meeting. */
@ControllerAdvice(basePackageClasses = GuestErrors.class)
class GuestErrors {

    private final DeploymentMode mode;
    private final Environment environment;

    GuestErrors(DeploymentMode mode, Environment environment) {
        this.mode = mode;
        this.environment = environment;
    }

    @ExceptionHandler(LinkClosed.class)
    ModelAndView closed(LinkClosed closed, HttpServletResponse response) {
        response.setStatus(closed.reason().status);
        ModelAndView page = new ModelAndView("guest/closed");
        page.addObject("reason", closed.reason().name());
        // an exception handler's model gets no @ModelAttribute values: the frame's own go here
        page.addObject("lang", LocaleContextHolder.getLocale().getLanguage());
        page.addObject("embedded", mode.embedded());
        page.addObject("mailSent", DeploymentMode.sendsMail(environment));
        return page;
    }
}
