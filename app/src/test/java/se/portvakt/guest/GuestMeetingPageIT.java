package se.portvakt.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.followUp;
import static se.portvakt.booking.TestBookings.invitee;
import static se.portvakt.booking.TestBookings.tomorrow;
import static se.portvakt.booking.TestBookings.unique;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.TestClock;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.Attachments;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.guest.GuestBrowser.Page;
import se.portvakt.ids.MeetingId;

/** The link's gate, the meeting page, its files and joining: who may see what, and when. */
@IntegrationTest
class GuestMeetingPageIT {

    static final byte[] PDF = "%PDF-1.7\n% Portvakt\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TestBookings bookings;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BookingService booking;

    @Autowired
    Attachments attachments;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    GuestBrowser guest;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        guest = new GuestBrowser(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Booked linkOnly(Instant start, boolean confidential, InviteeRequest... invitees) {
        return bookings.book(followUp(tenant)
                .level(AssuranceLevel.NONE)
                .confidential(confidential)
                .start(start)
                .invitees(invitees));
    }

    static InviteeRequest anna() {
        return invitee("Anna Andersson", "anna-" + unique() + "@example.se", "070-123 45 67");
    }

    @Test
    void aLinkThatWeDidNotMakeIsNotValid() {
        Booked meeting = linkOnly(tomorrow(), false, anna());
        String token = meeting.tokens().get(0);
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        for (String path : List.of(
                "/m/" + altered,
                "/m/not-a-token",
                "/m/" + altered + "/info",
                "/m/" + altered + "/attachments/" + UUID.randomUUID())) {
            Page page = guest.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body())
                    .as(path)
                    .contains("Länken är inte giltig")
                    .doesNotContain(meeting.meeting().title());
        }
        assertThat(guest.get("/m/not-a-token?lang=en").body()).contains("The link is not valid", "lang=\"en\"");
    }

