package se.portvakt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.IntegrationTest;
import se.portvakt.TestIdentityProviders;
import se.portvakt.WebSession;
import se.portvakt.organisation.Organisation;
import se.portvakt.organisation.Organisations;
import se.portvakt.organisation.Role;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.organisation.StaffUser;
import testidp.TestOidcProvider;
import testidp.TestOidcProvider.Fault;
import testidp.TestOidcProvider.Person;

/**
 * Staff sign in through their organisation's own OpenID Connect provider, a real one (Spring Authorization Server)
 * driven over HTTP as a browser would: redirect, the provider's password form, back with a code. Each way a token
 * or a person can be wrong is tried.
 */
@IntegrationTest
class OidcLoginIT {

    @Autowired
    Organisations organisations;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    TestOidcProvider providerA;
    Organisation organisationA;

    @BeforeEach
    void providers() {
        providerA = TestIdentityProviders.a(port, organisations);
        organisationA = TestIdentityProviders.organisation(organisations, TestIdentityProviders.ORGANISATION_A);
    }

    @Test
    void aPersonInTheHostsGroupGetsAHostAccountAtFirstSignInAndIsLoggedIn() {
        Person person = person(TestIdentityProviders.DOMAIN_A, TestIdentityProviders.HOSTS_GROUP);
        providerA.add(person);
        WebSession browser = new WebSession(port);

        assertThat(signIn(browser, providerA, TestIdentityProviders.A, person)).isEqualTo("/");
        assertThat(browser.loggedIn()).isTrue();
        StaffUser created = staff.byEmail(person.email()).orElseThrow();
        assertThat(created.organisationId()).isEqualTo(organisationA.id());
        assertThat(created.roles()).containsExactly(Role.HOST);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(403);
        assertThat(actions(organisationA.id().value(), created.id().value()))
                .contains("staff.provisioned", "login.oidc");
    }

    @Test
    void rolesFollowTheProvidersGroupsAtEachSignIn() {
        Person person = person(
                TestIdentityProviders.DOMAIN_A, TestIdentityProviders.HOSTS_GROUP, TestIdentityProviders.ADMINS_GROUP);
        StaffUser existing = staff.addWithoutPassword(
                organisationA.id(), person.email(), "Anders Admin", java.util.EnumSet.of(Role.HOST));
        providerA.add(person);
        WebSession browser = new WebSession(port);
        assertThat(signIn(browser, providerA, TestIdentityProviders.A, person)).isEqualTo("/");
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        assertThat(staff.byId(existing.id()).orElseThrow().roles()).contains(Role.ADMIN);
    }

    @Test
    void aPersonOutsideTheAllowedGroupIsRefusedAndGetsNoAccount() {
        Person outsider = person(TestIdentityProviders.DOMAIN_A, "kitchen-staff");
        providerA.add(outsider);
        WebSession browser = new WebSession(port);
        assertThat(signIn(browser, providerA, TestIdentityProviders.A, outsider))
                .isEqualTo("/login?oidc-refused");
        assertThat(browser.loggedIn()).isFalse();
        assertThat(staff.byEmail(outsider.email())).isEmpty();
        assertThat(browser.get("/login?oidc-refused").body()).contains("får inte logga in i Portvakt");
        assertThat(refusals(organisationA.id().value())).anyMatch(detail -> detail.contains("NOT_IN_GROUP"));
    }

    @Test
    void aTokenFromTheWrongIssuerForTheWrongAudienceOrExpiredIsRefused() {
        for (Fault fault : List.of(Fault.WRONG_ISSUER, Fault.WRONG_AUDIENCE, Fault.EXPIRED)) {
            Person person = person(TestIdentityProviders.DOMAIN_A, TestIdentityProviders.HOSTS_GROUP);
            providerA.add(person);
            WebSession browser = new WebSession(port);
            providerA.nextIdToken(fault);
            assertThat(signIn(browser, providerA, TestIdentityProviders.A, person))
                    .as(fault.name())
                    .isEqualTo("/login?oidc-error");
            assertThat(browser.loggedIn()).as(fault.name()).isFalse();
            assertThat(staff.byEmail(person.email())).as(fault.name()).isEmpty();
        }
        assertThat(refusals(organisationA.id().value())).anyMatch(detail -> detail.contains("invalid_id_token"));
    }

