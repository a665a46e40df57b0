package se.portvakt.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.QrScanner;
import se.portvakt.SimulatedPhone;
import se.portvakt.TestClock;
import se.portvakt.audit.AuditEvent;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.InviteeLinks;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.citizen.IdentityConfirmations.Direction;
import se.portvakt.ids.InviteeId;
import se.portvakt.lobby.Lobby;

/**
 * Confirming identity inside a meeting, both ways, in real browsers: the host's room shows a code to say aloud
 * and the participant types it on the page their BankID opened; the participant shows a code and the host types
 * it. Wrong, stale and another meeting's codes change nothing; the right one gives the host the badge.
 */
@IntegrationTest
@Tag("browser")
class IdentityConfirmationBrowserIT {

    static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BookingService booking;

    @Autowired
    InviteeLinks links;

    @Autowired
    Lobby lobby;

    @Autowired
    AuditLog audit;

    @Autowired
    TestClock clock;

    @Autowired
    IdentityConfirmations confirmations;

    Browser guest;
    Browser host;
    Tenant tenant;

    @BeforeEach
    void open() {
        guest = new Browser(port);
        host = new Browser(port);
        tenant = fixtures.tenant();
    }

    @AfterEach
    void close() {
        clock.reset();
        guest.close();
        host.close();
    }

    MeetingDetails book(String title) {
        Instant start = Instant.now().plus(5, ChronoUnit.MINUTES);
        UUID id = booking.book(
                tenant.actor(),
                new MeetingRequest(
                        title + " " + UUID.randomUUID().toString().substring(0, 6),
                        tenant.room().id().value(),
                        tenant.host().id().value(),
                        start,
                        start.plus(Duration.ofMinutes(45)),
                        AssuranceLevel.LOA3,
                        false,
                        null,
                        "sv",
                        List.of(new InviteeRequest(
                                null,
                                "Samir",
                                "samir-" + UUID.randomUUID() + "@example.se",
                                null,
                                CitizenBrowserIT.SAMIR_BANKID))));
        return booking.details(id).orElseThrow();
    }

    static void until(Browser browser, String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .withMessage(() -> what + "; at " + browser.driver().getCurrentUrl() + ": "
                        + browser.driver().findElement(By.tagName("main")).getText())
                .until(driver -> condition.getAsBoolean());
    }

