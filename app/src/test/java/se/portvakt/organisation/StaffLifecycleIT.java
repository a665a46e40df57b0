package se.portvakt.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.TestClock;
import se.portvakt.WebSession;

/** A staff member's whole life, driven as an administrator and the member would, against real sessions. */
@IntegrationTest
class StaffLifecycleIT {

    static final String NEW_PASSWORD = "a brand new passphrase";
    private static final Pattern LINK = Pattern.compile("/login/password\\?token=[A-Za-z0-9_-]+");

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    StaffDirectory staff;

    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anInvitedHostSetsTheirPasswordOnceThroughTheLinkAndLogsIn() throws Exception {
        Tenant tenant = fixtures.tenant();
        String email = "ny-" + UUID.randomUUID().toString().substring(0, 8) + "@kommun.example";
        PortalClient portal = new PortalClient(context);
        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/staff").param("displayName", "Nora Ny").param("email", email)))
                .andExpect(status().is3xxRedirection());

        StaffUser invited = staff.byEmail(email).orElseThrow();
        assertThat(invited.passwordHash()).isNull();
        assertThat(invited.roles()).containsExactly(Role.HOST);
        String link = linkSentTo(email);
        assertThat(mailTo(email).get(0))
                .contains("Nora Ny", tenant.organisation().name());

        WebSession browser = new WebSession(port);
        assertThat(browser.get(link).body()).contains("Välj ditt lösenord");
        // too short, then not repeated alike: the link still works after each
        assertThat(setPassword(browser, link, "short", "short").body()).contains("minst 12 tecken");
        assertThat(setPassword(browser, link, NEW_PASSWORD, NEW_PASSWORD + "x").body())
                .contains("inte likadana");
        assertThat(WebSession.location(setPassword(browser, link, NEW_PASSWORD, NEW_PASSWORD)))
                .isEqualTo("/login?password-set");
        // once only
        assertThat(setPassword(browser, link, "another passphrase", "another passphrase")
                        .body())
                .contains("fungerar inte längre");

        assertThat(browser.logIn(email, NEW_PASSWORD)).isEqualTo("/");
        assertThat(browser.loggedIn()).isTrue();
        assertThat(actions(tenant)).contains("staff.invited", "staff.password-set", "login.succeeded");
        assertThat(actorsOf(tenant, "staff.invited"))
                .containsOnly("staff:" + tenant.host().id());
    }

    @Test
    void anInvitationLinkExpires() throws Exception {
        Tenant tenant = fixtures.tenant();
        StaffUser invited = invite(tenant);
        String link = linkSentTo(invited.email());
        clock.advance(Duration.ofDays(8));
        assertThat(new WebSession(port).get(link).body()).contains("fungerar inte längre");
    }

