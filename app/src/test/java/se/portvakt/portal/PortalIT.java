package se.portvakt.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;

/** The host portal's booking pages, through the real MVC and security stack and the real database. */
@IntegrationTest
class PortalIT {

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

    MockHttpServletRequestBuilder bookingForm(String title, String start, String end, String email, String mobile) {
        return post("/meetings/new")
                .param("title", title)
                .param("roomId", tenant.room().id().toString())
                .param("hostId", tenant.host().id().toString())
                .param("date", day)
                .param("startTime", start)
                .param("endTime", end)
                .param("assuranceLevel", "LOA2")
                .param("language", "sv")
                .param("invitees[0].name", "Anna Andersson")
                .param("invitees[0].email", email)
                .param("invitees[0].mobile", mobile)
                .param("invitees[0].personalIdentityNumber", "");
    }

    long meetingsOf(Tenant tenant) {
        return jdbc.sql("select count(*) from meeting where organisation_id = ?")
                .param(tenant.organisation().id().value())
                .query(Long.class)
                .single();
    }

    UUID bookOne() throws Exception {
        String location = portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        bookingForm("Uppföljning", "09:00", "09:45", "anna@example.se", "070-123 45 67")))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring("/meetings/".length()));
    }

    @Test
    void theBookingFormBooksAMeetingAndShowsIt() throws Exception {
        UUID id = bookOne();

        String page = portal.mvc()
                .perform(portal.as(tenant.host(), get("/meetings/" + id)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Uppföljning", "anna@example.se", "+46701234567", "/m/");
    }

    @Test
    void badInputShowsEveryProblemKeepsWhatWasTypedAndStoresNothing() throws Exception {
        String page = portal.mvc()
                .perform(portal.as(tenant.host(), bookingForm("", "10:00", "09:00", "anna@", "12345")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains(
                        "Ange en rubrik för mötet.",
                        "Sluttiden måste vara efter starttiden.",
                        "E-postadressen ser inte rätt ut.",
                        "Mobilnumret ser inte rätt ut.",
                        "value=\"anna@\"",
                        "value=\"12345\"");
        assertThat(meetingsOf(tenant)).isZero();
    }

    @Test
    void unreadableTimesAreReportedNotRefusedWholesale() throws Exception {
        String page = portal.mvc()
                .perform(portal.as(tenant.host(), bookingForm("Möte", "nio", "09:45", "anna@example.se", "")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Ange tiden som tt:mm");
        assertThat(meetingsOf(tenant)).isZero();
    }

    @Test
    void messagesFollowTheChosenLanguage() throws Exception {
        String page = portal.mvc()
                .perform(portal.as(tenant.host(), bookingForm("", "09:00", "09:45", "anna@example.se", ""))
                        .param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Enter a title for the meeting.");
    }

    @Test
    void theFormChangesAndCancelsAMeeting() throws Exception {
        UUID id = bookOne();
        UUID invitee = jdbc.sql("select id from invitee where meeting_id = ?")
                .param(id)
                .query(UUID.class)
                .single();
        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        bookingForm("Flyttat möte", "13:00", "13:30", "anna@example.se", "")
                                .with(request -> {
                                    request.setRequestURI("/meetings/" + id + "/edit");
                                    return request;
                                })
                                .param("version", "0")
                                .param("invitees[0].id", invitee.toString())))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select title from meeting where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Flyttat möte");

        portal.mvc()
                .perform(portal.as(tenant.host(), post("/meetings/" + id + "/cancel")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from meeting where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED");
    }

    @Test
    void aHostOfAnotherOrganisationCannotSeeOrChangeTheMeeting() throws Exception {
        UUID id = bookOne();
        Tenant other = fixtures.tenant();

        portal.mvc().perform(portal.as(other.host(), get("/meetings/" + id))).andExpect(status().isNotFound());
        portal.mvc()
                .perform(portal.as(other.host(), get("/meetings/" + id + "/edit")))
                .andExpect(status().isNotFound());
        portal.mvc()
                .perform(portal.as(other.host(), post("/meetings/" + id + "/cancel")))
                .andExpect(status().isNotFound());
        portal.mvc()
                .perform(portal.as(
                        other.host(),
                        multipart("/meetings/" + id + "/attachments")
                                .file(new MockMultipartFile(
                                        "file", "a.pdf", "application/pdf", "%PDF-1.7 x".getBytes()))))
                .andExpect(status().isNotFound());
        String list = portal.mvc()
                .perform(portal.as(other.host(), get("/meetings")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain(id.toString());
        assertThat(jdbc.sql("select status from meeting where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void attachmentsAreCheckedAndServedOnlyAsDownloads() throws Exception {
        UUID id = bookOne();
        String url = "/meetings/" + id + "/attachments";
        byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        multipart(url)
                                .file(new MockMultipartFile(
                                        "file", "program.exe", "application/octet-stream", new byte[] {'M', 'Z'}))))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", org.hamcrest.Matchers.containsString("Filtypen är inte tillåten")));
        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        multipart(url)
                                .file(new MockMultipartFile(
                                        "file", "brev.pdf", "application/pdf", new byte[] {'M', 'Z', 0}))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", org.hamcrest.Matchers.containsString("stämmer inte")));
        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        multipart(url).file(new MockMultipartFile("file", "stor.pdf", "application/pdf", bigPdf()))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", org.hamcrest.Matchers.containsString("för stor")));
        assertThat(jdbc.sql("select count(*) from attachment where meeting_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();

        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        multipart(url).file(new MockMultipartFile("file", "../../kallelse.pdf", "text/html", pdf))))
                .andExpect(status().is3xxRedirection());
        UUID attachment = jdbc.sql("select id from attachment where meeting_id = ?")
                .param(id)
                .query(UUID.class)
                .single();
        portal.mvc()
                .perform(portal.as(tenant.host(), get(url + "/" + attachment)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("kallelse.pdf")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(pdf));
    }

    @Test
    void onlyAnAdministratorReachesAdministration() throws Exception {
        var plainHost = fixtures.addHost(tenant, "Harald Host");
        portal.mvc().perform(portal.as(plainHost, get("/admin"))).andExpect(status().isForbidden());
        portal.mvc()
                .perform(portal.as(plainHost, post("/admin/rooms").param("name", "Smygrum")))
                .andExpect(status().isForbidden());
        portal.mvc()
                .perform(portal.as(tenant.host(), post("/admin/rooms").param("name", "Nytt rum")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from room where organisation_id = ?")
                        .param(tenant.organisation().id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        portal.mvc()
                .perform(
                        bookingForm("Möte", "09:00", "09:45", "anna@example.se", "")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(context.getBean(
                                                org.springframework.security.core.userdetails.UserDetailsService.class)
                                        .loadUserByUsername(tenant.host().email()))))
                .andExpect(status().isForbidden());
        assertThat(meetingsOf(tenant)).isZero();
    }

    private static byte[] bigPdf() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        return big;
    }
}
