package se.portvakt.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.TestPersons;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditEvent;
import se.portvakt.audit.AuditLog;
import se.portvakt.audit.AuditSearch;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.identity.EidMethod;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Download what Portvakt holds about me" on /mina-moten: the logged-in person's own data in every organisation
 * that holds any, never another person's, only with a citizen login; each organisation's log records the export.
 */
@IntegrationTest
class CitizenDataExportIT {

    /** A person no other test books (a random number), so the export holds exactly what this test booked. */
    final PersonalIdentityNumber NEW_PERSON = TestPersons.bornIn(1970);

    static final PersonalIdentityNumber KARL =
            PersonalIdentityNumber.parse(CitizenBrowserIT.KARL_BANKID).orElseThrow();

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BookingService booking;

    @Autowired
    PinVault pins;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSearch search;

    PortalClient portal;
    MockHttpSession session;

    @BeforeEach
    void setUp() {
        portal = new PortalClient(context);
        session = new MockHttpSession();
    }

    String book(Tenant tenant, PersonalIdentityNumber... people) {
        String title = "Möte " + UUID.randomUUID();
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        booking.book(
                tenant.actor(),
                new MeetingRequest(
                        title,
                        tenant.room().id().value(),
                        tenant.host().id().value(),
                        start,
                        start.plus(Duration.ofMinutes(30)),
                        AssuranceLevel.LOA3,
                        false,
                        null,
                        "sv",
                        java.util.Arrays.stream(people)
                                .map(pin -> new InviteeRequest(
                                        null,
                                        "Inbjuden " + pin.masked(),
                                        "i-" + UUID.randomUUID() + "@example.se",
                                        null,
                                        pin.digits()))
                                .toList()));
        return title;
    }

    MockHttpServletResponse export() throws Exception {
        return portal.mvc()
                .perform(post("/mina-moten/mina-uppgifter").with(csrf()).session(session))
                .andReturn()
                .getResponse();
    }

    @Test
    void theLoggedInPersonDownloadsTheirOwnDataFromEveryOrganisationAndEachLogsIt() throws Exception {
        Tenant clinic = fixtures.tenant();
        Tenant bank = fixtures.tenant();
        String atTheClinic = book(clinic, NEW_PERSON, KARL);
        String atTheBank = book(bank, NEW_PERSON);
        String karlsOwn = book(clinic, KARL);
        session.setAttribute(
                CitizenSession.ATTRIBUTE,
                new CitizenSession(pins.encrypt(NEW_PERSON), EidMethod.FREJA, "Ny Person", true, Instant.now()));

        MockHttpServletResponse response = export();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body)
                .contains(
                        atTheClinic,
                        atTheBank,
                        clinic.organisation().name(),
                        bank.organisation().name(),
                        NEW_PERSON.masked())
                .doesNotContain(karlsOwn, NEW_PERSON.digits(), KARL.digits(), KARL.masked());
        JsonNode document = JsonMapper.builder().build().readTree(body);
        assertThat(document.get("organisations")).hasSize(2);
        assertThat(document.get("name").asString()).isEqualTo("Ny Person");

        for (Tenant tenant : List.of(clinic, bank)) {
            assertThat(audit.latest(tenant.organisation().id(), 10))
                    .filteredOn(event -> event.action() == AuditAction.PERSON_DATA_EXPORTED)
                    .singleElement()
                    .satisfies(event -> {
                        assertThat(event.actor()).isEqualTo("person");
                        assertThat(event.personIndex()).isEqualTo(search.personIndex(NEW_PERSON));
                        assertThat(event.evidence().method()).isEqualTo("FREJA");
                    });
        }
    }

    @Test
    void withoutACitizenLoginNothingIsExportedOrLogged() throws Exception {
        Tenant clinic = fixtures.tenant();
        book(clinic, NEW_PERSON);

        MockHttpServletResponse response = export();

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader("Location")).isEqualTo("/mina-moten");
        assertThat(response.getContentAsString()).isEmpty();
        assertThat(audit.latest(clinic.organisation().id(), 10))
                .extracting(AuditEvent::action)
                .doesNotContain(AuditAction.PERSON_DATA_EXPORTED);
    }
}