    @Test
    void aForgottenPasswordIsResetByMailAndTheResetLiftsTheLockFromWrongPasswords() throws Exception {
        Tenant tenant = fixtures.tenant();
        StaffUser host = fixtures.addHost(tenant, "Glenn Glömsk");
        var mvc = new PortalClient(context).mvc();
        for (int i = 0; i < 5; i++) {
            mvc.perform(se.portvakt.identity.LoginRequests.login(host.email(), "wrong " + i, "2001:db8:77::" + i));
        }
        WebSession browser = new WebSession(port);
        assertThat(browser.logIn(host.email(), Fixtures.PASSWORD)).as("locked").isEqualTo("/login?error");

        String unknown = "ingen-" + UUID.randomUUID() + "@kommun.example";
        var knownAnswer = browser.post("/login/forgot", "/login/forgot", Map.of("email", host.email()));
        var unknownAnswer = browser.post("/login/forgot", "/login/forgot", Map.of("email", unknown));
        assertThat(WebSession.location(knownAnswer))
                .isEqualTo(WebSession.location(unknownAnswer))
                .isEqualTo("/login/forgot?sent");
        assertThat(mailTo(unknown)).isEmpty();

        String link = linkSentTo(host.email());
        setPassword(browser, link, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(browser.logIn(host.email(), NEW_PASSWORD)).isEqualTo("/");
        assertThat(actions(tenant)).contains("staff.password-reset-requested", "staff.password-set");
    }

    @Test
    void deactivationEndsTheMembersSessionsAndKeysAtOnceAndReactivationLetsThemBackIn() throws Exception {
        Tenant tenant = fixtures.tenant();
        StaffUser member = fixtures.addHost(tenant, "Lena Lämnar");
        staff.setRoles(tenant.organisation().id(), member.id(), EnumSet.of(Role.HOST, Role.ADMIN));
        String theirKey = apiKeys.create(tenant.organisation().id(), "Hennes journal", member.id());
        String othersKey = apiKeys.create(
                tenant.organisation().id(), "Allas journal", tenant.host().id());
        WebSession browser = new WebSession(port);
        assertThat(browser.logIn(member.email(), Fixtures.PASSWORD)).isEqualTo("/");
        assertThat(browser.loggedIn()).isTrue();

        PortalClient portal = new PortalClient(context);
        portal.mvc()
                .perform(portal.as(tenant.host(), post("/admin/staff/{id}/deactivate", member.id())))
                .andExpect(status().is3xxRedirection());

        assertThat(browser.loggedIn()).as("the open session ended").isFalse();
        assertThat(apiKeys.authenticate(theirKey)).isEmpty();
        assertThat(apiKeys.authenticate(othersKey)).isPresent();
        assertThat(new WebSession(port).logIn(member.email(), Fixtures.PASSWORD))
                .isEqualTo("/login?error");
        assertThat(browser.post("/login/forgot", "/login/forgot", Map.of("email", member.email()))
                        .statusCode())
                .isEqualTo(302);
        assertThat(mailTo(member.email()))
                .as("no reset link for an inactive account")
                .isEmpty();

        portal.mvc()
                .perform(portal.as(tenant.host(), post("/admin/staff/{id}/reactivate", member.id())))
                .andExpect(status().is3xxRedirection());
        assertThat(new WebSession(port).logIn(member.email(), Fixtures.PASSWORD))
                .isEqualTo("/");
        assertThat(actions(tenant)).contains("staff.disabled", "api-key.revoked", "staff.enabled");
    }

    @Test
    void aRoleChangeEndsTheSessionAndHoldsFromTheNextLogin() throws Exception {
        Tenant tenant = fixtures.tenant();
        StaffUser member = fixtures.addHost(tenant, "Rolf Roll");
        WebSession browser = new WebSession(port);
        browser.logIn(member.email(), Fixtures.PASSWORD);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(403);

        PortalClient portal = new PortalClient(context);
        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/staff/{id}/roles", member.id())
                                .param("host", "true")
                                .param("admin", "true")))
                .andExpect(status().is3xxRedirection());

