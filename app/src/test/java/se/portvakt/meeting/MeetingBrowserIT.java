package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;

/**
 * The whole waiting room and meeting control plane in three headless Chromium pages: a host and two guests.
 * Every page passes axe-core's WCAG 2.1 AA checks.
 */
@IntegrationTest
@Tag("browser")
class MeetingBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    Browser host;
    Browser anna;
    Browser bertil;
    Tenant tenant;

    @BeforeEach
    void open() {
        tenant = fixtures.tenant();
        host = new Browser(port);
        anna = new Browser(port);
        bertil = new Browser(port);
    }

    @AfterEach
    void close() {
        List.of(host, anna, bertil).forEach(Browser::close);
    }

    static void until(Browser browser, String what, java.util.function.Predicate<Browser> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .withMessage(what)
                .until(driver -> condition.test(browser));
    }

    static String state(Browser browser) {
        return browser.find("[data-meeting-room]").getAttribute("data-state");
    }

    static String closed(Browser browser) {
        return browser.find("[data-meeting-room]").getAttribute("data-closed");
    }

    void logIn() {
        host.logIn(tenant.host().email(), Fixtures.PASSWORD);
    }

    static void arrive(Browser guest, String token, boolean anonymous) {
        guest.open("/m/" + token);
        guest.find(anonymous ? "button[name=anonymous][value=true]" : "button[name=anonymous][value=false]")
                .click();
        new WebDriverWait(guest.driver(), Duration.ofSeconds(20))
                .withMessage(() -> "the waiting page; at " + guest.driver().getCurrentUrl() + " with cookies "
                        + guest.driver().manage().getCookies() + ", the page says: "
                        + guest.find("body").getText().replaceAll("\\s+", " "))
                .until(driver -> "WAITING".equals(state(guest)));
    }

    WebElement consoleRow(String text) {
        return host.all("tr[data-participant]").stream()
                .filter(row -> row.getText().contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No waiting row with " + text));
    }

    @Test
    void twoGuestsWaitOneIsAdmittedTheOtherDeniedAndTheHostRunsTheMeeting() {
        Booked meeting =
                bookings.book(plan(tenant).confidential(true).guests("Anna Andersson", "Bertil Berg", "Cecilia Ceder"));
        Booked second = bookings.book(plan(tenant).guests("David Dahl"));
        logIn();
        host.open("/console");
        host.find("[data-empty]");
        host.assertAccessible();

        arrive(anna, meeting.token(0), false);
        assertThat(anna.text("[data-status-text]")).contains("Värden har fått besked om att du är här");
        anna.assertAccessible();
        arrive(bertil, meeting.token(1), true);
        assertThat(bertil.text("main")).doesNotContain("Anna");

        until(
                host,
                "two waiting",
                browser -> browser.all("tr[data-participant]").size() == 2);
        assertThat(consoleRow("Anna Andersson").getText()).contains("din personliga länk", "ingen identifiering");
        assertThat(consoleRow("Bertil Berg").getText()).contains("Anonym: Gäst ");
        host.assertAccessible();

        consoleRow("Anna Andersson")
                .findElement(By.cssSelector("button[data-action=admit]"))
                .click();
        until(anna, "admitted", browser -> "ADMITTED".equals(state(browser)));
        assertThat(anna.text("[data-status-text]")).contains("Mötet börjar när värden ansluter");
        WebElement bertilRow = consoleRow("Bertil Berg");
        bertilRow.findElement(By.cssSelector("input")).sendKeys("Fel tid, välkommen i morgon.");
        bertilRow.findElement(By.cssSelector("button[data-action=deny]")).click();
        until(bertil, "denied", browser -> "DENIED".equals(closed(browser)));
        assertThat(bertil.text("[data-status-text]")).contains("Fel tid, välkommen i morgon.");

        String console = host.driver().getWindowHandle();
        host.driver().switchTo().newWindow(WindowType.TAB);
        String room = host.driver().getWindowHandle();
        host.open("/meetings/" + meeting.id() + "/room");
        host.find("[data-join]").click();
        until(anna, "in the meeting", browser -> "IN_MEETING".equals(state(browser)));
        until(host, "roster of two", browser -> browser.all("[data-roster] li").size() == 2);
        host.assertAccessible();
        anna.assertAccessible();

        RoomPage.openPanel(anna, "chat");
        RoomPage.openPanel(host, "participants");
        host.assertAccessible();
        RoomPage.openPanel(host, "chat");
        anna.type("#chat-text", "Hej från Anna");
        anna.find("[data-chat-form] button[type=submit]").click();
        until(host, "chat", browser -> browser.text("[data-chat]").contains("Hej från Anna"));
        host.type("#chat-text", "Välkommen");
        host.find("[data-chat-form] button[type=submit]").click();
        until(anna, "chat back", browser -> browser.text("[data-chat]").contains("Välkommen"));
        anna.find("[data-hand]").click();
        RoomPage.openPanel(host, "participants");
        until(host, "hand", browser -> browser.text("[data-roster]").contains("Hand uppe (1)"));
        RoomPage.react(anna, "clap");
        until(
                host,
                "reaction",
                browser -> browser.find("[data-announce]")
                        .getAttribute("textContent")
                        .contains("Applåd"));

        // send back, then move into the room's other meeting
        host.find("[data-roster] li[data-participant] button[data-action=sendBack]")
                .click();
        until(anna, "back to waiting", browser -> "WAITING".equals(state(browser)));
        host.driver().switchTo().window(console);
        until(
                host,
                "Anna waits again",
                browser -> browser.all("tr[data-participant]").size() == 1);
        WebElement annaRow = consoleRow("Anna Andersson");
        new org.openqa.selenium.support.ui.Select(annaRow.findElement(By.cssSelector("select")))
                .selectByValue(second.id().toString());
        annaRow.findElement(By.cssSelector("button[data-action=move]")).click();
        until(anna, "moved, waiting for the other meeting's host", browser -> "ADMITTED".equals(state(browser)));

        // a third invitee in the second guest's browser, let in and then disconnected
        arrive(bertil, meeting.token(2), false);
        until(
                host,
                "Cecilia waits",
                browser -> browser.all("tr[data-participant]").size() == 1);
        consoleRow("Cecilia Ceder")
                .findElement(By.cssSelector("button[data-action=admit]"))
                .click();
        until(bertil, "Cecilia in", browser -> "IN_MEETING".equals(state(browser)));
        host.driver().switchTo().window(room);
        RoomPage.openPanel(host, "participants");
        until(
                host,
                "Cecilia in the roster",
                browser -> browser.text("[data-roster]").contains("Cecilia Ceder"));
        host.find("[data-roster] li[data-participant] button[data-action=remove]")
                .click();
        until(bertil, "removed", browser -> "REMOVED".equals(closed(browser)));
        assertThat(bertil.text("[data-status-text]")).contains("kopplat bort");
        bertil.driver().navigate().refresh();
        until(bertil, "still removed after reload", browser -> "REMOVED".equals(closed(browser)));

        // the second meeting: its host joins, Anna enters, and ending it closes it for all
        host.open("/meetings/" + second.id() + "/room");
        host.find("[data-join]").click();
        until(anna, "in the second meeting", browser -> "IN_MEETING".equals(state(browser)));
        RoomPage.hostEnds(host);
        until(anna, "ended", browser -> "ENDED".equals(closed(browser)));
        until(host, "ended for the host", browser -> "ENDED".equals(closed(browser)));
        assertThat(anna.text("[data-status-text]")).contains("Mötet är avslutat");
        anna.assertAccessible();
        anna.open("/m/" + second.token(0));
        assertThat(anna.text("main")).isNotBlank();
        assertThat(anna.all("[data-meeting-room]")).isEmpty();
    }
}
