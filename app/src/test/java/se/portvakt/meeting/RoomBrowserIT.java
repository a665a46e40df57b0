package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import tools.jackson.databind.JsonNode;

/**
 * The meeting room as people see it, a host at 1280x800 and a guest first at 1280x800, then on a 390x844 phone
 * upright and on its side, and last the host on the phone: the room fills the window, the host lets one guest in,
 * turns one away and moves one from inside it, each control is used and its effect is seen inside the viewport.
 * axe-core's WCAG 2.1 AA checks pass in each state, and each state is photographed under target/screenshots
 * (room-*.png). The pre-join, the waiting room and the installable app are PrejoinBrowserIT's.
 */
@IntegrationTest
@Tag("browser")
// Each fake microphone speaks in syllables (changing pitch, short pauses): a steady test tone is learnt as noise by
// the browser's suppressor, and the host then saw no speaking ring for her (3 of 4 runs on a loaded machine). The two
// voices differ in pitch and rhythm: with one file for both, Anna's page played the host's sound while her microphone
// captured the same sound, which an echo canceller may take for echo and remove ("you are muted" on the phone did not
// come in CI, while her microphone was off and the host's audio playing).
class RoomBrowserIT {

    static final Duration MEDIA = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @TempDir
    static Path dir;

    Browser host;
    Browser anna;
    Tenant tenant;
    final List<SignalingClient> sockets = new java.util.ArrayList<>();

