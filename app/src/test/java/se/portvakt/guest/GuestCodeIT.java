package se.portvakt.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.followUp;
import static se.portvakt.booking.TestBookings.invitee;
import static se.portvakt.booking.TestBookings.unique;
import static se.portvakt.guest.GuestMail.codeMailedTo;
import static se.portvakt.guest.GuestMail.codeMailsTo;

import java.time.Duration;
import java.util.List;
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
import se.portvakt.audit.AuditEvent;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.guest.GuestBrowser.Page;
import se.portvakt.invitation.DirectMessages;
import se.portvakt.invitation.OutboxWorker;

/** LOA2 by e-mail code, end to end: the real pages, database, outbox and SMTP server (GreenMail). */
@IntegrationTest
class GuestCodeIT {

    static final String SUBJECT = "Din engångskod till videomötet";

    @Autowired
    TestBookings bookings;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OutboxWorker outbox;

    @Autowired
    TestClock clock;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DirectMessages sms;

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

    Booked loa2(String... emails) {
        return bookings.book(followUp(tenant)
                .invitees(java.util.Arrays.stream(emails)
                        .map(email -> invitee("Anna Andersson", email, null))
                        .toArray(se.portvakt.booking.internal.MeetingRequest.InviteeRequest[]::new)));
    }

    static String email() {
        return "anna-" + unique() + "@example.se";
    }

