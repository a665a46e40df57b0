package se.portvakt.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.InviteeLinks;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.identity.EidMethod;
import se.portvakt.ids.ParticipantId;
import se.portvakt.lobby.Lobby;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;

/**
 * The citizen's pages' rules, each tried to be broken: another person's invitation, no login, a staff login in
 * the citizen's place and the reverse, a host who is not in the meeting, a participant of another meeting.
 */
@IntegrationTest
class CitizenAccessIT {

    static final PersonalIdentityNumber SAMIR =
            PersonalIdentityNumber.parse(CitizenBrowserIT.SAMIR_BANKID).orElseThrow();

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BookingService booking;

    @Autowired
    InviteeLinks links;

    @Autowired
    PinVault pins;

    @Autowired
    Lobby lobby;

    PortalClient portal;
    Tenant tenant;
    MockHttpSession session;

    @BeforeEach
    void setUp() {
        portal = new PortalClient(context);
        tenant = fixtures.tenant();
        session = new MockHttpSession();
    }

    MeetingDetails book(String pin) {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        UUID id = booking.book(
                tenant.actor(),
                new MeetingRequest(
                        "Möte " + UUID.randomUUID(),
                        tenant.room().id().value(),
                        tenant.host().id().value(),
                        start,
                        start.plus(Duration.ofMinutes(30)),
                        AssuranceLevel.LOA3,
                        false,
                        null,
                        "sv",
                        List.of(new InviteeRequest(
                                null, "Inbjuden", "i-" + UUID.randomUUID() + "@example.se", null, pin))));
        return booking.details(id).orElseThrow();
    }

    /** This browser session as Samir after his BankID login (what CitizenLoginController stores). */
    void loggedInAsSamir() {
        session.setAttribute(
                CitizenSession.ATTRIBUTE,
                new CitizenSession(pins.encrypt(SAMIR), EidMethod.BANKID, "Samir Nordin", true, Instant.now()));
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) {
        try {
            var result = portal.mvc().perform(request.session(session)).andReturn();
            if (result.getRequest().getSession(false) instanceof MockHttpSession current) {
                session = current;
            }
            return result.getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anotherPersonsInvitationCannotBeJoinedOrDownloadedFrom() {
        MeetingDetails karls = book(CitizenBrowserIT.KARL_BANKID);
        UUID karl = karls.invitees().get(0).id().value();
        loggedInAsSamir();

        assertThat(body(perform(get("/mina-moten")))).doesNotContain(karls.title());
        assertThat(perform(post("/mina-moten/join")
                                .param("invitee", karl.toString())
                                .with(csrf()))
                        .getRedirectedUrl())
                .isEqualTo("/mina-moten");
        assertThat(perform(get("/m/" + links.tokenFor(karl) + "/info")).getRedirectedUrl())
                .as("no identification for Karl's invitation")
                .isEqualTo("/m/" + links.tokenFor(karl));
        assertThat(perform(get("/mina-moten/" + karl + "/attachments/" + UUID.randomUUID()))
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(get("/bekrafta/" + links.tokenFor(karl))).getRedirectedUrl())
                .isEqualTo("/m/" + links.tokenFor(karl));
    }

    @Test
    void withoutALoginNothingIsListedOrJoined() {
        MeetingDetails samirs = book(CitizenBrowserIT.SAMIR_BANKID);
        UUID samir = samirs.invitees().get(0).id().value();

        assertThat(body(perform(get("/mina-moten")))).contains("eid-choices").doesNotContain(samirs.title());
        assertThat(perform(post("/mina-moten/join")
                                .param("invitee", samir.toString())
                                .with(csrf()))
                        .getRedirectedUrl())
                .isEqualTo("/mina-moten");
        assertThat(perform(get("/m/" + links.tokenFor(samir) + "/info")).getRedirectedUrl())
                .isEqualTo("/m/" + links.tokenFor(samir));
        assertThat(perform(get("/bekrafta/" + links.tokenFor(samir))).getRedirectedUrl())
                .isEqualTo("/m/" + links.tokenFor(samir));
    }

    @Test
    void aCitizenLoginOpensNoStaffPageAndAStaffLoginNoCitizenPage() {
        loggedInAsSamir();
        assertThat(perform(get("/meetings")).getRedirectedUrl()).endsWith("/login");
        assertThat(perform(get("/console")).getRedirectedUrl()).endsWith("/login");

        session = new MockHttpSession();
        String staffView = body(perform(portal.as(tenant.host(), get("/mina-moten"))));
        assertThat(staffView).contains("eid-choices").doesNotContain("citizen-who");
    }

    @Test
    void logoutEndsTheCitizensSession() {
        MeetingDetails samirs = book(CitizenBrowserIT.SAMIR_BANKID);
        loggedInAsSamir();
        assertThat(body(perform(get("/mina-moten")))).contains(samirs.title());

        assertThat(perform(post("/mina-moten/logout").with(csrf())).getRedirectedUrl())
                .isEqualTo("/mina-moten?logout");
        assertThat(body(perform(get("/mina-moten")))).contains("eid-choices").doesNotContain(samirs.title());
    }

    @Test
    void onlyAHostInTheMeetingMayAskAndOnlyForItsOwnEidParticipants() {
        MeetingDetails meeting = book(CitizenBrowserIT.SAMIR_BANKID);
        MeetingDetails other = book(null);
        String base = "/meetings/" + meeting.id() + "/identity-confirmations";
        ParticipantId stranger =
                lobby.hostJoins(other.id(), tenant.host().id(), "Vera").id();

        assertThat(perform(portal.as(tenant.host(), get(base))).getStatus())
                .as("not in the meeting")
                .isEqualTo(404);
        assertThat(perform(portal.as(tenant.host(), post(base + "/" + stranger + "/code")))
                        .getStatus())
                .isEqualTo(404);

        lobby.hostJoins(meeting.id(), tenant.host().id(), "Vera");
        assertThat(perform(portal.as(tenant.host(), get(base))).getStatus()).isEqualTo(200);
        assertThat(perform(portal.as(tenant.host(), post(base + "/" + stranger + "/code")))
                        .getStatus())
                .as("a participant of another meeting")
                .isEqualTo(404);
        assertThat(perform(portal.as(fixtures.addHost(fixtures.tenant(), "Annan Värd"), get(base)))
                        .getStatus())
                .as("another organisation's host")
                .isEqualTo(404);
        session = new MockHttpSession();
        assertThat(perform(get(base)).getRedirectedUrl()).as("no staff login").endsWith("/login");
    }
}