    @BeforeEach
    void open() {
        tenant = fixtures.tenant();
        host = new Browser(port, microphone(dir.resolve("host.wav"), new int[] {523, 392, 587, 349, 466}, 310, 230));
        anna = new Browser(port, microphone(dir.resolve("anna.wav"), new int[] {220, 330, 440, 294}, 250, 200));
        for (Browser browser : List.of(host, anna)) {
            size(browser, 1280, 800, false);
            // the page's connections kept where a failure's message can read their statistics (audioStats)
            ((ChromeDriver) browser.driver())
                    .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    window.portvaktPeerConnections = [];
                    window.RTCPeerConnection = class extends window.RTCPeerConnection {
                      constructor(...settings) { super(...settings); window.portvaktPeerConnections.push(this); }
                    };"""));
        }
    }

    @AfterEach
    void close() {
        sockets.forEach(SignalingClient::close);
        List.of(host, anna).forEach(Browser::close);
    }

    @Test
    void theRoomFillsTheWindowAndEveryControlWorksOnADeskAndOnAPhone() {
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson", "Bertil Berg", "Cecilia Ceder"));
        // the same room's next meeting, where the host can move a waiting guest
        Booked next = bookings.book(plan(tenant).guests("David Dahl"));
        // the host's browser cannot share a screen (as a phone's cannot): it is offered no share button
        ((ChromeDriver) host.driver())
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument",
                        Map.of("source", "delete MediaDevices.prototype.getDisplayMedia;"));
        host.logIn(tenant.host().email(), Fixtures.PASSWORD);
        host.open("/meetings/" + meeting.id() + "/room");
        until(host, "signaling connected", b -> b.find("[data-meeting-room]").getAttribute("data-state") != null);
        host.find("[data-join]").click();
        until(host, "the host in the room", b -> "IN_MEETING".equals(MeetingBrowserIT.state(b)));

        // the room fills the window: no site header, the toolbar at the bottom, the own picture
        seen(host, "[data-in-meeting]");
        assertThat(host.find(".site-header").isDisplayed())
                .as("the site header is hidden in the room")
                .isFalse();
        assertThat(host.find("[data-join]").isDisplayed()).isFalse();
        Map<String, Object> room = rect(host, "[data-in-meeting]");
        assertThat(((Number) room.get("width")).intValue()).isEqualTo(1280);
        assertThat(((Number) room.get("height")).intValue()).isEqualTo(800);
        for (String control : List.of(
                "[data-toggle-mic]",
                "[data-toggle-camera]",
                "[data-hand]",
                "[data-panel-toggle=chat]",
                "[data-panel-toggle=participants]",
                "[data-panel-toggle=waiting]",
                "[data-blur]",
                "[data-grid]",
                "[data-lock]",
                "[data-help-open]",
                "[data-leave]",
                "[data-reactions-toggle]")) {
            seen(host, control);
            assertThat(host.find(control + " [data-label]").getText())
                    .as(control + " has a visible label")
                    .isNotBlank();
            assertThat(host.find(control + " svg").isDisplayed())
                    .as(control + " has an icon")
                    .isTrue();
        }
        assertThat(host.find("[data-more]").isDisplayed())
                .as("no 'more' menu on a desk")
                .isFalse();
        assertThat(host.find("[data-share-screen]").isDisplayed())
                .as("no screen sharing offered without getDisplayMedia")
                .isFalse();
        until(
                host,
                "the own picture",
                b -> isSeen(b, "[data-self-view] video") && videoPlays(b, "[data-self-view] video"));

        // three arrive (Anna in her browser, Bertil and Cecilia by their sockets alone): the host sees them waiting
        // without leaving the room, lets Anna in, turns Bertil away with a word and moves Cecilia, all from its panel
        MeetingBrowserIT.arrive(anna, meeting.token(0), false);
        SignalingClient bertil = guestSocket(meeting, 1);
        SignalingClient cecilia = guestSocket(meeting, 2);
        until(
                host,
                "three waiting on the button",
                b -> b.find("[data-waiting-count]").getText().startsWith("3"));
        RoomPage.openPanel(host, "waiting");
        until(
                host,
                "the three in the waiting panel",
                b -> b.text("[data-room-waiting]").contains("Anna Andersson")
                        && b.text("[data-room-waiting]").contains("Bertil Berg")
                        && b.text("[data-room-waiting]").contains("Cecilia Ceder"));
        seen(host, waitingRow("Anna Andersson") + " button[data-action=admit]");
        seen(host, waitingRow("Anna Andersson") + " button[data-action=deny]");
        seen(host, waitingRow("Anna Andersson") + " button[data-action=move]");
        seen(host, "[data-room-admit-all]");
        shoot(host, "host-waiting", "desktop");
        accessible(host);
        click(host, waitingRow("Anna Andersson") + " button[data-action=admit]");
        until(anna, "Anna in the meeting", b -> "IN_MEETING".equals(MeetingBrowserIT.state(b)));
        until(host, "two still waiting", b -> b.all("[data-room-waiting] li").size() == 2);

        type(host, waitingRow("Bertil Berg") + " input", "Fel tid, välkommen i morgon.");
        click(host, waitingRow("Bertil Berg") + " button[data-action=deny]");
        until(host, "Bertil turned away", b -> !b.text("[data-room-waiting]").contains("Bertil Berg"));
        JsonNode denied = bertil.await("closed");
        assertThat(denied.path("reason").asString()).isEqualTo("DENIED");
        assertThat(denied.path("message").asString()).isEqualTo("Fel tid, välkommen i morgon.");

        seen(host, waitingRow("Cecilia Ceder") + " select");
        String cecilias = waitingRow("Cecilia Ceder");
        until(host, "Cecilia moved to the next meeting", b -> {
            new Select(b.find(cecilias + " select")).selectByValue(next.id().toString());
            b.find(cecilias + " button[data-action=move]").click();
            return true;
        });
        until(host, "nobody waits", b -> b.find("[data-waiting-count]").getAttribute("hidden") != null);
        seen(host, "[data-waiting-empty]");
        assertThat(cecilia.await(
                                "state",
                                state -> "ADMITTED"
                                        .equals(state.path("yourState").asString()))
                        .path("meeting")
                        .path("id")
                        .asString())
                .as("Cecilia let into the next meeting, where its host has yet to come")
                .isEqualTo(next.id().toString());

        // each sees the other large on the stage, with a name, and the host sees Anna's identity
        until(
                anna,
                "the host's camera on the stage",
                b -> isSeen(b, "[data-stage] [data-tile][data-source=camera] video")
                        && videoPlays(b, "[data-stage] video"));
        until(
                host,
                "Anna's camera on the stage",
                b -> isSeen(b, "[data-stage] [data-tile][data-source=camera] video")
                        && videoPlays(b, "[data-stage] video"));
        assertThat(host.text("[data-stage] [data-name]")).isEqualTo("Anna Andersson");
        seen(host, "[data-stage] [data-identity]");
        assertThat(host.text("[data-stage] [data-identity]")).contains("din personliga länk");
        assertThat(anna.all("[data-stage] [data-identity]:not([hidden])"))
                .as("guests see no identity lines")
                .isEmpty();
        until(
                host,
                "Anna's connection quality",
                b -> isSeen(b, "[data-stage] [data-quality]")
                        && b.find("[data-stage] [data-quality]")
                                .getAttribute("aria-label")
                                .startsWith("Anslutning:"));
        try {
            until(
                    host,
                    "Anna speaking (her tone): the ring",
                    b -> !b.all("[data-stage] [data-tile][data-speaking]").isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; Anna's audio sent: " + audioStats(anna, "outbound-rtp")
                            + ", the host's received: " + audioStats(host, "inbound-rtp"),
                    e);
        }
        shoot(anna, "guest-stage", "desktop");
        accessible(anna);
        shoot(host, "host-stage", "desktop");

        // M mutes: the others see the mark, and Anna, still talking, is told she is muted
        key(anna, "m");
        until(
                anna,
                "microphone off",
                b -> "false".equals(b.find("[data-toggle-mic]").getAttribute("aria-pressed")));
        until(host, "Anna's muted mark", b -> isSeen(b, "[data-stage] [data-muted]"));
        toldMuted("'you are muted'");
        shoot(anna, "guest-muted", "desktop");
        accessible(anna);
        key(anna, "m");
        until(
                anna,
                "microphone on again, the notice gone",
                b -> "true".equals(b.find("[data-toggle-mic]").getAttribute("aria-pressed"))
                        && !b.find("[data-room-notice]").isDisplayed());

        // V turns the camera off and on; H raises the hand, which the host sees on the tile
        key(anna, "v");
        until(
                host,
                "Anna's camera off on her tile",
                b -> b.find("[data-stage] [data-tile]").getAttribute("class").contains("camera-off"));
        key(anna, "v");
        until(
                anna,
                "camera on again",
                b -> "true".equals(b.find("[data-toggle-camera]").getAttribute("aria-pressed")));
        key(anna, "h");
        until(host, "Anna's hand on her tile", b -> isSeen(b, "[data-stage] [data-hand-mark]"));

        // C opens the chat; the host's chat button counts the unread line
        key(anna, "c");
        seen(anna, "[data-panel=chat]");
        until(
                anna,
                "typing in the chat",
                b -> "chat-text".equals(b.driver().switchTo().activeElement().getAttribute("id")));
        anna.driver().switchTo().activeElement().sendKeys("Hej från Anna", Keys.ENTER);
        until(
                host,
                "one unread",
                b -> isSeen(b, "[data-unread]") && b.text("[data-unread]").startsWith("1"));
        shoot(host, "host-unread", "desktop");
        RoomPage.openPanel(host, "chat");
        until(
                host,
                "the line, and nothing unread",
                b -> b.text("[data-chat]").contains("Hej från Anna")
                        && !b.find("[data-unread]").isDisplayed());
        shoot(anna, "guest-chat", "desktop");
        accessible(anna);
        accessible(host);

        // a reaction is shown over the videos; ? opens the shortcuts
        // a toast stays 5 s; on a loaded machine a poll may miss it, so every toast shown is recorded as it appears
        ((JavascriptExecutor) host.driver()).executeScript("""
                window.shownToasts = [];
                new MutationObserver(() => document.querySelectorAll('[data-toasts] li').forEach(li => {
                  if (li.checkVisibility() && !window.shownToasts.includes(li.textContent)) window.shownToasts.push(li.textContent);
                })).observe(document.querySelector('[data-toasts]'), { childList: true, subtree: true });""");
        RoomPage.react(anna, "heart");
        until(
                host,
                "Anna's heart",
                b -> String.valueOf(
                                ((JavascriptExecutor) b.driver()).executeScript("return window.shownToasts.join('|')"))
                        .contains("Hjärta"));
        key(anna, "?");
        seen(anna, "[data-help-dialog]");
        assertThat(anna.text("[data-help-dialog]")).contains("M", "V", "H", "C", "?");
        shoot(anna, "guest-shortcuts", "desktop");
        accessible(anna);
        anna.find("[data-help-dialog] [data-dialog-close]").click();
        until(anna, "the shortcuts closed", b -> !b.find("[data-help-dialog]").isDisplayed());

        // the participants panel: both, with the host's actions on Anna
        RoomPage.openPanel(host, "participants");
        until(host, "two in the roster", b -> b.all("[data-roster] li").size() == 2);
        seen(host, "[data-roster] button[data-action=mute]");
        shoot(host, "host-participants", "desktop");
        accessible(host);

        // Anna shares her screen: it takes the stage; the host pins Anna's camera over it, then unpins
        seen(anna, "[data-share-screen]");
        anna.find("[data-share-screen]").click();
        until(
                host,
                "Anna's screen on the stage",
                b -> isSeen(b, "[data-stage] [data-source=screen] video") && videoPlays(b, "[data-stage] video"));
        shoot(host, "host-screen", "desktop");
        accessible(host);
        shoot(anna, "guest-sharing", "desktop");
        accessible(anna);
        WebElement pin = host.find("[data-tiles] [data-tile][data-source=camera] [data-pin]");
        seen(host, "[data-tiles] [data-tile][data-source=camera] [data-pin]");
        pin.click();
        until(
                host,
                "Anna's camera pinned to the stage",
                b -> isSeen(b, "[data-stage] [data-source=camera] video")
                        && "true".equals(b.find("[data-stage] [data-pin]").getAttribute("aria-pressed")));
        host.find("[data-stage] [data-pin]").click();
        until(host, "the screen back on the stage", b -> isSeen(b, "[data-stage] [data-source=screen] video"));
        anna.find("[data-share-screen]").click();
        until(host, "the share over", b -> b.all("[data-source=screen]").isEmpty());

        // the grid: no stage, the tiles sized to the window
        host.find("[data-grid]").click();
        until(
                host,
                "the grid",
                b -> !b.find("[data-stage]").isDisplayed()
                        && b.all("[data-tiles] .tile").size() == 2);
        until(
                host,
                "large tiles",
                b -> ((Number) rect(b, "[data-tiles] [data-tile]").get("width")).intValue() > 300);
        seen(host, "[data-tiles] [data-tile] video");
        shoot(host, "host-grid", "desktop");
        host.find("[data-grid]").click();

        // the host's leave asks: leave, or end for everyone
        host.find("[data-leave]").click();
        seen(host, "[data-leave-dialog] [data-leave-only]");
        seen(host, "[data-leave-dialog] [data-end]");
        shoot(host, "host-leave", "desktop");
        accessible(host);
        host.find("[data-leave-dialog] [data-dialog-close]").click();
        until(host, "still in", b -> !b.find("[data-leave-dialog]").isDisplayed() && isSeen(b, "[data-leave]"));

        reconnects("desktop");

        // the desk's chat panel is put away before the phone: a sheet over the phone's videos is not its start
        anna.find("[data-panel=chat] [data-panel-close]").click();
        until(anna, "the chat closed", b -> !b.find("[data-panel=chat]").isDisplayed());
        phone(meeting);
        hostOnAPhone();
    }

    /** Anna's connection drops and cannot come back at once: the room says so, then reconnects by itself. */
    void reconnects(String size) {
        MeetingMediaIT.script(anna, """
                window.realWebSocket = window.WebSocket;
                window.WebSocket = function () { return new window.realWebSocket('ws://' + location.host + '/no-socket-here'); };
                window.portvaktRoom.drop();""");
        until(
                anna,
                "'reconnecting'",
                b -> isSeen(b, "[data-room-notice]")
                        && b.text("[data-room-notice]").contains("Ansluter igen"));
        shoot(anna, "guest-reconnecting", size);
        accessible(anna);
        MeetingMediaIT.script(anna, "window.WebSocket = window.realWebSocket;");
        until(
                anna,
                "connected again",
                b -> "up".equals(b.find("[data-meeting-room]").getAttribute("data-connection"))
                        && !b.find("[data-room-notice]").isDisplayed());
        until(
                anna,
                "the host's camera back on the stage",
                b -> isSeen(b, "[data-stage] video") && videoPlays(b, "[data-stage] video"));
    }

    /** Anna, talking with her microphone off, is told so; a failure says what her microphone's level was. */
    void toldMuted(String what) {
        try {
            until(
                    anna,
                    what,
                    b -> isSeen(b, "[data-room-notice]")
                            && b.text("[data-room-notice]").contains("Din mikrofon är av"));
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; Anna's microphone (media-source level): " + audioStats(anna, "media-source"),
                    e);
        }
    }

    SignalingClient guestSocket(Booked meeting, int invitee) {
        SignalingClient socket = SignalingClient.open(
                new HttpVisitor(port).arrive(meeting.token(invitee), false), "invitee=" + meeting.invitee(invitee));
        sockets.add(socket);
        return socket;
    }

    /** The waiting panel's row of the guest with this name, as a selector. */
    String waitingRow(String name) {
        String[] participant = new String[1];
        until(host, name + " in the waiting panel", b -> {
            participant[0] = b.all("[data-room-waiting] li").stream()
                    .filter(row -> row.getText().contains(name))
                    .map(row -> row.getAttribute("data-participant"))
                    .findFirst()
                    .orElse(null);
            return participant[0] != null;
        });
        return "[data-room-waiting] li[data-participant='" + participant[0] + "']";
    }

    /** Anna's browser as a phone, upright and then on its side. */
    void phone(Booked meeting) {
        for (boolean landscape : List.of(false, true)) {
            String size = landscape ? "phone-landscape" : "phone";
            size(anna, landscape ? 844 : 390, landscape ? 390 : 844, true);
            until(
                    anna,
                    "the room at " + size,
                    b -> ((Number) rect(b, "[data-in-meeting]").get("width")).intValue() == (landscape ? 844 : 390));
            // five actions and "more" at the bottom, the rest in the menu
            for (String control : List.of(
                    "[data-toggle-mic]",
                    "[data-toggle-camera]",
                    "[data-hand]",
                    "[data-panel-toggle=chat]",
                    "[data-leave]",
                    "[data-more]")) {
                seen(anna, control);
            }
            assertThat(anna.find("[data-panel-toggle=participants]").isDisplayed())
                    .isFalse();
            until(anna, "the host's camera on the stage", b -> isSeen(b, "[data-stage] video"));
            seen(anna, "[data-self-view]");
            shoot(anna, "guest-stage", size);
            accessible(anna);

            anna.find("[data-more]").click();
            seen(anna, "[data-more-menu] [data-panel-toggle=participants]");
            seen(anna, "[data-more-menu] [data-grid]");
            seen(anna, "[data-more-menu] [data-share-screen]");
            seen(anna, "[data-more-menu] [data-help-open]");
            shoot(anna, "guest-more", size);
            accessible(anna);
            anna.find("[data-more]").click();
            until(
                    anna,
                    "the menu closed",
                    b -> !b.find("[data-panel-toggle=participants]").isDisplayed());

            RoomPage.openPanel(anna, "participants");
            seen(anna, "[data-panel=participants] [data-roster] li");
            seen(anna, "[data-panel=participants] [data-panel-close]");
            // a sheet: upright from the bottom across the whole width, on its side from the right over the height
            Map<String, Object> sheet = rect(anna, "[data-panel=participants]");
            if (landscape) {
                assertThat(((Number) sheet.get("right")).intValue()).isEqualTo(844);
                assertThat(((Number) sheet.get("top")).intValue()).isZero();
            } else {
                assertThat(((Number) sheet.get("width")).intValue()).isEqualTo(390);
                assertThat(((Number) sheet.get("bottom")).intValue())
                        .as("the sheet rises from the toolbar")
                        .isEqualTo(((Number) rect(anna, ".toolbar").get("top")).intValue());
            }
            shoot(anna, "guest-participants", size);
            accessible(anna);
            RoomPage.openPanel(anna, "chat");
            seen(anna, "#chat-text");
            seen(anna, "[data-chat-form] button[type=submit]");
            shoot(anna, "guest-chat", size);
            accessible(anna);
            anna.find("[data-panel=chat] [data-panel-close]").click();
            until(anna, "the sheet closed", b -> !b.find("[data-panel=chat]").isDisplayed());

            anna.find("[data-toggle-mic]").click();
            until(
                    anna,
                    "microphone off on the phone",
                    b -> "false".equals(b.find("[data-toggle-mic]").getAttribute("aria-pressed")));
            toldMuted("'you are muted' on the phone");
            shoot(anna, "guest-muted", size);
            accessible(anna);
            anna.find("[data-toggle-mic]").click();
            until(
                    anna,
                    "unmuted",
                    b -> "true".equals(b.find("[data-toggle-mic]").getAttribute("aria-pressed")));
            if (!landscape) {
                reconnects(size);
            }
        }
    }

    /**
     * The host's browser as a phone: the host's own buttons in the "more" menu, the waiting guests as a sheet, and
     * the leave dialog, where the host ends the meeting for everyone.
     */
    void hostOnAPhone() {
        // the desk's participants panel is put away first: a sheet over the phone's videos is not its start
        host.find("[data-panel=participants] [data-panel-close]").click();
        until(
                host,
                "the participants closed",
                b -> !b.find("[data-panel=participants]").isDisplayed());
        size(host, 390, 844, true);
        until(
                host,
                "the host's room on the phone",
                b -> ((Number) rect(b, "[data-in-meeting]").get("width")).intValue() == 390);
        until(host, "Anna on the stage", b -> isSeen(b, "[data-stage] video"));

        // Anna back at her desk shares her screen (the host's phone cannot): on the phone it takes the stage
        size(anna, 1280, 800, false);
        until(
                anna,
                "Anna at her desk",
                b -> ((Number) rect(b, "[data-in-meeting]").get("width")).intValue() == 1280);
        seen(anna, "[data-share-screen]");
        anna.find("[data-share-screen]").click();
        until(
                host,
                "Anna's screen on the phone's stage",
                b -> isSeen(b, "[data-stage] [data-source=screen] video") && videoPlays(b, "[data-stage] video"));
        seen(host, "[data-stage] [data-name]");
        assertThat(host.text("[data-stage] [data-name]")).contains("Anna Andersson");
        seen(host, "[data-tiles] [data-tile][data-source=camera]");
        shoot(host, "host-screen", "phone");
        accessible(host);
        anna.find("[data-share-screen]").click();
        until(
                host,
                "the share over on the phone",
                b -> b.all("[data-source=screen]").isEmpty());
        size(anna, 844, 390, true);
        until(
                anna,
                "Anna's phone again",
                b -> ((Number) rect(b, "[data-in-meeting]").get("width")).intValue() == 844);

        host.find("[data-more]").click();
        seen(host, "[data-more-menu] [data-panel-toggle=waiting]");
        seen(host, "[data-more-menu] [data-lock]");
        assertThat(host.find("[data-more-menu] [data-share-screen]").isDisplayed())
                .as("still no screen sharing without getDisplayMedia")
                .isFalse();
        shoot(host, "host-more", "phone");
        accessible(host);
        host.find("[data-more-menu] [data-panel-toggle=waiting]").click();
        seen(host, "[data-panel=waiting] [data-waiting-empty]");
        seen(host, "[data-panel=waiting] [data-panel-close]");
        shoot(host, "host-waiting", "phone");
        accessible(host);
        host.find("[data-panel=waiting] [data-panel-close]").click();
        until(host, "the sheet closed", b -> !b.find("[data-panel=waiting]").isDisplayed());

        host.find("[data-leave]").click();
        seen(host, "[data-leave-dialog] [data-leave-only]");
        seen(host, "[data-leave-dialog] [data-end]");
        shoot(host, "host-leave", "phone");
        accessible(host);
        host.find("[data-leave-dialog] [data-end]").click();
        until(anna, "the meeting ended for Anna", b -> "ENDED".equals(MeetingBrowserIT.closed(b)));
        until(host, "and for the host", b -> "ENDED".equals(MeetingBrowserIT.closed(b)));
        seen(anna, "[data-status-text]");
        assertThat(anna.text("[data-status-text]")).contains("Mötet är avslutat");
        // the page around the room is back, with the embedded default's banner telling the truth: the tests'
        // context sets spring.mail.host, so mail really goes out
        seen(anna, ".embedded-banner");
        assertThat(anna.text(".embedded-banner"))
                .contains("e-post skickas på riktigt")
                .doesNotContain("inga e-post");
        shoot(anna, "guest-ended", "phone-landscape");
        accessible(anna);
    }

    // --- what a person sees

    static void until(Browser browser, String what, java.util.function.Predicate<Browser> condition) {
        try {
            new WebDriverWait(browser.driver(), MEDIA)
                    .withMessage(what)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(driver -> condition.test(browser));
        } catch (org.openqa.selenium.TimeoutException e) {
            // what the page looked like when the wait gave up, for whoever reads the failure
            UninvitedBrowserIT.screenshot(browser, "room-failed.png");
            throw new AssertionError(
                    what + " did not come; the room (state, notices, notice text, microphone, remote audio players): "
                            + MeetingMediaIT.script(
                                    browser,
                                    "const q = (css) => document.querySelector(css);"
                                            + " return JSON.stringify([q('[data-meeting-room]')?.dataset,"
                                            + " q('[data-in-meeting]')?.dataset, q('[data-room-notice]')?.textContent,"
                                            + " q('[data-toggle-mic]')?.getAttribute('aria-pressed'),"
                                            + " [...document.querySelectorAll('[data-remote-audio] audio')]"
                                            + ".map(a => a.paused ? 'paused' : 'playing')]);"),
                    e);
        }
    }

    /** Chromium's flag for a fake microphone that speaks in {@link #syllables}. */
    static String microphone(Path file, int[] pitches, int syllableMs, int voicedMs) {
        return "--use-file-for-fake-audio-capture=" + syllables(file, pitches, syllableMs, voicedMs);
    }

    /**
     * Five seconds of speech-like sound, 48 kHz mono 16-bit PCM (Chromium loops it): syllables of {@code voicedMs},
     * one every {@code syllableMs}, each at the next of the given pitches, the rest of each syllable silent.
     */
    static String syllables(Path file, int[] pitches, int syllableMs, int voicedMs) {
        int rate = 48_000;
        int samples = rate * 5;
        java.nio.ByteBuffer wav =
                java.nio.ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(rate * 2);
        wav.putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(samples * 2);
        int syllable = rate * syllableMs / 1000;
        int voiced = rate * voicedMs / 1000;
        int ramp = rate / 100;
        for (int i = 0; i < samples; i++) {
            int at = i % syllable;
            double envelope = at >= voiced ? 0 : Math.min(1, Math.min(at, voiced - at) / (double) ramp);
            int pitch = pitches[(i / syllable) % pitches.length];
            wav.putShort((short) (Math.sin(2 * Math.PI * pitch * i / rate) * 12_000 * envelope));
        }
        try {
            java.nio.file.Files.write(file, wav.array());
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The audio RTP statistics of the given type (bytes, level) from the room's test hook, for a failure's message. */
    static Object audioStats(Browser browser, String type) {
        return ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const pcs = window.portvaktPeerConnections || [];
                Promise.all(pcs.map(pc => pc.getStats())).then(all => done(JSON.stringify(all.flatMap(r => [...r.values()])
                    .filter(s => s.kind === 'audio' && (s.type === '%s' || s.type === 'media-source'))
                    .map(s => ({type: s.type, bytes: s.bytesSent ?? s.bytesReceived, level: s.audioLevel}))))).catch(e => done(String(e)));""".formatted(type));
    }