    @Test
    void aReplayedCallbackWithItsStateLogsNobodyIn() {
        Person person = person(TestIdentityProviders.DOMAIN_A, TestIdentityProviders.HOSTS_GROUP);
        providerA.add(person);
        WebSession victim = new WebSession(port);
        String[] callback = new String[1];
        assertThat(signIn(victim, providerA, TestIdentityProviders.A, person, callback))
                .isEqualTo("/");

        WebSession attacker = new WebSession(port);
        attacker.get("/login");
        assertThat(WebSession.location(attacker.get(callback[0]))).isEqualTo("/login?oidc-error");
        assertThat(attacker.loggedIn()).isFalse();
        // nor a second time in the session that started it
        assertThat(WebSession.location(victim.get(callback[0]))).isEqualTo("/login?oidc-error");
    }

    @Test
    void aProviderVouchesOnlyForItsOwnOrganisationsStaff() {
        TestOidcProvider providerB = TestIdentityProviders.b(port, organisations);
        // a member of A, whose address provider B also claims for one of its people
        Person impostor = person(TestIdentityProviders.DOMAIN_A, TestIdentityProviders.HOSTS_GROUP);
        StaffUser memberOfA = staff.addWithoutPassword(
                organisationA.id(), impostor.email(), "Astrid A", java.util.EnumSet.of(Role.HOST, Role.ADMIN));
        providerB.add(impostor);
        WebSession browser = new WebSession(port);
        assertThat(signIn(browser, providerB, TestIdentityProviders.B, impostor))
                .isEqualTo("/login?oidc-refused");
        assertThat(browser.loggedIn()).isFalse();
        assertThat(browser.get("/admin").statusCode()).isNotEqualTo(200);
        assertThat(staff.byId(memberOfA.id()).orElseThrow().organisationId()).isEqualTo(organisationA.id());
    }

    @Test
    void theLoginPageOffersEachProviderAndFindsOneByEmailDomain() {
        TestIdentityProviders.b(port, organisations);
        WebSession browser = new WebSession(port);
        String page = browser.get("/login").body();
        assertThat(page)
                .contains(
                        "/oauth2/authorization/" + TestIdentityProviders.A,
                        "/oauth2/authorization/" + TestIdentityProviders.B,
                        TestIdentityProviders.ORGANISATION_B + " (test)");
        assertThat(WebSession.location(browser.post(
                        "/login",
                        "/login/organisation",
                        Map.of("email", "Vera@" + TestIdentityProviders.DOMAIN_B.toUpperCase()))))
                .isEqualTo("/oauth2/authorization/" + TestIdentityProviders.B);
        assertThat(WebSession.location(
                        browser.post("/login", "/login/organisation", Map.of("email", "vera@elsewhere.example"))))
                .isEqualTo("/login?no-provider");
    }

    static Person person(String domain, String... groups) {
        String name = "p" + UUID.randomUUID().toString().substring(0, 8);
        return new Person(name, name + "@" + domain, null, List.of(groups));
    }

    static String signIn(WebSession app, TestOidcProvider provider, String key, Person person) {
        return signIn(app, provider, key, person, new String[1]);
    }

    /** The whole round: Portvakt → the provider's form → back with the code; where Portvakt sends the browser. */
    static String signIn(WebSession app, TestOidcProvider provider, String key, Person person, String[] callback) {
        String authorize = WebSession.target(app.get("/oauth2/authorization/" + key));
        assertThat(authorize).startsWith(provider.issuer() + "/oauth2/authorize");
        WebSession idp = new WebSession(provider.issuer());
        String login = WebSession.target(idp.get(authorize));
        assertThat(login).as("the provider asks for its own login").endsWith("/login");
        HttpResponse<String> posted = idp.post(
                login, login, Map.of("username", person.username(), "password", TestOidcProvider.USER_PASSWORD));
        String next = WebSession.target(posted);
        // the provider's own redirects (the saved authorize request), absolute or not, until it sends us back
        while (next != null && (next.startsWith(provider.issuer()) || next.startsWith("/"))) {
            next = WebSession.target(idp.get(next));
        }
        assertThat(next).as("back to Portvakt with a code").contains("/login/oauth2/code/" + key + "?");
        callback[0] = next;
        return WebSession.location(app.get(next));
    }

    private List<String> actions(UUID organisationId, UUID subject) {
        return jdbc.sql("select action from audit_event where organisation_id = ? and subject = ? order by id")
                .params(organisationId, subject.toString())
                .query(String.class)
                .list();
    }

    private List<String> refusals(UUID organisationId) {
        return jdbc.sql("select detail from audit_event where organisation_id = ? and action = 'login.oidc.refused'")
                .param(organisationId)
                .query(String.class)
                .list();
    }
}
