package se.portvakt.guest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.config.Languages;

/**
 * Guests see the meeting's language unless they pick another (?lang=, handled by the app's locale
 * resolver); once they have picked one in this session, opening the link again keeps it.
 */
@Configuration(proxyBeanMethods = false)
class GuestLanguage implements WebMvcConfigurer {

    static final String CHOSEN = GuestLanguage.class.getName() + ".chosen";

    private final LocaleResolver locales;

    GuestLanguage(LocaleResolver locales) {
        this.locales = locales;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (Languages.isSupported(request.getParameter("lang"))) {
                            request.getSession(true).setAttribute(CHOSEN, Boolean.TRUE);
                        }
                        return true;
                    }
                })
                .addPathPatterns("/m/**");
    }

    /** On opening the link: the meeting's language, unless the guest chose one. */
    void useMeetingLanguage(HttpServletRequest request, HttpServletResponse response, MeetingSummary meeting) {
        HttpSession session = request.getSession(false);
        boolean chosen = Languages.isSupported(request.getParameter("lang"))
                || session != null && session.getAttribute(CHOSEN) != null;
        if (!chosen) {
            locales.setLocale(request, response, Languages.locale(meeting.language()));
        }
    }
}
