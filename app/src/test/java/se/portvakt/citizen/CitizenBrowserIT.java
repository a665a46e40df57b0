package se.portvakt.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
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
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidRules;
import se.portvakt.ids.InviteeId;
import se.portvakt.lobby.Lobby;

/**
 * "My meetings" in a real browser against the BankID and Freja simulators: the citizen sees exactly the live
 * meetings whose invitations name them, across organisations, joins one without a second login and is admitted;
 * a person with none gets a clear page; logout ends it. Every page passes axe-core's WCAG 2.1 AA checks.
 */
@IntegrationTest
@Tag("browser")
class CitizenBrowserIT {

    /** The simulators' test persons that no other test books meetings for while logging in. */
    static final String SAMIR_BANKID = "199004621117";

    static final String KARL_BANKID = "194001011230";
    static final String BERTIL_FREJA = "196807123572";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BookingService booking;

    @Autowired
    Lobby lobby;

    @Autowired
    EidRules rules;

    @Autowired
    AuditLog audit;

    @Autowired
    TestClock clock;

    Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser(port);
    }

    @AfterEach
    void close() {
        clock.reset();
        browser.close();
    }

    UUID book(Tenant tenant, String title, Instant start, String... pins) {
        List<InviteeRequest> invitees = java.util.Arrays.stream(pins)
                .map(pin -> new InviteeRequest(null, "Inbjuden", "p-" + UUID.randomUUID() + "@example.se", null, pin))
                .toList();
        return booking.book(
                tenant.actor(),
                new MeetingRequest(
                        title,
                        tenant.room().id().value(),
                        tenant.host().id().value(),
                        start,
                        start.plus(Duration.ofMinutes(45)),
                        AssuranceLevel.LOA3,
                        false,
                        "Ta med läkemedelslistan.",
                        "sv",
                        invitees));
    }

    static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    void logInWithBankIdQr(String pin) {
        browser.open("/mina-moten");
        browser.find(".eid-choices");
        browser.assertAccessible();
        browser.find("input[name=method][value=BANKID] ~ .actions button[value=true]")
                .click();
        browser.find("img[data-eid-qr]");
        browser.assertAccessible();
        String qr = QrScanner.scan((String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('[data-eid-progress]').dataset.qrUrl).then(r => r.text()).then(done);"""));
        new SimulatedPhone(port).bankIdApprove(qr, null, pin);
        until(
                "the list of meetings",
                () -> !browser.driver()
                        .findElements(By.cssSelector(".citizen-who"))
                        .isEmpty());
    }

    void until(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .withMessage(() -> what + "; at " + browser.driver().getCurrentUrl() + ": "
                        + browser.driver().findElement(By.tagName("main")).getText())
                .until(driver -> condition.getAsBoolean());
    }

    @Test
    void aCitizenSeesExactlyTheirOwnLiveMeetingsAcrossOrganisationsJoinsOneAndIsAdmitted() {
        Tenant clinic = fixtures.tenant();
        Tenant bank = fixtures.tenant();
        String tomorrow = unique("Samir i morgon");
        String soon = unique("Samir snart");
        String others = unique("Karls möte");
        String cancelled = unique("Samir inställt");
        String shortly = unique("Samir strax");
        Instant tomorrowAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        book(clinic, tomorrow, tomorrowAt, SAMIR_BANKID);
        UUID soonId = book(bank, soon, Instant.now().plus(10, ChronoUnit.MINUTES), KARL_BANKID, SAMIR_BANKID);
        book(clinic, others, tomorrowAt, KARL_BANKID);
        booking.cancel(clinic.actor(), book(clinic, cancelled, tomorrowAt, SAMIR_BANKID));
        book(clinic, shortly, Instant.now().plus(2, ChronoUnit.MINUTES), SAMIR_BANKID);

        logInWithBankIdQr(SAMIR_BANKID);

        String list = browser.text("main");
        assertThat(list)
                .contains(
                        "Inloggad som Samir Nordin med BankID.",
                        tomorrow,
                        soon,
                        shortly,
                        bank.organisation().name(),
                        clinic.organisation().name(),
                        "Öppet, du kan ansluta nu",
                        "Bokat")
                .doesNotContain(others, cancelled, SAMIR_BANKID, "19900462");
        browser.assertAccessible();
        assertThat(audit.latest(bank.organisation().id(), 20))
                .extracting(AuditEvent::detail)
                .noneMatch(detail -> detail != null && detail.contains(SAMIR_BANKID));

        // an hour on, the meeting that started shortly after is over: past meetings are not listed
        clock.advance(Duration.ofMinutes(60));
        browser.open("/mina-moten");
        assertThat(browser.text("main")).contains(tomorrow).doesNotContain(shortly, soon);
        clock.reset();

        browser.open("/mina-moten");
        meetingCard(soon).findElement(By.cssSelector("button[type=submit]")).click();
        until("the meeting information", () -> browser.driver().getCurrentUrl().endsWith("/info"));
        assertThat(browser.text("h1")).isEqualTo(soon);
        assertThat(browser.text("main")).contains("Identifierad som Samir Nordin.", "BankID (tillitsnivå 3)");
        browser.assertAccessible();
        browser.find("button[name=anonymous][value=false]").click();
        until("the waiting room", () -> "WAITING".equals(roomState()));

        InviteeId samir =
                booking.details(soonId).orElseThrow().invitees().get(1).id();
        lobby.admit(lobby.ofInvitee(samir).orElseThrow().id(), () -> false);
        until("admitted", () -> "ADMITTED".equals(roomState()));
        assertThat(audit.latest(bank.organisation().id(), 20))
                .extracting(AuditEvent::detail)
                .anyMatch(detail ->
                        detail != null && detail.contains("BANKID through my meetings (SIMULATED), level LOA3"));
    }

    @Test
    void theOrganisationsMinimumAgeKeepsAYoungPersonOutOfItsMeetingsOnly() {
        Tenant strict = fixtures.tenant();
        rules.save(strict.organisation().id(), new EidRules.Rules(40, java.util.EnumSet.allOf(EidMethod.class)));
        String refused = unique("Över 40");
        book(strict, refused, Instant.now().plus(1, ChronoUnit.DAYS), SAMIR_BANKID);

        logInWithBankIdQr(SAMIR_BANKID);

        assertThat(meetingCard(refused).getText()).contains("Du behöver vara minst 40 år");
        assertThat(meetingCard(refused).findElements(By.cssSelector("button[type=submit]")))
                .isEmpty();
        browser.assertAccessible();
    }

    @Test
    void aPersonWithNoMeetingsGetsAClearPageAndLogoutEndsTheSession() {
        browser.open("/mina-moten");
        browser.find("input[name=method][value=FREJA] ~ .actions button[value=false]")
                .click();
        String link = browser.find("a[data-eid-autostart]").getAttribute("href");
        new SimulatedPhone(port).frejaApprove(link, BERTIL_FREJA);
        until(
                "the empty list",
                () -> !browser.driver()
                        .findElements(By.cssSelector("[data-citizen-empty]"))
                        .isEmpty());

        assertThat(browser.text("main"))
                .contains("Inloggad som Bertil Berg med Freja eID.", "Du har inga kommande möten");
        assertThat(browser.all("[data-citizen-meeting]")).isEmpty();
        browser.assertAccessible();

        browser.find(".citizen-who button[type=submit]").click();
        assertThat(browser.text("main")).contains("Du är utloggad.");
        browser.find(".eid-choices");
        browser.assertAccessible();
        browser.open("/mina-moten");
        assertThat(browser.all(".citizen-who")).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            sv | Hjälp med kamera och mikrofon | Överstrukna ikoner för kamera och mikrofon | iPhone och iPad
            en | Help with camera and microphone | Crossed-out camera and microphone icons | iPhone and iPad
            fi | Apua kameran ja mikrofonin kanssa | Yliviivatut kamera- ja mikrofonikuvakkeet | iPhone ja iPad
            """)
    void theHelpPageNeedsNoLoginAndSpeaksEachLanguage(String lang, String title, String icons, String iphone) {
        browser.open("/hjalp?lang=" + lang);
        assertThat(browser.text("h1")).isEqualTo(title);
        assertThat(browser.text("main")).contains(icons, iphone, "Chrome", "Edge", "Safari", "Firefox", "Android");
        assertThat(browser.all("[data-help-platform]")).hasSize(6);
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang);
        browser.assertAccessible();
    }

    org.openqa.selenium.WebElement meetingCard(String title) {
        return browser.all("[data-citizen-meeting]").stream()
                .filter(card -> card.getText().contains(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No meeting " + title));
    }

    String roomState() {
        return browser.find("[data-meeting-room]").getAttribute("data-state");
    }
}
