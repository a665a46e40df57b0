package se.portvakt.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;

/**
 * Text no database stores as typed (NUL, other control characters, lone surrogates), typed into the portal's
 * forms: a clear message in the user's language, the form as typed, nothing stored; the same on H2 and PostgreSQL.
 */
@IntegrationTest
class PortalTextIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    PortalClient portal;
    Tenant tenant;
    String day = LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(3).toString();

    @BeforeEach
    void setUp() {
        portal = new PortalClient(context);
        tenant = fixtures.tenant();
    }

    @Test
    void theBookingFormSaysWhichFieldHoldsWhatCannotBeSavedAndKeepsTheRest() throws Exception {
        String page = page(post("/meetings/new")
                .param("title", "Uppföljning\u0000")
                .param("roomId", tenant.room().id().toString())
                .param("hostId", tenant.host().id().toString())
                .param("date", day)
                .param("startTime", "09:00")
                .param("endTime", "09:45")
                .param("assuranceLevel", "LOA2")
                .param("language", "sv")
                .param("information", "Ta med listan")
                .param("invitees[0].name", "Anna \uD800Andersson")
                .param("invitees[0].email", "anna@example.se")
                .param("invitees[0].mobile", "")
                .param("invitees[0].personalIdentityNumber", ""));

        assertThat(page)
                .contains(
                        "Texten innehåller ett tecken som inte kan sparas",
                        "id=\"title-error\"",
                        "Ta med listan",
                        "anna@example.se");
        assertThat(page).contains("id=\"invitees-0-name-error\"");
        assertThat(count("select count(*) from meeting where organisation_id = ?"))
                .isZero();
    }

    @Test
    void theBookingFormSpeaksEnglishToo() throws Exception {
        String page = page(post("/meetings/new")
                .param("lang", "en")
                .param("title", "Follow-up\u0007")
                .param("roomId", tenant.room().id().toString())
                .param("hostId", tenant.host().id().toString())
                .param("date", day)
                .param("startTime", "09:00")
                .param("endTime", "09:45")
                .param("assuranceLevel", "LOA2")
                .param("language", "sv")
                .param("invitees[0].name", "")
                .param("invitees[0].email", ""));
        assertThat(page).contains("The text contains a character that cannot be saved");
        assertThat(count("select count(*) from meeting where organisation_id = ?"))
                .isZero();
    }

    @Test
    void theRoomFormRefusesANameThatCannotBeSaved() throws Exception {
        String page = page(post("/admin/rooms").param("name", "Rum\u0000 2"));
        assertThat(page).contains("inte kan sparas");
        assertThat(count("select count(*) from room where organisation_id = ?")).isEqualTo(1);
    }

    @Test
    void theApiKeyFormRefusesANameThatCannotBeSaved() throws Exception {
        portal.mvc()
                .perform(portal.as(tenant.host(), post("/admin/api-keys").param("name", "Journal\u0000")))
                .andExpect(status().is3xxRedirection());
        String page = portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(count("select count(*) from api_key where organisation_id = ?"))
                .isZero();
        assertThat(page).doesNotContain("pvk_");
    }

    @Test
    void theStaffFormRefusesTextThatCannotBeSavedAndKeepsTheRest() throws Exception {
        String email = "ny-" + System.nanoTime() + "@kommun.example";
        String page = page(post("/admin/staff")
                .param("displayName", "Nils\u0000 Ny")
                .param("email", email)
                .param("password", Fixtures.PASSWORD)
                .param("personalIdentityNumber", ""));
        assertThat(page).contains("inte kan sparas", email);
        assertThat(count("select count(*) from staff_user where organisation_id = ?"))
                .isEqualTo(1);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return portal.mvc()
                .perform(portal.as(tenant.host(), request))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String sql) {
        return jdbc.sql(sql)
                .param(tenant.organisation().id().value())
                .query(Long.class)
                .single();
    }
}
