package se.portvakt.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;

/** An administrator adding staff learns nothing of other organisations' staff. */
@IntegrationTest
class StaffAdminIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAddressTakenInAnotherOrganisationGetsTheSameNeutralAnswerAsOneTakenAtHome() throws Exception {
        Tenant home = fixtures.tenant();
        Tenant elsewhere = fixtures.tenant();
        PortalClient portal = new PortalClient(context);

        String theirs = addStaff(portal, home, elsewhere.host().email().toUpperCase());
        String ours =
                addStaff(portal, home, fixtures.addHost(home, "Hanna Hemma").email());

        assertThat(theirs).doesNotContain("redan ett konto", "annan organisation");
        assertThat(errorOf(theirs))
                .isEqualTo(errorOf(ours))
                .contains("Den e-postadressen kan inte användas för ett nytt konto");
        assertThat(jdbc.sql("select count(*) from staff_user where organisation_id = ?")
                        .param(home.organisation().id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select action from audit_event where organisation_id = ?")
                        .param(home.organisation().id().value())
                        .query(String.class)
                        .list())
                .contains("staff.add-refused");
    }

    private static String addStaff(PortalClient portal, Tenant tenant, String email) throws Exception {
        return portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/staff")
                                .param("displayName", "Nils Ny")
                                .param("email", email)
                                .param("password", Fixtures.PASSWORD)
                                .param("personalIdentityNumber", "")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The message under the e-mail field. */
    private static String errorOf(String page) {
        int at = page.indexOf("id=\"email-error\"");
        assertThat(at).as("an error under the e-mail field").isPositive();
        return page.substring(page.indexOf('>', at) + 1, page.indexOf("</p>", at));
    }
}