    /** Samir logs in to "my meetings" with BankID, opens the meeting and waits; the host joins and admits him. */
    String intoTheMeeting(MeetingDetails meeting) {
        guest.open("/mina-moten");
        guest.find("input[name=method][value=BANKID] ~ .actions button[value=true]")
                .click();
        guest.find("img[data-eid-qr]");
        String qr = QrScanner.scan((String) ((JavascriptExecutor) guest.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('[data-eid-progress]').dataset.qrUrl).then(r => r.text()).then(done);"""));
        new SimulatedPhone(port).bankIdApprove(qr, null, CitizenBrowserIT.SAMIR_BANKID);
        until(
                guest,
                "my meetings",
                () -> !guest.driver()
                        .findElements(By.cssSelector("[data-citizen-meeting]"))
                        .isEmpty());
        guest.all("[data-citizen-meeting]").stream()
                .filter(card -> card.getText().contains(meeting.title()))
                .findFirst()
                .orElseThrow()
                .findElement(By.cssSelector("button[type=submit]"))
                .click();
        guest.find("button[name=anonymous][value=false]").click();
        until(
                guest,
                "waiting",
                () -> "WAITING".equals(guest.find("[data-meeting-room]").getAttribute("data-state")));

        host.logIn(tenant.host().email(), Fixtures.PASSWORD);
        host.open("/meetings/" + meeting.id() + "/room");
        host.find("[data-join]").click();
        UUID invitee = meeting.invitees().get(0).id().value();
        until(
                host,
                "the host in the meeting",
                () -> lobby.hostIn(meeting.id(), tenant.host().id()).isPresent());
        lobby.admit(lobby.ofInvitee(new InviteeId(invitee)).orElseThrow().id(), () -> true);
        until(
                guest,
                "in the meeting",
                () -> "IN_MEETING".equals(guest.find("[data-meeting-room]").getAttribute("data-state")));
        until(
                host,
                "Samir's confirm button",
                () -> !host.driver()
                        .findElements(By.cssSelector("[data-confirm-identity]"))
                        .isEmpty());
        se.portvakt.meeting.RoomPage.openPanel(host, "participants");
        return links.tokenFor(invitee);
    }

    /** Clicks a button the roster carries; the roster is drawn anew on every change, so a found one may go stale. */
    void clickInRoster(String css) {
        new WebDriverWait(host.driver(), Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> {
                    driver.findElement(By.cssSelector(css)).click();
                    return true;
                });
    }

    /** The participant's confirmation page, in a second tab of their browser. */
    void openConfirmationPage(String token) {
        guest.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        guest.open("/bekrafta/" + token);
        guest.find("#confirm-code");
    }

    void typeOnGuestPage(String code) {
        guest.driver().findElement(By.id("confirm-code")).clear();
        guest.type("#confirm-code", code);
        guest.find("#type-heading + form button[type=submit]").click();
    }

    @Test
    void theHostSaysACodeAndTheParticipantTypesIt() {
        MeetingDetails meeting = book("Bekräfta");
        MeetingDetails other = book("Annat möte");
        String token = intoTheMeeting(meeting);

        clickInRoster("[data-confirm-identity]");
        until(
                host,
                "a code to say",
                () -> SIX_DIGITS
                        .matcher(host.text("[data-confirmation-status]"))
                        .find());
        Matcher said = SIX_DIGITS.matcher(host.text("[data-confirmation-status]"));
        assertThat(said.find()).isTrue();
        String code = said.group(1);
        assertThat(host.text("[data-confirmation-status]")).contains("Säg koden " + code, "Den gäller till kl.");
        host.assertAccessible();

        openConfirmationPage(token);
        guest.assertAccessible();
        typeOnGuestPage(code.equals("000000") ? "111111" : "000000");
        assertThat(guest.text("#confirm-code-error")).isEqualTo("Koden stämmer inte. Du har 4 försök kvar.");
        guest.assertAccessible();
        String othersCode = confirmations
                .issue(other.summary(), other.invitees().get(0).id().value(), Direction.HOST_SAYS, "BANKID", "test")
                .code();
        if (!othersCode.equals(code)) {
            typeOnGuestPage(othersCode);
            assertThat(guest.text("#confirm-code-error")).startsWith("Koden stämmer inte.");
        }
        typeOnGuestPage("12");
        assertThat(guest.text("#confirm-code-error")).isEqualTo("Koden består av sex siffror.");
        assertThat(host.all("[data-confirmed-badge]"))
                .as("nothing confirmed yet")
                .allMatch(badge -> badge.getText().isBlank());

        typeOnGuestPage(code);
        assertThat(guest.text("[data-confirmed]")).startsWith("Klart: din identitet är bekräftad i mötet kl.");
        until(host, "the badge", () -> host.text("[data-roster]").contains("bekräftad i mötet med BankID kl."));
        assertThat(audit.latest(tenant.organisation().id(), 30))
                .extracting(AuditEvent::code)
                .contains("identity.confirmation.issued", "identity.confirmation.wrong", "identity.confirmed");

        typeOnGuestPage(code);
        assertThat(guest.text("#confirm-code-error"))
                .as("a used code is spent")
                .isEqualTo("Koden stämmer inte eller gäller inte längre. Be värden om en ny kod.");
    }

    @Test
    void aStaleCodeConfirmsNothing() {
        MeetingDetails meeting = book("Gammal kod");
        String token = intoTheMeeting(meeting);
        clickInRoster("[data-confirm-identity]");
        until(
                host,
                "a code to say",
                () -> SIX_DIGITS
                        .matcher(host.text("[data-confirmation-status]"))
                        .find());
        Matcher said = SIX_DIGITS.matcher(host.text("[data-confirmation-status]"));
        assertThat(said.find()).isTrue();

        clock.advance(Duration.ofMinutes(3));
        openConfirmationPage(token);
        typeOnGuestPage(said.group(1));
        assertThat(guest.text("#confirm-code-error"))
                .isEqualTo("Koden stämmer inte eller gäller inte längre. Be värden om en ny kod.");
        assertThat(confirmations.confirmed(meeting.id().value())).isEmpty();
    }

    @Test
    void theParticipantShowsACodeAndTheHostTypesIt() {
        MeetingDetails meeting = book("Omvänt");
        String token = intoTheMeeting(meeting);

        openConfirmationPage(token);
        guest.find("#show-heading ~ form button[type=submit]").click();
        String code = guest.text("[data-shown-code]");
        assertThat(code).matches("\\d{6}");
        guest.assertAccessible();

        clickInRoster("[data-type-code]");
        host.type("#confirmation-code", code.equals("000000") ? "111111" : "000000");
        host.find("[data-confirmation-form] button[type=submit]").click();
        until(
                host,
                "wrong",
                () -> host.text("[data-confirmation-status]").equals("Koden stämmer inte. 4 försök kvar."));
        assertThat(host.text("[data-roster]")).doesNotContain("bekräftad i mötet");

        host.driver().findElement(By.id("confirmation-code")).clear();
        host.type("#confirmation-code", code);
        host.find("[data-confirmation-form] button[type=submit]").click();
        until(
                host,
                "confirmed",
                () -> host.text("[data-confirmation-status]").startsWith("bekräftad i mötet med BankID kl."));
        until(host, "the badge", () -> host.text("[data-roster]").contains("bekräftad i mötet med BankID kl."));
        host.assertAccessible();
    }
}
