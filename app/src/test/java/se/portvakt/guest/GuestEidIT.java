package se.portvakt.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.portvakt.booking.TestBookings.followUp;
import static se.portvakt.booking.TestBookings.tomorrow;
import static se.portvakt.booking.TestBookings.unique;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.QrScanner;
import se.portvakt.SimulatedPhone;
import se.portvakt.audit.AuditEvent;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.guest.GuestBrowser.Page;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidRules;
import se.portvakt.identity.EidStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * LOA3 through the real BankID and Freja eID clients, over HTTP, against the simulators: the guest scans what
 * the page showed (the QR image is decoded), or opens the app link, and only the invited person gets in.
 */
@IntegrationTest
class GuestEidIT {

    /** The simulators' test persons (see TestIdentities and FrejaTestPerson). */
    static final String ANNA_BANKID = "198003152462";

    static final String TOLVAN_BANKID = "191212121212";
    static final String ALVA_BANKID_MINOR = "201206092387";
    static final String KARL_BANKID = "194001011230";
    static final String SAMIR_BANKID = "199004621117";
    static final String ANNA_FREJA = "198001012387";

    static final Pattern AUTOSTART = Pattern.compile("autostarttoken=([0-9a-f-]+)");
    static final Pattern FREJA_LINK = Pattern.compile("href=\"(frejaeid://[^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EidRules rules;

    @Autowired
    AuditLog audit;

    Tenant tenant;
    GuestBrowser guest;
    SimulatedPhone phone;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        guest = new GuestBrowser(context);
        phone = new SimulatedPhone(port);
    }

    Booked loa3(boolean confidential, String pin, Instant start) {
        return bookings.book(followUp(tenant)
                .level(AssuranceLevel.LOA3)
                .confidential(confidential)
                .start(start)
                .invitees(new InviteeRequest(null, "Anna Svensson", "anna-" + unique() + "@example.se", null, pin)));
    }

    EidStatus status(Booked meeting) {
        Page page = guest.get(meeting.path(0, "eid/status"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().getHeader("Cache-Control")).contains("no-store");
        return JsonMapper.shared().readValue(page.body(), EidStatus.class);
    }

    /** Polls as the page does until the order ends (the simulator moves one stage per collect at most). */
    EidStatus finalStatus(Booked meeting) {
        for (int i = 0; i < 10; i++) {
            EidStatus status = status(meeting);
            if (!status.status().equals("PENDING")) {
                return status;
            }
        }
        throw new AssertionError("The order never ended");
    }

    String scanQr(Booked meeting) {
        Page image = guest.get(meeting.path(0, "eid/qr"));
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.response().getContentType()).startsWith("image/svg+xml");
        return QrScanner.scan(image.body());
    }

    @Test
    void theInvitedPersonIdentifiesWithBankIdByScanningTheQrCode() {
        Booked meeting = loa3(false, ANNA_BANKID, tomorrow());

        assertThat(guest.get(meeting.path(0, "")).location()).isEqualTo(meeting.path(0, "eid"));
        assertThat(guest.get(meeting.path(0, "info")).location())
                .as("nothing before identification")
                .isEqualTo(meeting.path(0, ""));
        Page choice = guest.get(meeting.path(0, "eid"));
        assertThat(choice.body())
                .contains("Mobilt BankID på annan enhet", "Freja eID på den här enheten", "simulator för test");
        assertThat(choice.body()).doesNotContain(meeting.meeting().title());

        Page started = guest.post(meeting.path(0, "eid"), "method", "BANKID", "qr", "true");
        assertThat(started.location()).isEqualTo(meeting.path(0, "eid/progress"));
        assertThat(guest.get(started.location()).body())
                .contains("data-eid-qr", "Starta BankID-appen och läs av QR-koden.");
        EidStatus waiting = status(meeting);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.message()).isEqualTo("Starta BankID-appen.");
        assertThat(waiting.qr()).isTrue();
        String qr = scanQr(meeting);
        assertThat(qr).startsWith("bankid.").doesNotContain(ANNA_BANKID);

        phone.bankIdApprove(qr, null, ANNA_BANKID);
        EidStatus done = finalStatus(meeting);

