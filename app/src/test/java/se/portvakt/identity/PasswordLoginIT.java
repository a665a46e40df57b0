package se.portvakt.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.TestClock;

@IntegrationTest
class PasswordLoginIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRightPasswordLogsIn() throws Exception {
        Tenant tenant = fixtures.tenant();
        new PortalClient(context)
                .mvc()
                .perform(formLogin("/login")
                        .userParameter("email")
                        .user(tenant.host().email())
                        .password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        String stored = jdbc.sql("select password_hash from staff_user where id = ?")
                .param(tenant.host().id().value())
                .query(String.class)
                .single();
        assertThat(stored).startsWith("$argon2id$");
    }

    @Test
    void wrongPasswordsFromFiveAddressesLockTheAccountEvenAgainstTheRightOneUntilTheLockExpires() throws Exception {
        Tenant tenant = fixtures.tenant();
        var mvc = new PortalClient(context).mvc();
        String prefix = addresses();
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(tenant.host().email(), "wrong " + i, prefix + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // the same answer as any wrong password: a stranger learns nothing of the account from it
        mvc.perform(login(tenant.host().email(), Fixtures.PASSWORD, prefix + 9))
                .andExpect(redirectedUrl("/login?error"));

        clock.advance(Duration.ofMinutes(16));
        mvc.perform(login(tenant.host().email(), Fixtures.PASSWORD, prefix + 9)).andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select action from audit_event where organisation_id = ? order by id")
                        .param(tenant.organisation().id().value())
                        .query(String.class)
                        .list())
                .contains("login.failed", "login.locked", "login.refused-locked", "login.succeeded");
    }

    @Test
    void aStrangerFromOneAddressIsThrottledButCannotLockTheHostOut() throws Exception {
        Tenant tenant = fixtures.tenant();
        var mvc = new PortalClient(context).mvc();
        String stranger = addresses() + 1;
        for (int i = 0; i < 25; i++) {
            mvc.perform(login(tenant.host().email(), "guess " + i, stranger)).andExpect(redirectedUrl("/login?error"));
        }
        // the stranger's address is throttled, even with the right password ...
        mvc.perform(login(tenant.host().email(), Fixtures.PASSWORD, stranger)).andExpect(redirectedUrl("/login?error"));
        // ... while the host, from their own address, logs in
        mvc.perform(login(tenant.host().email(), Fixtures.PASSWORD, addresses() + 2))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select action from audit_event where organisation_id = ? order by id")
                        .param(tenant.organisation().id().value())
                        .query(String.class)
                        .list())
                .contains("login.throttled");
    }

    @Test
    void aLockedAccountAndAnUnknownOneAnswerAlikeInPageAndRoughlyInTime() throws Exception {
        Tenant tenant = fixtures.tenant();
        var mvc = new PortalClient(context).mvc();
        String prefix = addresses();
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(tenant.host().email(), "wrong " + i, prefix + i));
        }
        String unknown = "nobody-" + System.nanoTime() + "@kommun.example";
        long locked = Long.MAX_VALUE;
        long none = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // the fastest of three: the machine is shared
            long before = System.nanoTime();
            mvc.perform(login(tenant.host().email(), "wrong", prefix + 7)).andExpect(redirectedUrl("/login?error"));
            locked = Math.min(locked, System.nanoTime() - before);
            before = System.nanoTime();
            mvc.perform(login(unknown, "wrong", prefix + 8)).andExpect(redirectedUrl("/login?error"));
            none = Math.min(none, System.nanoTime() - before);
        }
        // both check a password hash; refusing a locked account at once would take a fraction of this
        assertThat(locked).as("locked %d ns, unknown %d ns", locked, none).isGreaterThan(none / 3);
        assertThat(none).as("locked %d ns, unknown %d ns", locked, none).isGreaterThan(locked / 3);
    }

    @Test
    void textNoDatabaseStoresIsAWrongLoginNotAnError() throws Exception {
        var mvc = new PortalClient(context).mvc();
        mvc.perform(login("vera\u0000@kommun.example", "x", addresses() + 1)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(login("vera\uD800@kommun.example", "x", addresses() + 1)).andExpect(redirectedUrl("/login?error"));
    }

    /** A password login as the browser posts it, from a client address of the test's own (nothing is sent there). */
    static MockHttpServletRequestBuilder login(String email, String password, String address) {
        return post("/login")
                .param("email", email)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    /** A prefix of documentation addresses (RFC 3849) of one test's own, so the throttles of tests never meet. */
    private static String addresses() {
        return "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + "::";
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() throws Exception {
        new PortalClient(context)
                .mvc()
                .perform(formLogin("/login")
                        .userParameter("email")
                        .user("nobody@nowhere.example")
                        .password("x"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void portalPagesNeedALogin() throws Exception {
        new PortalClient(context)
                .mvc()
                .perform(get("/meetings"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }
}
