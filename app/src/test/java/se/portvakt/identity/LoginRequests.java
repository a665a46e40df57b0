package se.portvakt.identity;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Password logins as the browser posts them, for tests of other features. */
public final class LoginRequests {

    private LoginRequests() {}

    /** A login from a client address of the test's own. */
    public static MockHttpServletRequestBuilder login(String email, String password, String address) {
        return PasswordLoginIT.login(email, password, address);
    }
}
