package se.portvakt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.organisation.StaffUser;
import se.portvakt.person.PersonalIdentityNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The administrators' view: search by meeting, person, staff and time; exports with the proof; the person's data. */
@IntegrationTest
class AuditSearchIT {

    static final String ANNA = "198003152462";
    static final String KARL = "194001011230";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BookingService booking;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSealer sealer;

    PortalClient portal;
    Fixtures.Tenant tenant;
    StaffUser otherHost;
    UUID meeting;
    UUID invitee;

    @BeforeEach
    void aBookedMeetingWithAnIdentifiedGuest() {
        portal = new PortalClient(context);
        tenant = fixtures.tenant();
        otherHost = fixtures.addHost(tenant, "Olle Värd");
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        meeting = booking.book(
                tenant.actor(),
                new MeetingRequest(
                        "Uppföljning",
                        tenant.room().id().value(),
                        tenant.host().id().value(),
                        start,
                        start.plus(Duration.ofMinutes(30)),
                        AssuranceLevel.LOA3,
                        false,
                        null,
                        "sv",
                        List.of(new MeetingRequest.InviteeRequest(
                                null, "Anna Svensson", "anna@example.se", null, ANNA))));
        invitee = booking.details(meeting).orElseThrow().invitees().get(0).id().value();
        audit.record(AuditEntry.of(
                        tenant.organisation().id(), AuditAction.GUEST_ARRIVED, AuditActor.guest(new InviteeId(invitee)))
                .meeting(new MeetingId(meeting))
                .subject(invitee)
                .evidence("BANKID", "LOA3", false));
        audit.record(
                AuditEntry.of(tenant.organisation().id(), AuditAction.GUEST_ADMITTED, AuditActor.staff(otherHost.id()))
                        .meeting(new MeetingId(meeting))
                        .subject(UUID.randomUUID())
                        .evidence("BANKID", "LOA3", false));
        audit.record(AuditEntry.of(tenant.organisation().id(), AuditAction.LOGIN_EID, AuditActor.staff(otherHost.id()))
                .person(PersonalIdentityNumber.parse(KARL).orElseThrow())
                .evidence("FREJA", "LOA3", false));
        sealer.sealPending();
    }

    @Test
    void theAdminPageSaysTheChainIsIntactAndListsTheRecords() throws Exception {
        String page = page("/admin/audit");
        assertThat(page).contains("Loggen är obruten sedan", "Gäst insläppt", "Möte bokat", "Olle Värd");
    }

    @Test
    void byPersonTheGuestsRecordsAndTheStaffLoginAreFoundByNumberNeverShownInFull() throws Exception {
        String anna = searchByPerson(ANNA);
        assertThat(anna)
                .contains("Gäst i väntrummet")
                .doesNotContain("Inloggning med e-legitimation")
                .doesNotContain(ANNA);
        String karl = searchByPerson(KARL);
        assertThat(karl)
                .contains("Inloggning med e-legitimation", "19400101-****")
                .doesNotContain(KARL)
                .doesNotContain("Gäst i väntrummet");
    }

    @Test
    void byStaffMeetingAndTime() throws Exception {
        assertThat(page("/admin/audit?staff=" + otherHost.id()))
                .contains("Gäst insläppt")
                .doesNotContain("Möte bokat");
        assertThat(page("/admin/audit?meeting=" + meeting))
                .contains("Gäst insläppt", "Möte bokat")
                .doesNotContain("Inloggning med e-legitimation");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        assertThat(page("/admin/audit?from=" + today.minusDays(1) + "&to=" + today))
                .contains("Gäst insläppt");
        assertThat(page("/admin/audit?from=" + today.plusDays(1))).contains("0 poster");
    }

    @Test
    void badCriteriaAreExplained() throws Exception {
        String page = portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/audit")
                                .param("person", "19800315")
                                .param("meeting", "nope")
                                .param("from", "igår")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Personnumret är inte giltigt", "Mötets id ser inte rätt ut", "Skriv datumet som ÅÅÅÅ-MM-DD");
    }

