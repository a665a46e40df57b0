package se.portvakt.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static se.portvakt.booking.TestBookings.plan;
import static se.portvakt.booking.TestBookings.unique;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.TestPersons;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.UnreadableNumbers;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.identity.EidMethod;
import se.portvakt.ids.MeetingId;
import se.portvakt.lobby.Lobby;
import se.portvakt.person.PinVault;

/**
 * The citizen's pages find their invitations by the searchable index of the logged-in person's number and read each
 * as one invitation and its meeting's summary: with every stored number in the meeting made undecryptable, Samir's
 * too, "my meetings" still lists it, joining from it leads to the meeting page, the confirmation page opens, and the
 * host's badge list (polled while the host is in the room) answers.
 */
@IntegrationTest
class CitizenPagesDecryptNoNumberIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestBookings bookings;

    @Autowired
    PinVault pins;

    @Autowired
    Lobby lobby;

    @Autowired
    JdbcClient jdbc;

    PortalClient portal;
    Tenant tenant;
    MockHttpSession session;
    UnreadableNumbers numbers;

    @BeforeEach
    void setUp() {
        portal = new PortalClient(context);
        tenant = fixtures.tenant();
        session = new MockHttpSession();
        numbers = new UnreadableNumbers(jdbc);
    }

    @AfterEach
    void restore() {
        numbers.restore();
    }

    @Test
    void myMeetingsJoiningAndConfirmingDecryptNoNumber() {
        Booked meeting = bookings.book(plan(tenant)
                .level(AssuranceLevel.LOA3)
                .invitees(
                        new InviteeRequest(
                                null,
                                "Samir Nordin",
                                "samir-" + unique() + "@example.se",
                                null,
                                CitizenBrowserIT.SAMIR_BANKID),
                        new InviteeRequest(
                                null,
                                "Cecilia Ceder",
                                "c-" + unique() + "@example.se",
                                null,
                                TestPersons.bornIn(1980).digits())));
        assertThat(numbers.inMeeting(meeting.id())).isEqualTo(2);
        session.setAttribute(
                CitizenSession.ATTRIBUTE,
                new CitizenSession(
                        pins.encrypt(CitizenAccessIT.SAMIR), EidMethod.BANKID, "Samir Nordin", true, Instant.now()));

        MockHttpServletResponse list = perform(get("/mina-moten"));
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(body(list))
                .contains(meeting.meeting().title(), tenant.organisation().name());
        MockHttpServletResponse joined = perform(post("/mina-moten/join")
                .param("invitee", meeting.invitee(0).toString())
                .with(csrf()));
        assertThat(joined.getRedirectedUrl()).isEqualTo(meeting.path(0, "info"));
        MockHttpServletResponse info = perform(get(joined.getRedirectedUrl()));
        assertThat(info.getStatus()).isEqualTo(200);
        assertThat(body(info)).contains(meeting.meeting().title());
        MockHttpServletResponse confirmation = perform(get("/bekrafta/" + meeting.token(0)));
        assertThat(confirmation.getStatus()).isEqualTo(200);
        assertThat(body(confirmation)).contains(meeting.meeting().title());

        lobby.hostJoins(new MeetingId(meeting.id()), tenant.host().id(), "Vera");
        String badges = "/meetings/" + meeting.id() + "/identity-confirmations";
        assertThat(perform(portal.as(tenant.host(), get(badges))).getStatus()).isEqualTo(200);
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
}
