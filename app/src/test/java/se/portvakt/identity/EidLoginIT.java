package se.portvakt.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.SimulatedPhone;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.person.PersonalIdentityNumber;
import tools.jackson.databind.json.JsonMapper;

/** A host logs in with BankID on this device, through the real client against the simulator; a stranger cannot. */
@IntegrationTest
class EidLoginIT {

    /** The BankID simulator's elderly test person; only this test gives a staff account this number. */
    static final String KARL = "194001011230";

    static final Pattern AUTOSTART = Pattern.compile("autostarttoken=([0-9a-f-]+)");

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StaffDirectory staff;

    @Autowired
    AuditLog audit;

    MockMvc mvc;
    MockHttpSession session;
    SimulatedPhone phone;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        session = new MockHttpSession();
        phone = new SimulatedPhone(port);
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        var result = mvc.perform(request.session(session)).andReturn();
        if (result.getRequest().getSession(false) instanceof MockHttpSession current) {
            session = current;
        }
        return result.getResponse();
    }

    EidStatus loginWithBankIdAs(String pin) throws Exception {
        assertThat(perform(get("/login")).getContentAsString()).contains("href=\"/login/eid\"");
        assertThat(perform(post("/login/eid")
                                .with(csrf())
                                .param("method", "BANKID")
                                .param("qr", "false"))
                        .getRedirectedUrl())
                .isEqualTo("/login/eid/progress");
        Matcher token = AUTOSTART.matcher(perform(get("/login/eid/progress")).getContentAsString());
        assertThat(token.find()).isTrue();
        phone.bankIdApprove(null, token.group(1), pin);
        for (int i = 0; i < 10; i++) {
            EidStatus status = JsonMapper.shared()
                    .readValue(perform(get("/login/eid/status")).getContentAsString(), EidStatus.class);
            if (!status.status().equals("PENDING")) {
                return status;
            }
        }
        throw new AssertionError("The login never ended");
    }

    @Test
    void aHostWhoseAccountCarriesTheirNumberLogsInWithBankId() throws Exception {
        Tenant tenant = fixtures.tenant();
        staff.setPersonalIdentityNumber(
                tenant.host().id(), PersonalIdentityNumber.parse(KARL).orElseThrow());
        String before = session.getId();

        EidStatus status = loginWithBankIdAs(KARL);

        assertThat(status.status()).isEqualTo("COMPLETE");
        assertThat(status.next()).isEqualTo("/");
        assertThat(session.getId()).as("a new session id after login").isNotEqualTo(before);
        String home = perform(get("/")).getContentAsString();
        assertThat(home).contains(tenant.host().displayName(), "Detta är en simulator för test");
        assertThat(audit.latest(tenant.organisation().id(), 10))
                .filteredOn(event -> event.code().equals("login.eid"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actor()).isEqualTo("staff:" + tenant.host().id());
                    assertThat(event.evidence()).isEqualTo(new AuditEntry.Evidence("BANKID", "LOA3", true));
                    assertThat(event.detail()).contains("19400101-****").doesNotContain(KARL);
                    assertThat(event.personIndex()).hasSize(64);
                });
    }

    @Test
    void someoneWithoutAnAccountIsToldSoAndStaysLoggedOut() throws Exception {
        EidStatus status = loginWithBankIdAs("201206092387");

        assertThat(status.status()).isEqualTo("FAILED");
        assertThat(status.message()).startsWith("Det finns inget konto för den här personen.");
        assertThat(perform(get("/")).getRedirectedUrl()).endsWith("/login");
    }
}