    @Test
    void aGuestIdentifiesWithTheCodeSentToTheInvitationsAddress() {
        String email = email();
        Booked meeting = loa2(email);

        assertThat(guest.get(meeting.path(0, "")).location()).isEqualTo(meeting.path(0, "contact"));
        Page contact = guest.get(meeting.path(0, "contact"));
        // without an SMS gateway (production settings, the PostgreSQL run) only the address is asked for
        assertThat(contact.body())
                .contains(
                        sms.smsEnabled() ? "E-postadress eller mobilnummer" : "E-postadress",
                        "lang=\"sv\"",
                        "aria-describedby=\"contact-hint\"");
        // the domain is case-insensitive, as the address was stored lower-cased
        Page sent = guest.post(meeting.path(0, "contact"), "contact", email.replace("example.se", "Example.SE"));
        assertThat(sent.location()).isEqualTo(meeting.path(0, "code") + "?sent");
        assertThat(guest.get(sent.location()).body())
                .contains("Om uppgiften stämmer med inbjudan har vi skickat en kod");
        GuestMail.deliverAll(outbox);
        String code = codeMailedTo(email, SUBJECT);
        String before = guest.sessionId();

        Page identified = guest.post(meeting.path(0, "code"), "code", code.substring(0, 3) + " " + code.substring(3));

        assertThat(identified.location()).isEqualTo(meeting.path(0, "info"));
        assertThat(guest.sessionId())
                .as("a new session id after identification")
                .isNotEqualTo(before);
        Page info = guest.get(meeting.path(0, "info"));
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.body())
                .contains(
                        meeting.meeting().title(),
                        tenant.host().displayName(),
                        tenant.organisation().name(),
                        "Ta med läkemedelslistan.",
                        "engångskod via e-post");
        assertThat(guest.get(meeting.path(0, "")).location())
                .as("already identified")
                .isEqualTo(meeting.path(0, "info"));
        assertThat(actions()).contains("guest.code.requested", "guest.code.verified");
        assertThat(audit.latest(tenant.organisation().id(), 50))
                .extracting(AuditEvent::detail)
                .noneMatch(detail -> detail != null && (detail.contains(email) || detail.contains(code)));
    }

    @Test
    void aContactWithACharacterNoDatabaseStoresGetsAClearMessageAndTheFormBack() {
        String email = email();
        Booked meeting = loa2(email);
        guest.get(meeting.path(0, "contact"));

        Page refused = guest.post(meeting.path(0, "contact"), "contact", email.replace("@", "\u0000@"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("ett tecken som inte kan användas", "name=\"contact\"");
        assertThat(actions()).doesNotContain("guest.code.requested");
    }

    @Test
    void aCodeWorksOnlyOnce() {
        String email = email();
        Booked meeting = loa2(email);
        guest.post(meeting.path(0, "contact"), "contact", email);
        GuestMail.deliverAll(outbox);
        String code = codeMailedTo(email, SUBJECT);
        guest.post(meeting.path(0, "code"), "code", code);

        GuestBrowser other = new GuestBrowser(context);
        Page again = other.post(meeting.path(0, "code"), "code", code);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("Koden stämmer inte eller gäller inte längre");
        assertThat(other.get(meeting.path(0, "info")).location()).isEqualTo(meeting.path(0, ""));
    }

    @Test
    void aWrongAddressGetsTheSameAnswerAndNoCode() {
        String email = email();
        Booked meeting = loa2(email);

        Page wrong = guest.post(meeting.path(0, "contact"), "contact", "someone-else-" + unique() + "@example.se");
        Page wrongNumber = guest.post(meeting.path(0, "contact"), "contact", "070-999 99 99");

        assertThat(wrong.location()).isEqualTo(meeting.path(0, "code") + "?sent");
        assertThat(wrongNumber.location()).isEqualTo(meeting.path(0, "code") + "?sent");
        GuestMail.deliverAll(outbox);
        assertThat(codeMailsTo(email, SUBJECT)).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_message where invitee_id = ? and subject = ?")
                        .params(meeting.invitees().get(0).id().value(), SUBJECT)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(audit.latest(tenant.organisation().id(), 50))
                .extracting(AuditEvent::detail)
                .anyMatch(detail -> detail != null && detail.contains("no match"))
                .noneMatch(detail -> detail != null && detail.contains("someone-else"));
    }

    @Test
    void malformedInputIsExplainedNextToTheFieldAndKept() {
        Booked meeting = loa2(email());

        Page page = guest.post(meeting.path(0, "contact"), "contact", "anna@");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "id=\"contact-error\"",
                        "aria-describedby=\"contact-hint contact-error\"",
                        "aria-invalid=\"true\"",
                        "value=\"anna@\"");
    }

    @Test
    void fiveWrongCodesLockTheInvitationEvenForTheRightCodeUntilTheLockEnds() {
        String email = email();
        Booked meeting = loa2(email);
        guest.post(meeting.path(0, "contact"), "contact", email);
        GuestMail.deliverAll(outbox);
        String code = codeMailedTo(email, SUBJECT);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int left = 4; left >= 1; left--) {
            assertThat(guest.post(meeting.path(0, "code"), "code", wrong).body())
                    .contains("Du har " + left + " försök kvar");
        }
        assertThat(guest.post(meeting.path(0, "code"), "code", wrong).body()).contains("Inbjudan är låst till kl.");
        Page right = guest.post(meeting.path(0, "code"), "code", code);
        assertThat(right.location()).isNull();
        assertThat(right.body()).contains("Inbjudan är låst till kl.");
        assertThat(guest.post(meeting.path(0, "contact"), "contact", email).body())
                .contains("Inbjudan är låst");
        assertThat(actions()).contains("guest.code.locked", "guest.code.refused");

        clock.advance(Duration.ofMinutes(16));
        assertThat(guest.post(meeting.path(0, "code"), "code", code).body())
                .as("the lock threw the old code away")
                .contains("Du har 4 försök kvar");
        guest.post(meeting.path(0, "contact"), "contact", email);
        GuestMail.deliverAll(outbox);
        String fresh = codeMailedTo(email, SUBJECT);
        assertThat(guest.post(meeting.path(0, "code"), "code", fresh).location())
                .isEqualTo(meeting.path(0, "info"));
    }

    @Test
    void aCodeExpires() {
        String email = email();
        Booked meeting = loa2(email);
        guest.post(meeting.path(0, "contact"), "contact", email);
        GuestMail.deliverAll(outbox);
        String code = codeMailedTo(email, SUBJECT);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(guest.post(meeting.path(0, "code"), "code", code).body()).contains("gäller inte längre");
    }

    @Test
    void aCodeForOneInvitationDoesNotOpenAnother() {
        String anna = email();
        String bertil = "bertil-" + unique() + "@example.se";
        Booked meeting = loa2(anna, bertil);
        guest.post(meeting.path(0, "contact"), "contact", anna);
        GuestMail.deliverAll(outbox);
        String annasCode = codeMailedTo(anna, SUBJECT);

        GuestBrowser other = new GuestBrowser(context);
        other.post(meeting.path(1, "contact"), "contact", bertil);
        Page tried = other.post(meeting.path(1, "code"), "code", annasCode);

        assertThat(tried.location()).isNull();
        assertThat(tried.body()).contains("Koden stämmer inte");
        assertThat(other.get(meeting.path(1, "info")).location()).isEqualTo(meeting.path(1, ""));
        // and Anna's code still opens Anna's invitation
        assertThat(guest.post(meeting.path(0, "code"), "code", annasCode).location())
                .isEqualTo(meeting.path(0, "info"));
        // being Anna in this browser does not make it Bertil
        assertThat(guest.get(meeting.path(1, "info")).location()).isEqualTo(meeting.path(1, ""));
    }

    @Test
    void requestsAreThrottledWithoutTellingWhetherTheyMatched() {
        String email = email();
        Booked meeting = loa2(email);

        guest.post(meeting.path(0, "contact"), "contact", email);
        guest.post(meeting.path(0, "contact"), "contact", email);
        GuestMail.deliverAll(outbox);
        assertThat(codeMailsTo(email, SUBJECT))
                .as("no second code within the resend interval")
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        guest.post(meeting.path(0, "contact"), "contact", email);
        guest.post(meeting.path(0, "contact"), "contact", "other-" + unique() + "@example.se");
        guest.post(meeting.path(0, "contact"), "contact", "other-" + unique() + "@example.se");
        Page sixth = guest.post(meeting.path(0, "contact"), "contact", email);

        assertThat(sixth.location()).isNull();
        assertThat(sixth.body()).contains("Du har begärt för många koder. Försök igen efter kl.");
        GuestMail.deliverAll(outbox);
        assertThat(codeMailsTo(email, SUBJECT)).isEqualTo(2);
        assertThat(actions()).contains("guest.code.throttled");
    }

    @Test
    void theCodeStepsAreInTheMeetingsLanguageAndSwitchable() {
        String email = email();
        Booked meeting =
                bookings.book(followUp(tenant).language("en").invitees(invitee("Anna Andersson", email, null)));

        guest.get(meeting.path(0, ""));
        assertThat(guest.get(meeting.path(0, "contact")).body()).contains("lang=\"en\"", "E-mail address");
        assertThat(guest.get(meeting.path(0, "contact") + "?lang=fi").body())
                .contains("lang=\"fi\"", "Sähköpostiosoite");
        guest.get(meeting.path(0, ""));
        assertThat(guest.get(meeting.path(0, "contact")).body())
                .as("the guest's choice stands")
                .contains("lang=\"fi\"");

        guest.post(meeting.path(0, "contact"), "contact", email);
        GuestMail.deliverAll(outbox);
        assertThat(codeMailsTo(email, "Your one-time code for the video meeting"))
                .isEqualTo(1);
    }

    List<String> actions() {
        return audit.latest(tenant.organisation().id(), 100).stream()
                .map(AuditEvent::code)
                .toList();
    }
}