        assertThat(browser.loggedIn()).isFalse();
        browser.logIn(member.email(), Fixtures.PASSWORD);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        assertThat(actions(tenant)).contains("staff.roles-changed");
    }

    @Test
    void theLastActiveAdministratorCanNeitherLeaveNorBeDemoted() throws Exception {
        Tenant tenant = fixtures.tenant();
        PortalClient portal = new PortalClient(context);
        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/staff/{id}/deactivate", tenant.host().id())));
        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/staff/{id}/roles", tenant.host().id()).param("host", "true")));
        StaffUser still = staff.byId(tenant.host().id()).orElseThrow();
        assertThat(still.enabled()).isTrue();
        assertThat(still.roles()).contains(Role.ADMIN);
    }

    @Test
    void anAdministratorReachesNothingOfAnotherOrganisationsStaff() throws Exception {
        Tenant home = fixtures.tenant();
        Tenant elsewhere = fixtures.tenant();
        StaffUser theirs = fixtures.addHost(elsewhere, "Olle Annanstans");
        PortalClient portal = new PortalClient(context);
        for (String action : List.of("deactivate", "invite-again")) {
            portal.mvc()
                    .perform(portal.as(home.host(), post("/admin/staff/{id}/" + action, theirs.id())))
                    .andExpect(status().is3xxRedirection());
        }
        portal.mvc()
                .perform(portal.as(
                        home.host(),
                        post("/admin/staff/{id}/roles", theirs.id()).param("admin", "true")))
                .andExpect(status().is3xxRedirection());

        StaffUser untouched = staff.byId(theirs.id()).orElseThrow();
        assertThat(untouched.enabled()).isTrue();
        assertThat(untouched.roles()).containsExactly(Role.HOST);
        assertThat(mailTo(theirs.email())).isEmpty();
        String page = portal.mvc()
                .perform(portal.as(home.host(), get("/admin")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain(theirs.email());
        assertThat(actions(home)).doesNotContain("staff.disabled", "staff.roles-changed", "staff.invited");
        assertThat(actions(elsewhere)).doesNotContain("staff.disabled", "staff.roles-changed", "staff.invited");
    }

    @Test
    void aMemberChangesTheirOwnPasswordKnowingTheOldOne() throws Exception {
        Tenant tenant = fixtures.tenant();
        StaffUser member = fixtures.addHost(tenant, "Pia Byter");
        WebSession browser = new WebSession(port);
        browser.logIn(member.email(), Fixtures.PASSWORD);
        assertThat(browser.post(
                                "/account/password",
                                "/account/password",
                                Map.of("current", "not it at all", "password", NEW_PASSWORD, "repeat", NEW_PASSWORD))
                        .body())
                .contains("stämmer inte");
        assertThat(WebSession.location(browser.post(
                        "/account/password",
                        "/account/password",
                        Map.of("current", Fixtures.PASSWORD, "password", NEW_PASSWORD, "repeat", NEW_PASSWORD))))
                .isEqualTo("/account/password?changed");
        assertThat(new WebSession(port).logIn(member.email(), Fixtures.PASSWORD))
                .isEqualTo("/login?error");
        assertThat(new WebSession(port).logIn(member.email(), NEW_PASSWORD)).isEqualTo("/");
        assertThat(actions(tenant)).contains("staff.password-changed");
    }

    @Test
    void aMemberWhosePasswordSomeoneElseChoseReachesNothingUntilTheyChooseTheirOwn() throws Exception {
        Tenant tenant = fixtures.tenant();
        StaffUser member = fixtures.addHost(tenant, "Bo Bootstrap");
        staff.requirePasswordChange(member.id());
        WebSession browser = new WebSession(port);
        browser.logIn(member.email(), Fixtures.PASSWORD);
        for (String page : List.of("/", "/meetings", "/meetings/new")) {
            assertThat(WebSession.location(browser.get(page))).as(page).isEqualTo("/account/password");
        }
        assertThat(browser.get("/account/password").body()).contains("valdes av någon annan");
        browser.post(
                "/account/password",
                "/account/password",
                Map.of("current", Fixtures.PASSWORD, "password", NEW_PASSWORD, "repeat", NEW_PASSWORD));
        assertThat(browser.get("/meetings").statusCode()).isEqualTo(200);
        assertThat(staff.byId(member.id()).orElseThrow().passwordChangeRequired())
                .isFalse();
    }

    @Test
    void theKeyListShowsWhenEachKeyWasLastUsed() throws Exception {
        Tenant tenant = fixtures.tenant();
        String secret = apiKeys.create(
                tenant.organisation().id(), "Journal X", tenant.host().id());
        apiKeys.create(tenant.organisation().id(), "Journal Y", tenant.host().id());
        apiKeys.authenticate(secret);
        PortalClient portal = new PortalClient(context);
        String page = portal.mvc()
                .perform(portal.as(tenant.host(), get("/admin")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String rowX = page.substring(page.indexOf("Journal X"), page.indexOf("</tr>", page.indexOf("Journal X")));
        String rowY = page.substring(page.indexOf("Journal Y"), page.indexOf("</tr>", page.indexOf("Journal Y")));
        assertThat(rowX).doesNotContain("Aldrig").containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(rowY).contains("Aldrig");
    }

    private StaffUser invite(Tenant tenant) throws Exception {
        String email = "ny-" + UUID.randomUUID().toString().substring(0, 8) + "@kommun.example";
        PortalClient portal = new PortalClient(context);
        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/staff")
                                .param("displayName", "Ida Inbjuden")
                                .param("email", email)))
                .andExpect(status().is3xxRedirection());
        return staff.byEmail(email).orElseThrow();
    }

    private static java.net.http.HttpResponse<String> setPassword(
            WebSession browser, String link, String password, String repeat) {
        String token = link.substring(link.indexOf("token=") + "token=".length());
        // the CSRF token from the login page: a used link's page has no form to take it from
        return browser.post(
                "/login", "/login/password", Map.of("token", token, "password", password, "repeat", repeat));
    }

    private List<String> mailTo(String email) {
        return jdbc.sql("select body_text from outbox_message where recipient = ? order by created_at desc")
                .param(email)
                .query(String.class)
                .list();
    }

    /** The path of the newest set-password link e-mailed to the address. */
    private String linkSentTo(String email) {
        List<String> mail = mailTo(email);
        assertThat(mail).as("mail to " + email).isNotEmpty();
        Matcher link = LINK.matcher(mail.get(0));
        assertThat(link.find()).as(mail.get(0)).isTrue();
        return link.group();
    }

    private List<String> actions(Tenant tenant) {
        return jdbc.sql("select action from audit_event where organisation_id = ? order by id")
                .param(tenant.organisation().id().value())
                .query(String.class)
                .list();
    }

    private List<String> actorsOf(Tenant tenant, String action) {
        return jdbc.sql("select actor from audit_event where organisation_id = ? and action = ?")
                .params(tenant.organisation().id().value(), action)
                .query(String.class)
                .list();
    }
}
