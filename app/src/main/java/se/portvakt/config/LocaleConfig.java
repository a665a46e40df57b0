package se.portvakt.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * A first visit gets the browser's language if it is one of ours (Accept-Language), else Swedish; a language
 * chosen with ?lang=sv|en|fi is remembered in a cookie and wins from then on.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("portvakt_lang");
        resolver.setDefaultLocaleFunction(
                request -> Languages.fromAcceptLanguage(request.getHeader("Accept-Language")));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSecure(true);
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new SupportedLocalesOnly(interceptor, Languages.SUPPORTED));
    }

    /** Only the languages we have texts for may be chosen; anything else keeps the current one. */
    private record SupportedLocalesOnly(LocaleChangeInterceptor delegate, List<String> supported)
            implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            String requested = request.getParameter(delegate.getParamName());
            if (requested == null || !supported.contains(requested)) {
                return true;
            }
            return delegate.preHandle(request, response, handler);
        }
    }
}
