package se.portvakt.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.TestClock;

@IntegrationTest
class PasswordLoginIT {

    @Autowired WebApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRightPasswordLogsIn() throws Exception {
        Tenant tenant = fixtures.tenant();
        new PortalClient(context).mvc()
                .perform(formLogin("/login").userParameter("email").user(tenant.host().email()).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        String stored = jdbc.sql("select password_hash from staff_user where id = ?").param(tenant.host().id())
                .query(String.class).single();
        assertThat(stored).startsWith("$argon2id$");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneUntilTheLockExpires() throws Exception {
        Tenant tenant = fixtures.tenant();
        var mvc = new PortalClient(context).mvc();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").userParameter("email").user(tenant.host().email()).password("wrong " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").userParameter("email").user(tenant.host().email()).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));

        clock.advance(Duration.ofMinutes(16));
        mvc.perform(formLogin("/login").userParameter("email").user(tenant.host().email()).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select action from audit_event where organisation_id = ? order by id")
                .param(tenant.organisation().id()).query(String.class).list())
                .contains("login.failed", "login.locked", "login.refused-locked", "login.succeeded");
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() throws Exception {
        new PortalClient(context).mvc()
                .perform(formLogin("/login").userParameter("email").user("nobody@nowhere.example").password("x"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void portalPagesNeedALogin() throws Exception {
        new PortalClient(context).mvc().perform(get("/meetings")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }
}
