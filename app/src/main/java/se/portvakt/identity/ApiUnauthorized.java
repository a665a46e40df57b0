package se.portvakt.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import se.portvakt.config.Languages;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking API's 401: a {@code WWW-Authenticate} challenge for a bearer token (RFC 6750; {@code invalid_token}
 * when a key was sent but is unknown or revoked) and an RFC 9457 problem detail as every other API error, its
 * detail in the language {@code Accept-Language} asks for.
 */
final class ApiUnauthorized implements AuthenticationEntryPoint {

    static final String REALM = "Portvakt API";

    private final MessageSource texts;
    private final JsonMapper json = JsonMapper.builder().build();

    ApiUnauthorized(MessageSource texts) {
        this.texts = texts;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean keySent = authorization != null && !authorization.isBlank();
        Locale locale = Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));

        Map<String, Object> problem = new LinkedHashMap<>(); // as the API's other problem details are written
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        problem.put(
                "detail",
                texts.getMessage(keySent ? "identity.api.key-refused" : "identity.api.key-missing", null, locale));
        problem.put("instance", request.getRequestURI());

        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                keySent
                        ? "Bearer realm=\"" + REALM
                                + "\", error=\"invalid_token\", error_description=\"unknown or revoked API key\""
                        : "Bearer realm=\"" + REALM + "\"");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
