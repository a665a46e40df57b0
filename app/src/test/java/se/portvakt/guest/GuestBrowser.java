package se.portvakt.guest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * One guest's browser: drives the guest pages through the full MVC and security stack, keeping the
 * session and the cookies (the language) from one request to the next, as a browser does. Not logged in.
 */
final class GuestBrowser {

    /** A response as the guest's browser saw it. */
    record Page(int status, String location, String body, MockHttpServletResponse response) {}

    private final MockMvc mvc;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();
    private MockHttpSession session = new MockHttpSession();

    GuestBrowser(WebApplicationContext context) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    Page get(String path) {
        return perform(MockMvcRequestBuilders.get(path));
    }

    /** A form POST with a valid CSRF token; {@code fields} are name, value, name, value... */
    Page post(String path, String... fields) {
        MockHttpServletRequestBuilder request =
                MockMvcRequestBuilders.post(path).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return perform(request);
    }

    String sessionId() {
        return session.getId();
    }

    private Page perform(MockHttpServletRequestBuilder request) {
        try {
            request.session(session);
            if (!cookies.isEmpty()) {
                request.cookie(cookies.values().toArray(Cookie[]::new));
            }
            var result = mvc.perform(request).andReturn();
            if (result.getRequest().getSession(false) instanceof MockHttpSession current) {
                session = current;
            }
            MockHttpServletResponse response = result.getResponse();
            for (Cookie cookie : response.getCookies()) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie);
                }
            }
            return new Page(
                    response.getStatus(),
                    response.getRedirectedUrl(),
                    response.getContentAsString(StandardCharsets.UTF_8),
                    response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
