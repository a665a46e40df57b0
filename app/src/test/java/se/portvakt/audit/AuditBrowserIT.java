package se.portvakt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.ids.MeetingId;

/** An administrator reads the log's state, searches it and sets the retention in a real browser; pages pass axe. */
@IntegrationTest
@Tag("browser")
class AuditBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSealer sealer;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    Tenant tenant;

    @BeforeEach
    void open() {
        browser = new Browser(port);
        tenant = fixtures.tenant();
        for (int i = 0; i < 3; i++) {
            audit.record(AuditEntry.of(
                            tenant.organisation().id(),
                            AuditAction.GUEST_ADMITTED,
                            AuditActor.staff(tenant.host().id()))
                    .meeting(new MeetingId(UUID.randomUUID()))
                    .evidence("BANKID", "LOA3", true));
        }
        sealer.sealPending();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void theAdministratorSeesTheLogIntactSearchesItAndSetsTheRetention() {
        browser.logIn(tenant.host().email(), Fixtures.PASSWORD);
        browser.open("/admin");
        browser.find("a[href='/admin/audit']").click();
        assertThat(browser.text("#chain-state")).startsWith("Loggen är obruten sedan");
        assertThat(browser.text("#results-heading")).endsWith("poster");
        browser.assertAccessible();

        browser.type("#person", "19800315");
        browser.find("#search-heading + form button[type=submit]").click();
        assertThat(browser.text("#person-error")).startsWith("Personnumret är inte giltigt");
        browser.assertAccessible();

        browser.type("#days", "45");
        browser.find("#retention button[type=submit]").click();
        assertThat(browser.text("[role=status]")).isEqualTo("Lagringstiden är sparad.");
        assertThat(browser.find("#days").getAttribute("value")).isEqualTo("45");
        browser.type("#days", "9999");
        browser.find("#retention button[type=submit]").click();
        assertThat(browser.text("#days-error")).isEqualTo("Ange ett helt antal dagar från 1 till 730.");
        browser.assertAccessible();
    }

    @Test
    void aRecordChangedInTheDatabaseIsNamedOnThePage() {
        long id = jdbc.sql("select id from audit_event where organisation_id = ? and chain_seq = 2")
                .param(tenant.organisation().id().value())
                .query(Long.class)
                .single();
        jdbc.sql("update audit_event set method = 'FREJA' where id = ?")
                .param(id)
                .update();
        browser.logIn(tenant.host().email(), Fixtures.PASSWORD);
        browser.open("/admin/audit");
        assertThat(browser.text("#chain-state"))
                .isEqualTo("Loggen är bruten: posten på plats 2 (post-id " + id + ") har ändrats eller flyttats.");
        browser.assertAccessible();
    }
}