    /** Waits until the element is seen: displayed, inside the viewport, and not covered at its centre. */
    static void seen(Browser browser, String css) {
        until(browser, css + " seen inside the window", b -> isSeen(b, css));
    }

    static boolean isSeen(Browser browser, String css) {
        return Boolean.TRUE.equals(MeetingMediaIT.script(browser, """
                const element = document.querySelector('%s');
                if (!element) return false;
                const box = element.getBoundingClientRect();
                if (box.width < 1 || box.height < 1) return false;
                if (box.left < 0 || box.top < 0 || box.right > window.innerWidth + 0.5 || box.bottom > window.innerHeight + 0.5) return false;
                const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                return hit !== null && (element === hit || element.contains(hit) || hit.contains(element));""".formatted(css.replace("'", "\\'"))));
    }

    static boolean videoPlays(Browser browser, String css) {
        return Boolean.TRUE.equals(MeetingMediaIT.script(
                browser,
                "const v = document.querySelector('%s'); return v !== null && v.videoWidth > 0 && !v.paused;"
                        .formatted(css.replace("'", "\\'"))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> rect(Browser browser, String css) {
        return (Map<String, Object>) MeetingMediaIT.script(browser, """
                const b = document.querySelector('%s').getBoundingClientRect();
                return {width: Math.round(b.width), height: Math.round(b.height), top: Math.round(b.top),
                        right: Math.round(b.right), bottom: Math.round(b.bottom)};""".formatted(css.replace("'", "\\'")));
    }

    /**
     * Clicks what the selector finds; the waiting panel redraws its rows on every change in the lobby, so a row found
     * a moment before may be gone: found again until the click lands.
     */
    static void click(Browser browser, String css) {
        until(browser, "a click on " + css, b -> {
            b.find(css).click();
            return true;
        });
    }

    /** Types into the field, found again if the panel redrew it meanwhile (its draft survives a redraw). */
    static void type(Browser browser, String css, String text) {
        until(browser, "typing into " + css, b -> {
            WebElement field = b.find(css);
            field.clear();
            field.sendKeys(text);
            return text.equals(b.find(css).getDomProperty("value"));
        });
    }

    /** Presses a key on the page (not in a field): the room's shortcuts. */
    static void key(Browser browser, String key) {
        MeetingMediaIT.script(browser, "if (document.activeElement) document.activeElement.blur();");
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    /** The viewport's size, as a desk browser's window or a phone's screen (touch, upright or on its side). */
    static void size(Browser browser, int width, int height, boolean phone) {
        ChromeDriver driver = (ChromeDriver) browser.driver();
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        width,
                        "height",
                        height,
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        phone,
                        "screenOrientation",
                        Map.of(
                                "type",
                                width > height ? "landscapePrimary" : "portraitPrimary",
                                "angle",
                                width > height ? 90 : 0)));
    }

    /**
     * axe-core's WCAG 2.1 AA checks; on a heavily loaded machine axe's own calls into the page can time out before
     * it has a result, so such a timeout (never a violation) is tried again, in the room's own window.
     */
    static void accessible(Browser browser) {
        String room = browser.driver().getWindowHandle();
        for (int attempt = 1; ; attempt++) {
            try {
                browser.assertAccessible();
                return;
            } catch (RuntimeException e) {
                // axe finishes its run in a blank window of its own; a timeout leaves that open and in front
                for (String window : browser.driver().getWindowHandles()) {
                    if (!window.equals(room)) {
                        browser.driver().switchTo().window(window).close();
                    }
                }
                browser.driver().switchTo().window(room);
                boolean slowRenderer =
                        String.valueOf(e.getMessage()).contains("Timed out receiving message from renderer")
                                || (e.getCause() != null
                                        && String.valueOf(e.getCause().getMessage())
                                                .contains("Timed out receiving message from renderer"));
                if (!slowRenderer || attempt == 4) {
                    throw e;
                }
            }
        }
    }

    static void shoot(Browser browser, String state, String size) {
        UninvitedBrowserIT.screenshot(browser, "room-" + state + "-" + size + ".png");
    }
}