        assertThat(done.status()).isEqualTo("COMPLETE");
        assertThat(done.next()).isEqualTo(meeting.path(0, "info"));
        Page info = guest.get(meeting.path(0, "info"));
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.body())
                .contains(
                        meeting.meeting().title(),
                        "Identifierad som Anna Svensson.",
                        "BankID (tillitsnivå 3)",
                        "simulator, inte med riktig e-legitimation");
        assertThat(audit.latest(tenant.organisation().id(), 50))
                .extracting(AuditEvent::detail)
                .anyMatch(detail ->
                        detail != null && detail.contains("19800315-****") && detail.contains("Anna Svensson"))
                .noneMatch(detail -> detail != null && detail.contains(ANNA_BANKID));
    }

    @Test
    void bankIdOnThisDeviceOpensTheAppByItsAutostartLink() {
        Booked meeting = loa3(false, null, tomorrow());
        guest.post(meeting.path(0, "eid"), "method", "BANKID", "qr", "false");
        Page progress = guest.get(meeting.path(0, "eid/progress"));
        assertThat(progress.body()).doesNotContain("data-eid-qr").contains("bankid:///?autostarttoken=");
        assertThat(guest.get(meeting.path(0, "eid/qr")).status())
                .as("no QR code on this device")
                .isEqualTo(204);
        EidStatus waiting = status(meeting);
        assertThat(waiting.message()).isEqualTo("Försöker starta BankID-appen.");

        Matcher token = AUTOSTART.matcher(progress.body());
        assertThat(token.find()).isTrue();
        phone.bankIdApprove(null, token.group(1), TOLVAN_BANKID);

        assertThat(finalStatus(meeting).status()).isEqualTo("COMPLETE");
        assertThat(guest.get(meeting.path(0, "info")).body()).contains("Identifierad som Tolvan Tolvansson.");
    }

    @Test
    void anotherPersonsBankIdIsRefusedWhenTheInvitationNamesSomeone() {
        // each test names its own person: BankID refuses a second order for someone with one in progress
        Booked meeting = loa3(false, KARL_BANKID, tomorrow());
        guest.post(meeting.path(0, "eid"), "method", "BANKID", "qr", "true");

        phone.bankIdApprove(scanQr(meeting), null, TOLVAN_BANKID);
        EidStatus refused = finalStatus(meeting);

        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.next()).isEqualTo(meeting.path(0, "eid"));
        assertThat(guest.get(meeting.path(0, "info")).location()).isEqualTo(meeting.path(0, ""));
        assertThat(guest.get(meeting.path(0, "")).location()).isEqualTo(meeting.path(0, "eid"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            userCancel         | Åtgärden avbruten.
            expiredTransaction | BankID-appen svarar inte. Kontrollera att den är startad och att du har internetanslutning.
            certificateErr     | Det BankID du försöker använda är för gammalt eller spärrat.
            userDeclinedCall   | Okänt fel. Försök igen.
            """)
    void everyFailureReachesTheGuestAsBankIdsRecommendedMessage(String hintCode, String message) {
        Booked meeting = loa3(false, null, tomorrow());
        guest.post(meeting.path(0, "eid"), "method", "BANKID", "qr", "true");

        phone.bankIdFail(scanQr(meeting), null, hintCode);
        EidStatus failed = finalStatus(meeting);

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.message()).startsWith(message);
        assertThat(audit.latest(tenant.organisation().id(), 20))
                .extracting(AuditEvent::code)
                .contains("guest.eid.started", "guest.eid.failed");
    }

    @Test
    void aPersonUnderTheOrganisationsMinimumAgeIsToldWhy() {
        rules.save(tenant.organisation().id(), new EidRules.Rules(16, EnumSet.allOf(EidMethod.class)));
        Booked meeting = loa3(false, null, tomorrow());
        guest.post(meeting.path(0, "eid"), "method", "BANKID", "qr", "true");

        phone.bankIdApprove(scanQr(meeting), null, ALVA_BANKID_MINOR);
        EidStatus refused = finalStatus(meeting);

        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.message())
                .isEqualTo("Du behöver vara minst 16 år för att identifiera dig här. Kontakta den som bjöd in dig.");
        assertThat(guest.get(meeting.path(0, "info")).location()).isEqualTo(meeting.path(0, ""));
    }

    @Test
    void aProductTheOrganisationDoesNotAcceptIsNeitherOfferedNorStarted() {
        rules.save(tenant.organisation().id(), new EidRules.Rules(null, EnumSet.of(EidMethod.FREJA)));
        Booked meeting = loa3(false, null, tomorrow());

        assertThat(guest.get(meeting.path(0, "eid")).body())
                .contains("Freja eID")
                .doesNotContain("BankID");
        Page forged = guest.post(meeting.path(0, "eid"), "method", "BANKID", "qr", "true");

        assertThat(forged.location()).isEqualTo(meeting.path(0, "eid"));
        assertThat(guest.get(meeting.path(0, "eid/progress")).location()).isEqualTo(meeting.path(0, ""));
    }

    @Test
    void theInvitedPersonIdentifiesWithFrejaEid() {
        Booked meeting = loa3(false, ANNA_FREJA, tomorrow());
        guest.post(meeting.path(0, "eid"), "method", "FREJA", "qr", "true");
        assertThat(status(meeting).status()).isEqualTo("PENDING");

        String qr = scanQr(meeting);
        assertThat(qr).startsWith("frejaeid://bindUserToTransaction?transactionReference=");
        phone.frejaApprove(qr, ANNA_FREJA);

        assertThat(finalStatus(meeting).status()).isEqualTo("COMPLETE");
        assertThat(guest.get(meeting.path(0, "info")).body())
                .contains("Identifierad som Anna Andersson.", "Freja eID (tillitsnivå 3)");
    }

    @Test
    void aRejectedFrejaOrderLetsNobodyIn() {
        Booked meeting = loa3(false, null, tomorrow());
        guest.post(meeting.path(0, "eid"), "method", "FREJA", "qr", "false");
        Matcher link =
                FREJA_LINK.matcher(guest.get(meeting.path(0, "eid/progress")).body());
        assertThat(link.find()).isTrue();

        phone.frejaReject(link.group(1).replace("&amp;", "&"));

        assertThat(finalStatus(meeting).status()).isEqualTo("FAILED");
        assertThat(guest.get(meeting.path(0, "info")).location()).isEqualTo(meeting.path(0, ""));
    }

    @Test
    void cancellingEndsTheOrderAtBankIdToo() {
        Booked meeting = loa3(false, null, tomorrow());
        guest.post(meeting.path(0, "eid"), "method", "BANKID", "qr", "true");
        String qr = scanQr(meeting);

        assertThat(guest.post(meeting.path(0, "eid/cancel")).location()).isEqualTo(meeting.path(0, "eid"));

        assertThat(status(meeting).status()).isEqualTo("FAILED");
        assertThatThrownBy(() -> phone.bankIdApprove(qr, null, TOLVAN_BANKID))
                .as("the order is gone at BankID")
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("refused");
        assertThat(audit.latest(tenant.organisation().id(), 20))
                .extracting(AuditEvent::code)
                .contains("guest.eid.cancelled");
    }

    @Test
    void anAnonymousGuestIsKnownByPseudonymAndOnlyTheHostSeesWhoItIs() throws Exception {
        Booked meeting = bookings.book(followUp(tenant)
                .level(AssuranceLevel.LOA3)
                .confidential(true)
                .start(Instant.now().plus(10, ChronoUnit.MINUTES))
                .invitees(
                        new InviteeRequest(
                                null, "Samir Nordin", "samir-" + unique() + "@example.se", null, SAMIR_BANKID),
                        new InviteeRequest(null, "Bo Ek", "bo-" + unique() + "@example.se", null, null)));
        guest.post(meeting.path(0, "eid"), "method", "BANKID", "qr", "true");
        phone.bankIdApprove(scanQr(meeting), null, SAMIR_BANKID);
        assertThat(finalStatus(meeting).status()).isEqualTo("COMPLETE");

        Page joined = guest.post(meeting.path(0, "join"), "anonymous", "true");
        String page = guest.get(joined.location()).body();
        Matcher pseudonym = Pattern.compile("Du visas som Gäst ([A-Z0-9]{4})").matcher(page);
        assertThat(pseudonym.find()).as(page).isTrue();

        GuestBrowser other = new GuestBrowser(context);
        other.post(meeting.path(1, "eid"), "method", "BANKID", "qr", "false");
        String othersPage = other.get(meeting.path(1, "eid/progress")).body()
                + other.get(meeting.path(1, "")).body();
        assertThat(othersPage).doesNotContain("Samir", "Nordin", pseudonym.group(1));

        PortalClient host = new PortalClient(context);
        String hostsPage = host.mvc()
                .perform(host.as(
                        tenant.host(),
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/meetings/" + meeting.meeting().id())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(hostsPage).contains("verifierad som Samir Nordin", "anonym som Gäst " + pseudonym.group(1));
    }
}
