package se.portvakt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.TestIdentityProviders;
import se.portvakt.organisation.Organisations;
import se.portvakt.organisation.StaffDirectory;
import testidp.TestOidcProvider;
import testidp.TestOidcProvider.Person;

/**
 * In a real browser: a host signs in through their organisation's identity provider (its own login form, then back
 * as a host); an invited host sets their password from the e-mailed link; an administrator deactivates them.
 */
@IntegrationTest
@Tag("browser")
class StaffSignInBrowserIT {

    private static final Pattern LINK = Pattern.compile("/login/password\\?token=[A-Za-z0-9_-]+");

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser(port);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aHostSignsInThroughTheOrganisationsIdentityProvider() {
        TestOidcProvider provider = TestIdentityProviders.a(port, organisations);
        String name = "b" + UUID.randomUUID().toString().substring(0, 8);
        Person person = new Person(
                name, name + "@" + TestIdentityProviders.DOMAIN_A, null, List.of(TestIdentityProviders.HOSTS_GROUP));
        provider.add(person);

        browser.open("/login?lang=sv");
        browser.assertAccessible();
        screenshot("oidc-1-login-page.png");
        browser.find("#oidc-" + TestIdentityProviders.A).click();
        // the provider's own login form, on its own address
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().startsWith(provider.issuer() + "/login"));
        browser.type("#username", person.username());
        browser.type("#password", TestOidcProvider.USER_PASSWORD);
        screenshot("oidc-2-provider-form.png");
        browser.find("button[type=submit]").click();

        browser.find("#rooms-heading");
        assertThat(browser.driver().getCurrentUrl()).startsWith("http://localhost:" + port + "/");
        assertThat(browser.text(".logout span")).isEqualTo(person.username());
        screenshot("oidc-3-signed-in.png");
        assertThat(staff.byEmail(person.email())).isPresent();
    }

    @Test
    void anInvitedHostSetsTheirPasswordFromTheMailAndIsDeactivatedByTheAdministrator() {
        Tenant tenant = fixtures.tenant();
        String email = "inbjuden-" + UUID.randomUUID().toString().substring(0, 8) + "@kommun.example";
        browser.logIn(tenant.host().email(), Fixtures.PASSWORD);
        browser.open("/admin");
        browser.type("#displayName", "Ines Inbjuden");
        browser.type("#email", email);
        browser.find("form[action='/admin/staff'] button[type=submit]").click();
        assertThat(browser.text("[role=status]")).contains("Inbjudan är skickad");
        assertThat(browser.text("tr[data-email='" + email + "'] .state")).isEqualTo("Inbjuden");
        browser.assertAccessible();
        screenshot("staff-1-invited.png");

        String link = link(email);
        try (Browser invited = new Browser(port)) {
            invited.open(link);
            assertThat(invited.text("h1")).isEqualTo("Välkommen! Välj ditt lösenord");
            invited.type("#password", "kort");
            invited.type("#repeat", "kort");
            invited.find("button[type=submit]").click();
            assertThat(invited.text("#password-error")).contains("minst 12 tecken");
            invited.assertAccessible();
            invited.type("#password", "ett eget långt lösenord");
            invited.type("#repeat", "ett eget långt lösenord");
            invited.find("button[type=submit]").click();
            assertThat(invited.text("#password-set")).contains("Lösenordet är sparat");
            invited.logIn(email, "ett eget långt lösenord");
            screenshot(invited, "staff-2-invited-logged-in.png");

            browser.open("/admin");
            browser.find("tr[data-email='" + email + "'] button.deactivate").click();
            assertThat(browser.text("[role=status]")).contains("Kontot är inaktiverat");
            screenshot("staff-3-deactivated.png");

            invited.open("/meetings");
            invited.find("#email");
            assertThat(invited.driver().getCurrentUrl()).contains("/login");
        }
    }

    private String link(String email) {
        String body = jdbc.sql("select body_text from outbox_message where recipient = ? order by created_at desc")
                .param(email)
                .query(String.class)
                .list()
                .get(0);
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    private void screenshot(String name) {
        screenshot(browser, name);
    }

    private static void screenshot(Browser browser, String name) {
        try {
            Path target = Path.of("target", "screenshots", name);
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
