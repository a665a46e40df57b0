package se.portvakt.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.TestPersons;
import se.portvakt.organisation.Organisations;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.person.PersonalIdentityNumber;

/** An administrator's identification rules: saved, checked, refused when wrong, and applied to a verified person. */
@IntegrationTest
class EidRulesIT {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EidRules rules;

    @Autowired
    Organisations organisations;

    @Autowired
    StaffDirectory staff;

    PortalClient portal;
    Tenant tenant;

    @BeforeEach
    void setUp() {
        portal = new PortalClient(context);
        tenant = fixtures.tenant();
    }

    @Test
    void anAdministratorSetsTheRulesAndTheJoinWindow() throws Exception {
        assertThat(rules.of(tenant.organisation().id())).isEqualTo(EidRules.Rules.DEFAULT);

        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/identification")
                                .param("accepted", "BANKID")
                                .param("minimumAge", "18")
                                .param("joinOpensMinutes", "30")))
                .andExpect(redirectedUrl("/admin/identification"));

        assertThat(rules.of(tenant.organisation().id())).isEqualTo(new EidRules.Rules(18, Set.of(EidMethod.BANKID)));
        assertThat(organisations.get(tenant.organisation().id()).joinOpensBefore())
                .isEqualTo(Duration.ofMinutes(30));
        String page = portal.mvc()
                .perform(portal.as(tenant.host(), get("/admin/identification")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("value=\"18\"", "value=\"30\"");
    }

    @Test
    void badRulesAreExplainedAndNothingIsSaved() throws Exception {
        String page = portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/identification")
                                .param("minimumAge", "arton")
                                .param("joinOpensMinutes", "500")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(
                        "Välj minst en e-legitimation.",
                        "Skriv en ålder mellan 0 och 120",
                        "Skriv ett antal minuter mellan 0 och 120.",
                        "value=\"arton\"");
        assertThat(rules.of(tenant.organisation().id())).isEqualTo(EidRules.Rules.DEFAULT);
        assertThat(organisations.get(tenant.organisation().id()).joinOpensBefore())
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void onlyAnAdministratorChangesTheRules() throws Exception {
        var host = fixtures.addHost(tenant, "Hanna Värd");
        portal.mvc()
                .perform(portal.as(
                        host,
                        post("/admin/identification").param("accepted", "FREJA").param("joinOpensMinutes", "60")))
                .andExpect(status().isForbidden());
        assertThat(rules.of(tenant.organisation().id())).isEqualTo(EidRules.Rules.DEFAULT);
    }

    @Test
    void theRulesRefuseAProductTheOrganisationDoesNotAcceptAndPeopleUnderTheMinimumAge() {
        rules.save(tenant.organisation().id(), new EidRules.Rules(18, EnumSet.of(EidMethod.BANKID)));
        // born 2012: a minor for years after this test was written
        VerifiedPerson minor = person(TestPersons.bornIn(2012), EidMethod.BANKID);
        PersonalIdentityNumber grownUp = TestPersons.bornIn(1980);
        VerifiedPerson adult = person(grownUp, EidMethod.BANKID);
        VerifiedPerson adultWithFreja = person(grownUp, EidMethod.FREJA);

        assertThat(rules.refusal(tenant.organisation().id(), STOCKHOLM, adult)).isEmpty();
        assertThat(rules.refusal(tenant.organisation().id(), STOCKHOLM, minor))
                .hasValueSatisfying(refusal -> assertThat(refusal.messageKey()).isEqualTo("identity.eid.refused.age"));
        assertThat(rules.refusal(tenant.organisation().id(), STOCKHOLM, adultWithFreja))
                .hasValueSatisfying(
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("identity.eid.refused.product"));
    }

    @Test
    void anAdministratorGivesAHostAPersonalIdentityNumberForLoginWithEid() throws Exception {
        String email = "eid-host-" + System.nanoTime() + "@kommun.example";
        PersonalIdentityNumber pin = TestPersons.bornIn(1980);
        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/staff")
                                .param("displayName", "Erik Eid")
                                .param("email", email)
                                .param("password", Fixtures.PASSWORD)
                                .param(
                                        "personalIdentityNumber",
                                        pin.digits().substring(0, 8) + "-"
                                                + pin.digits().substring(8))))
                .andExpect(redirectedUrl("/admin"));
        assertThat(staff.byPersonalIdentityNumber(pin))
                .hasValueSatisfying(user -> assertThat(user.email()).isEqualTo(email));

        String refused = portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/staff")
                                .param("displayName", "Fel")
                                .param("email", "x" + email)
                                .param("password", Fixtures.PASSWORD)
                                .param(
                                        "personalIdentityNumber",
                                        pin.digits().substring(0, 8) + "-" + wrongCheckDigit(pin))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("Personnumret är inte giltigt.");
        assertThat(staff.byEmail("x" + email)).isEmpty();
    }

    static VerifiedPerson person(PersonalIdentityNumber pin, EidMethod method) {
        return new VerifiedPerson(pin, "Test Person", "Test", "Person", method, true);
    }

    /** The last four digits of a number that fails the Luhn check. */
    static String wrongCheckDigit(PersonalIdentityNumber pin) {
        String digits = pin.digits();
        int wrong = (digits.charAt(11) - '0' + 1) % 10;
        return digits.substring(8, 11) + wrong;
    }
}
