package se.portvakt.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;
import static se.portvakt.booking.TestBookings.unique;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.QrScanner;
import se.portvakt.SimulatedPhone;
import se.portvakt.TestPersons;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.UnreadableNumbers;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.guest.GuestBrowser.Page;
import se.portvakt.identity.EidStatus;
import se.portvakt.invitation.OutboxWorker;
import tools.jackson.databind.json.JsonMapper;

/**
 * A guest's pages read their own invitation and the meeting's summary, never the other invitees' identity numbers:
 * with those made undecryptable, a guest still identifies (by e-legitimation, then by a code), sees the meeting page,
 * joins and waits. Every guest request resolves the link, the e-ID status poll every 2 seconds, so decrypting a
 * meeting's numbers there would multiply with the polls and the invitees. The e-legitimation is checked against the
 * guest's own number, which alone is read.
 */
@IntegrationTest
class GuestPagesDecryptNoOtherNumberIT {

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OutboxWorker outbox;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    GuestBrowser guest;
    UnreadableNumbers numbers;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        guest = new GuestBrowser(context);
        numbers = new UnreadableNumbers(jdbc);
    }

    @AfterEach
    void restore() {
        numbers.restore();
    }

    static InviteeRequest named(String name) {
        return new InviteeRequest(
                null,
                name,
                "n-" + unique() + "@example.se",
                null,
                TestPersons.bornIn(1980).digits());
    }

    @Test
    void aGuestIdentifiesByBankIdJoinsAndWaitsReadingOnlyTheirOwnNumber() {
        Booked meeting = bookings.book(plan(tenant)
                .level(AssuranceLevel.LOA3)
                .invitees(
                        new InviteeRequest(
                                null,
                                "Tolvan Tolvansson",
                                "tolvan-" + unique() + "@example.se",
                                null,
                                GuestEidIT.TOLVAN_BANKID),
                        named("Cecilia Ceder"),
                        named("David Dahl")));
        assertThat(numbers.inMeeting(meeting.id(), meeting.invitee(0))).isEqualTo(2);

        assertThat(guest.get(meeting.path(0, "")).location()).isEqualTo(meeting.path(0, "eid"));
        assertThat(guest.get(meeting.path(0, "eid")).status()).isEqualTo(200);
        Page started = guest.post(meeting.path(0, "eid"), "method", "BANKID", "qr", "true");
        assertThat(started.location()).isEqualTo(meeting.path(0, "eid/progress"));
        assertThat(guest.get(started.location()).status()).isEqualTo(200);
        assertThat(status(meeting).status()).isEqualTo("PENDING");
        Page qr = guest.get(meeting.path(0, "eid/qr"));
        assertThat(qr.status()).isEqualTo(200);
        new SimulatedPhone(port).bankIdApprove(QrScanner.scan(qr.body()), null, GuestEidIT.TOLVAN_BANKID);
        assertThat(finalStatus(meeting).status()).isEqualTo("COMPLETE");

        joinsAndWaits(meeting);
        Page confirmation = guest.get("/bekrafta/" + meeting.token(0));
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.body()).contains(meeting.meeting().title());
    }

    @Test
    void aGuestIdentifiesByACodeJoinsAndWaitsDecryptingNoNumber() {
        String email = "anna-" + unique() + "@example.se";
        Booked meeting = bookings.book(plan(tenant)
                .level(AssuranceLevel.LOA2)
                .invitees(
                        new InviteeRequest(null, "Anna Andersson", email, null, null),
                        named("Cecilia Ceder"),
                        named("David Dahl")));
        assertThat(numbers.inMeeting(meeting.id())).isEqualTo(2);

        assertThat(guest.get(meeting.path(0, "")).location()).isEqualTo(meeting.path(0, "contact"));
        assertThat(guest.get(meeting.path(0, "contact")).status()).isEqualTo(200);
        Page sent = guest.post(meeting.path(0, "contact"), "contact", email);
        assertThat(sent.location()).isEqualTo(meeting.path(0, "code") + "?sent");
        assertThat(guest.get(sent.location()).status()).isEqualTo(200);
        GuestMail.deliverAll(outbox);
        String code = GuestMail.codeMailedTo(email, GuestCodeIT.SUBJECT);
        assertThat(guest.post(meeting.path(0, "code"), "code", code).location()).isEqualTo(meeting.path(0, "info"));

        joinsAndWaits(meeting);
    }

    void joinsAndWaits(Booked meeting) {
        Page info = guest.get(meeting.path(0, "info"));
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.body())
                .contains(meeting.meeting().title(), tenant.organisation().name());
        Page joined = guest.post(meeting.path(0, "join"));
        assertThat(joined.location()).isEqualTo(meeting.path(0, "wait"));
        Page waiting = guest.get(joined.location());
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.body()).contains(meeting.meeting().title());
    }

    EidStatus status(Booked meeting) {
        Page page = guest.get(meeting.path(0, "eid/status"));
        assertThat(page.status()).isEqualTo(200);
        return JsonMapper.shared().readValue(page.body(), EidStatus.class);
    }

    /** Polls as the progress page does until the order ends. */
    EidStatus finalStatus(Booked meeting) {
        for (int i = 0; i < 10; i++) {
            EidStatus status = status(meeting);
            if (!status.status().equals("PENDING")) {
                return status;
            }
        }
        throw new AssertionError("The order never ended");
    }
}
