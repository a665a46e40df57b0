package se.portvakt;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.organisation.StaffUser;

/** Drives the portal's pages through the full Spring MVC and security stack as a given staff user. */
public final class PortalClient {

    private final MockMvc mvc;
    private final UserDetailsService users;

    public PortalClient(WebApplicationContext context) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        this.users = context.getBean(UserDetailsService.class);
    }

    public MockMvc mvc() {
        return mvc;
    }

    /** The request as this staff user, with a valid CSRF token. */
    public <B extends AbstractMockHttpServletRequestBuilder<B>> B as(StaffUser staff, B request) {
        UserDetails details = users.loadUserByUsername(staff.email());
        return request.with(user(details)).with(csrf());
    }
}