    @Test
    void anotherOrganisationsAdminSeesNoneOfIt() throws Exception {
        Fixtures.Tenant other = fixtures.tenant();
        String page = portal.mvc()
                .perform(portal.as(other.host(), get("/admin/audit?meeting=" + meeting)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("0 poster");
    }

    @Test
    void aHostWhoIsNotAnAdminIsRefused() throws Exception {
        assertThat(portal.mvc()
                        .perform(portal.as(otherHost, get("/admin/audit")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(portal.mvc()
                        .perform(portal.as(otherHost, get("/admin/audit/export.json")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void theCsvExportHoldsEveryRecordWithItsLinks() throws Exception {
        MockHttpServletResponse response = portal.mvc()
                .perform(portal.as(tenant.host(), get("/admin/audit/export.csv?meeting=" + meeting)))
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment");
        List<String> lines = response.getContentAsString().lines().toList();
        assertThat(lines.get(0))
                .startsWith("id,chain_seq,occurred_at,action,actor")
                .endsWith("previous_link,link");
        assertThat(lines).anyMatch(line -> line.contains("guest.admitted") && line.contains("staff:" + otherHost.id()));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        assertThat(audit.latest(tenant.organisation().id(), 1).get(0).action()).isEqualTo(AuditAction.AUDIT_EXPORTED);
    }

    @Test
    void theJsonExportCarriesTheProofAndEachRecordsLinkRecomputes() throws Exception {
        String json = portal.mvc()
                .perform(portal.as(tenant.host(), get("/admin/audit/export.json")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode document = JsonMapper.builder().build().readTree(json);
        assertThat(document.get("proof").get("intact").asBoolean()).isTrue();
        assertThat(document.get("proof").get("publicKey").asString()).isNotBlank();
        assertThat(document.get("proof").get("checkpoints").size()).isPositive();
        JsonNode record = document.get("records").get(0);
        SealedRow row = new SealedRow(
                record.get("id").asLong(),
                Instant.parse(record.get("occurred_at").asString()),
                text(record, "actor"),
                text(record, "action"),
                text(record, "subject"),
                record.get("meeting_id").isNull()
                        ? null
                        : UUID.fromString(record.get("meeting_id").asString()),
                text(record, "person_index"),
                text(record, "method"),
                text(record, "assurance_level"),
                record.get("simulated").asBoolean(),
                text(record, "detail"),
                text(record, "personal"),
                text(record, "personal_hash"),
                false,
                record.get("chain_seq").asLong(),
                text(record, "link"));
        assertThat(ChainHash.link(
                        text(record, "previous_link"),
                        row.seq(),
                        tenant.organisation().id().toString(),
                        row))
                .isEqualTo(row.hash());
    }

    @Test
    void thePersonsOwnDataComesAsOneFileAndTheExportIsAudited() throws Exception {
        MockHttpServletResponse response = portal.mvc()
                .perform(portal.as(
                        tenant.host(), post("/admin/audit/person-export").param("identityNumber", "19800315-2462")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(document.get("identityNumber").asString()).isEqualTo("19800315-****");
        assertThat(document.get("invitations").get(0).get("name").asString()).isEqualTo("Anna Svensson");
        assertThat(document.get("invitations").get(0).get("email").asString()).isEqualTo("anna@example.se");
        assertThat(document.get("auditRecords").size()).isPositive();
        assertThat(response.getContentAsString()).doesNotContain(ANNA);
        AuditEvent exported = audit.latest(tenant.organisation().id(), 1).get(0);
        assertThat(exported.action()).isEqualTo(AuditAction.PERSON_DATA_EXPORTED);
        assertThat(exported.actor()).isEqualTo("staff:" + tenant.host().id());
        assertThat(exported.personIndex()).isNotBlank();

        MockHttpServletResponse bad = portal.mvc()
                .perform(portal.as(
                        tenant.host(), post("/admin/audit/person-export").param("identityNumber", "12345")))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(303);
    }

    /** Posts the number, follows the redirect, which must carry the number's keyed hash and not the number. */
    private String searchByPerson(String number) throws Exception {
        String location = portal.mvc()
                .perform(portal.as(tenant.host(), post("/admin/audit").param("person", number)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location)
                .startsWith("/admin/audit?")
                .contains("personIndex=")
                .doesNotContain(number.substring(8));
        return page(location);
    }

    private String page(String url) throws Exception {
        return portal.mvc()
                .perform(portal.as(tenant.host(), get(url)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String text(JsonNode record, String field) {
        JsonNode node = record.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }
}