    @Test
    void linkOnlyMeetingsIdentifyByTheLink() {
        Booked meeting = linkOnly(tomorrow(), false, anna());

        assertThat(guest.get(meeting.path(0, "info")).location())
                .as("not before the link is opened")
                .isEqualTo(meeting.path(0, ""));
        assertThat(guest.get(meeting.path(0, "")).location()).isEqualTo(meeting.path(0, "info"));
        assertThat(guest.get(meeting.path(0, "info")).body())
                .contains(meeting.meeting().title(), "din personliga länk");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'guest.identified' and subject = ?")
                        .param(meeting.invitees().get(0).id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void loa3GoesToTheEidChoice() {
        Booked meeting =
                bookings.book(followUp(tenant).level(AssuranceLevel.LOA3).invitees(anna()));

        assertThat(guest.get(meeting.path(0, "")).location()).isEqualTo(meeting.path(0, "eid"));
        Page eid = guest.get(meeting.path(0, "eid"));
        assertThat(eid.status()).isEqualTo(200);
        assertThat(eid.body())
                .contains("Identifiera dig med e-legitimation")
                .doesNotContain(meeting.meeting().title());
        assertThat(guest.get(meeting.path(0, "info")).location()).isEqualTo(meeting.path(0, ""));
        assertThat(guest.get(meeting.path(0, "contact")).location())
                .as("no code for LOA3")
                .isEqualTo(meeting.path(0, ""));
    }

    @Test
    void attachmentsOnlyForAnIdentifiedInviteeOfThatMeeting() {
        Booked meeting = linkOnly(tomorrow(), false, anna());
        Booked other = linkOnly(tomorrow(), false, anna());
        UUID file = attachments
                .add(tenant.actor(), new MeetingId(meeting.id()), "plan.pdf", PDF)
                .id();
        String download = meeting.path(0, "attachments/" + file);

        assertThat(guest.get(download).status()).isEqualTo(404);
        guest.get(other.path(0, ""));
        assertThat(guest.get(other.path(0, "attachments/" + file)).status())
                .as("another meeting's file")
                .isEqualTo(404);

        guest.get(meeting.path(0, ""));
        assertThat(guest.get(meeting.path(0, "info")).body()).contains("plan.pdf", download);
        Page pdf = guest.get(download);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.response().getContentAsByteArray()).isEqualTo(PDF);
        assertThat(pdf.response().getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(pdf.response().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aCancelledMeetingShowsOnlyThatItIsCancelled() {
        Booked meeting = linkOnly(tomorrow(), false, anna());
        UUID file = attachments
                .add(tenant.actor(), new MeetingId(meeting.id()), "plan.pdf", PDF)
                .id();
        guest.get(meeting.path(0, ""));

        booking.cancel(tenant.actor(), meeting.id());

        for (String page : List.of("", "info", "attachments/" + file)) {
            Page closed = guest.get(meeting.path(0, page));
            assertThat(closed.status()).as(page).isEqualTo(410);
            assertThat(closed.body())
                    .as(page)
                    .contains("Mötet är inställt")
                    .doesNotContain(
                            meeting.meeting().title(), "plan.pdf", tenant.host().displayName());
        }
        assertThat(guest.post(meeting.path(0, "join")).status()).isEqualTo(410);
    }

    @Test
    void aRemovedInviteeSeesTheMeetingAsCancelled() {
        Booked meeting =
                linkOnly(tomorrow(), false, anna(), invitee("Bertil Berg", "bertil-" + unique() + "@example.se", null));
        var kept = meeting.invitees().get(1);
        var before = booking.find(tenant.actor(), meeting.id()).orElseThrow();
        booking.change(
                tenant.actor(),
                meeting.id(),
                before.version(),
                new MeetingRequest(
                        meeting.meeting().title(),
                        tenant.room().id().value(),
                        tenant.host().id().value(),
                        meeting.meeting().start(),
                        meeting.meeting().end(),
                        AssuranceLevel.NONE,
                        false,
                        null,
                        "sv",
                        List.of(new InviteeRequest(kept.id().value(), kept.name(), kept.email(), null, null))));

        Page removed = guest.get(meeting.path(0, ""));

        assertThat(removed.status()).isEqualTo(410);
        assertThat(removed.body())
                .contains("Mötet är inställt")
                .doesNotContain(meeting.meeting().title());
        assertThat(new GuestBrowser(context).get(meeting.path(1, "")).location())
                .isEqualTo(meeting.path(1, "info"));
    }

    @Test
    void anEndedMeetingSaysSo() {
        Booked meeting = linkOnly(tomorrow(), false, anna());
        guest.get(meeting.path(0, ""));

        clock.advance(Duration.ofDays(1).plusHours(1));

        Page ended = guest.get(meeting.path(0, "info"));
        assertThat(ended.status()).isEqualTo(410);
        assertThat(ended.body())
                .contains("Mötet har avslutats")
                .doesNotContain(meeting.meeting().title());
    }

    @Test
    void joiningBeforeTheWindowIsRefusedByTheServerAndAcceptedInsideIt() {
        Instant start = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Booked meeting = linkOnly(start, false, anna());
        guest.get(meeting.path(0, ""));
        assertThat(guest.get(meeting.path(0, "info")).body())
                .contains("Du kan ansluta från kl.", "15 minuter före start")
                .doesNotContain("name=\"anonymous\"");

        Page early = guest.post(meeting.path(0, "join"));

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("Det går inte att ansluta än.");
        assertThat(arrivals(meeting)).isZero();

        clock.advance(Duration.ofMinutes(106)); // 14 minutes before the start
        assertThat(guest.get(meeting.path(0, "info")).body())
                .contains("name=\"anonymous\"", "Anslut")
                .doesNotContain("Anslut anonymt");
        Page joined = guest.post(meeting.path(0, "join"));
        assertThat(joined.status()).isEqualTo(302);
        assertThat(joined.location()).isEqualTo(meeting.path(0, "wait"));
        assertThat(guest.get(joined.location()).body()).contains("Värden har fått besked om att du är här");
        assertThat(arrivals(meeting)).isEqualTo(1);
        assertThat(jdbc.sql("select method, assurance_level, anonymous from guest_arrival where invitee_id = ?")
                        .param(meeting.invitees().get(0).id().value())
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3))
                        .single())
                .isEqualTo("LINK NONE false");
    }

    @Test
    void joiningWithoutIdentificationIsNotPossible() {
        Booked meeting = linkOnly(Instant.now().plus(5, ChronoUnit.MINUTES), false, anna());

        assertThat(guest.post(meeting.path(0, "join")).location()).isEqualTo(meeting.path(0, ""));
        assertThat(arrivals(meeting)).isZero();
    }

    @Test
    void anAnonymousGuestsIdentityIsOnNoGuestPage() {
        String name = "Hemlig Person " + unique();
        String email = "hemlig-" + unique() + "@example.se";
        Booked meeting = linkOnly(
                Instant.now().plus(5, ChronoUnit.MINUTES), true, invitee(name, email, "070-555 12 34"), anna());
        guest.get(meeting.path(0, ""));
        assertThat(guest.get(meeting.path(0, "info")).body()).contains("Anslut anonymt");

        Page joined = guest.post(meeting.path(0, "join"), "anonymous", "true");
        String pseudonym = jdbc.sql("select pseudonym from guest_arrival where invitee_id = ? and anonymous")
                .param(meeting.invitees().get(0).id().value())
                .query(String.class)
                .single();

        assertThat(pseudonym).matches("[A-HJ-NP-Z2-9]{4}");
        Page page = guest.get(joined.location());
        assertThat(page.body()).contains("Gäst " + pseudonym);
        // what another guest of the meeting sees
        GuestBrowser other = new GuestBrowser(context);
        other.get(meeting.path(1, ""));
        Page others = other.get(meeting.path(1, "info"));
        for (Page seen : List.of(page, others, guest.get(meeting.path(0, "info?lang=en")))) {
            assertThat(seen.body()).doesNotContain(name, email, "+46705551234", "070-555");
        }
        // joining again keeps the same pseudonym
        guest.post(meeting.path(0, "join"), "anonymous", "true");
        assertThat(jdbc.sql("select pseudonym from guest_arrival where invitee_id = ?")
                        .param(meeting.invitees().get(0).id().value())
                        .query(String.class)
                        .single())
                .isEqualTo(pseudonym);
    }

    @Test
    void anonymityIsOnlyForConfidentialMeetings() {
        Booked meeting = linkOnly(Instant.now().plus(5, ChronoUnit.MINUTES), false, anna());
        guest.get(meeting.path(0, ""));

        guest.post(meeting.path(0, "join"), "anonymous", "true");

        assertThat(jdbc.sql("select anonymous from guest_arrival where invitee_id = ?")
                        .param(meeting.invitees().get(0).id().value())
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    long arrivals(Booked meeting) {
        return jdbc.sql("select count(*) from guest_arrival where meeting_id = ?")
                .param(meeting.id())
                .query(Long.class)
                .single();
    }
}
