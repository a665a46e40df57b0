package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
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

/**
 * The way into a meeting as a person sees it, on a 1280x800 laptop and a 390x844 phone, in headless Chromium with
 * a fake camera and a steady tone as the microphone: the guest's and the host's pre-join (preview, switches, device
 * and speaker lists, the live level, the test sound, help and "try again" when the browser refuses), the waiting
 * room before and at admission, leaving it, and the installable app's shell. Every control is driven and what it
 * shows is asserted inside the viewport; every page and state passes axe-core's WCAG 2.1 AA checks and leaves a
 * screenshot under target/screenshots.
 */
@IntegrationTest
@Tag("browser")
class PrejoinBrowserIT {

    enum Size {
        LAPTOP(1280, 800, false),
        PHONE(390, 844, true);

        final int width;
        final int height;
        final boolean mobile;

        Size(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    private static final Duration MEDIA = Duration.ofSeconds(45);

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @TempDir
    Path dir;

    Tenant tenant;
    final List<Browser> browsers = new ArrayList<>();

    @BeforeEach
    void tenant() {
        tenant = fixtures.tenant();
    }

    @AfterEach
    void close() {
        browsers.forEach(Browser::close);
    }

    void dispose(Browser browser) {
        browsers.remove(browser);
        browser.close();
    }

    Browser browser(Size size) {
        Browser browser =
                new Browser(port, "--use-file-for-fake-audio-capture=" + MeetingMediaIT.tone(dir.resolve("tone.wav")));
        browsers.add(browser);
        // the exact viewport of the device, with a phone's meta viewport and touch
        ((ChromeDriver) browser.driver())
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of(
                                "width",
                                size.width,
                                "height",
                                size.height,
                                "deviceScaleFactor",
                                1,
                                "mobile",
                                size.mobile));
        return browser;
    }

    @ParameterizedTest
    @EnumSource(Size.class)
    void aGuestChecksCameraMicrophoneAndSpeakerAndJoinsWithoutScrolling(Size size) throws Exception {
        Booked meeting = bookings.book(plan(tenant).confidential(true).guests("Anna Andersson"));
        Browser anna = browser(size);
        anna.open("/m/" + meeting.token(0));
        String join = "button[name=anonymous][value=false]";

        previewPlays(anna);
        assertThat(js(anna, "return window.innerWidth + 'x' + window.innerHeight"))
                .isEqualTo(size.width + "x" + size.height);
        assertOnScreen(anna, join);
        assertOnScreen(anna, "button[name=anonymous][value=true]");
        assertOnScreen(anna, "[data-prejoin-preview]");
        assertOnScreen(anna, "[data-prejoin-level]");
        levelMoves(anna);
        screenshot(anna, "prejoin-guest", size);
        anna.assertAccessible();

        checkEveryControl(anna, size, "guest");
        deniedThenTryAgain(anna, size, "guest");

        anna.find(join).click();
        until(anna, "waiting room", browser -> "WAITING".equals(state(browser)));
    }

    /** Camera and microphone switches, the device lists, the speaker where the browser can choose one, the test sound. */
    void checkEveryControl(Browser page, Size size, String who) {
        // the camera off: the picture goes, and the page says so over the preview
        click(page, "label[for=prejoin-camera]");
        until(page, "camera off", browser -> (Boolean) js(browser, """
                const v = document.querySelector('[data-prejoin-preview]');
                return v.srcObject !== null && v.srcObject.getVideoTracks().length === 0;"""));
        assertOnScreen(page, "[data-prejoin-camera-off]");
        assertThat(page.text("[data-prejoin-camera-off]")).isEqualTo("Kameran är av");
        assertThat(page.find("#prejoin-camera").isSelected()).isFalse();
        screenshot(page, "prejoin-" + who + "-camera-off", size);
        page.assertAccessible();
        click(page, "label[for=prejoin-camera]");
        previewPlays(page);
        assertThat(page.find("[data-prejoin-camera-off]").isDisplayed()).isFalse();

        // the microphone off: the meter falls to nothing and stays there
        click(page, "label[for=prejoin-microphone]");
        until(
                page,
                "meter at zero",
                browser -> "0".equals(browser.find("[data-prejoin-level]").getAttribute("aria-valuenow")));
        assertThat(page.find("[data-prejoin-level]").getAttribute("data-off")).isNotNull();
        click(page, "label[for=prejoin-microphone]");
        levelMoves(page);

        // another microphone from the list: the preview's sound comes from it
        Select microphones = new Select(page.find("#prejoin-microphone-device"));
        assertThat(microphones.getOptions()).isNotEmpty();
        assertThat(new Select(page.find("#prejoin-camera-device")).getOptions()).isNotEmpty();
        String other = microphones
                .getOptions()
                .get(microphones.getOptions().size() - 1)
                .getAttribute("value");
        microphones.selectByValue(other);
        until(page, "the chosen microphone in use", browser -> other.equals(js(browser, """
                const v = document.querySelector('[data-prejoin-preview]');
                const track = v.srcObject && v.srcObject.getAudioTracks()[0];
                return track ? track.getSettings().deviceId : null;""")));
        levelMoves(page);

        // the speaker: offered exactly where the browser can send sound to a chosen one
        boolean canChoose = (Boolean) js(page, "return 'setSinkId' in HTMLMediaElement.prototype");
        long outputs = (Long) js(
                page,
                "return navigator.mediaDevices.enumerateDevices()"
                        + ".then(d => d.filter(x => x.kind === 'audiooutput' && x.deviceId !== '').length)");
        boolean offered = page.find("[data-prejoin-speaker-field]").isDisplayed();
        assertThat(offered).isEqualTo(canChoose && outputs > 0);
        if (offered) {
            Select speakers = new Select(page.find("#prejoin-speaker-device"));
            String speaker =
                    speakers.getOptions().get(speakers.getOptions().size() - 1).getAttribute("value");
            speakers.selectByValue(speaker);
            until(
                    page,
                    "the speaker kept for the meeting",
                    browser -> speaker.equals(
                            js(browser, "return JSON.parse(sessionStorage.getItem('portvakt.media')).speakerId")));
        }

        // the test sound: a chime is made (two notes), the button says so while it plays and comes back
        countTones(page);
        String label = page.text("[data-prejoin-test-sound]");
        click(page, "[data-prejoin-test-sound]");
        until(page, "two notes", browser -> ((Number) js(browser, "return window.tonesMade")).intValue() >= 2);
        until(page, "the button back", browser -> label.equals(browser.text("[data-prejoin-test-sound]")));
    }

    @ParameterizedTest
    @EnumSource(Size.class)
    void theHostIsToldWhatToDoWhenTheBrowserRefusesCameraAndMicrophone(Size size) throws Exception {
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson"));
        Browser room = browser(size);
        room.logIn(tenant.host().email(), Fixtures.PASSWORD);
        room.open("/meetings/" + meeting.id() + "/room");
        previewPlays(room);

        deniedThenTryAgain(room, size, "host");
        assertOnScreenAfterScroll(room, "[data-join]");
        levelMoves(room);
    }

    /** The browser refuses: the page says what to do in this browser (Chrome here), and "try again" works. */
    void deniedThenTryAgain(Browser page, Size size, String who) throws java.net.URISyntaxException {
        ChromeDriver chrome = (ChromeDriver) page.driver();
        Object script = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.refuse = true;
                const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
                navigator.mediaDevices.getUserMedia = (wanted) => window.refuse
                    ? Promise.reject(new DOMException('Permission denied', 'NotAllowedError')) : real(wanted);"""))
                .get("identifier");
        // opened afresh, as from the invitation's link (a reload would put back the scroll position of before)
        page.open(new java.net.URI(page.driver().getCurrentUrl()).getPath());
        until(
                page,
                "refused",
                browser -> "denied".equals(browser.find("[data-prejoin]").getAttribute("data-state")));
        assertOnScreen(page, "[data-prejoin-help-text]");
        assertOnScreen(page, "[data-prejoin-retry]");
        assertThat(page.text("[data-prejoin-status]")).contains("får inte använda kameran");
        assertThat(page.text("[data-prejoin-help-text]"))
                .startsWith("I Chrome:")
                .contains("Försök igen");
        screenshot(page, "prejoin-" + who + "-denied", size);
        page.assertAccessible();

        js(page, "window.refuse = false");
        click(page, "[data-prejoin-retry]");
        previewPlays(page);
        assertThat(page.find("[data-prejoin-help]").isDisplayed()).isFalse();
        chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
    }

    @ParameterizedTest
    @EnumSource(Size.class)
    void aGuestWaitsSeesAndHearsThemselfIsLetInAndTheHostChecksBeforeJoining(Size size) {
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson", "Bertil Berg"));
        Browser anna = browser(size);
        MeetingBrowserIT.arrive(anna, meeting.token(0), false);

        // before admission: who, when, the own picture and sound, what happens next, a way out
        assertThat(anna.text("h1")).isEqualTo(meeting.meeting().title());
        assertThat(anna.text(".waiting-facts")).contains(meeting.meeting().hostName(), "Tid", "Värd");
        previewPlays(anna);
        levelMoves(anna);
        assertOnScreen(anna, "[data-status-text]");
        assertOnScreen(anna, "h1");
        scrollTo(anna, "[data-waiting-leave]");
        assertOnScreen(anna, "[data-waiting-leave]");
        assertOnScreen(anna, "[data-prejoin-level]");
        scrollTo(anna, ".waiting-next");
        assertOnScreen(anna, ".waiting-next");
        assertThat(anna.text(".waiting-next")).contains("ljudsignal", "blir grön");
        scrollTo(anna, "h1");
        screenshot(anna, "waiting-before", size);
        anna.assertAccessible();
        click(anna, "label[for=prejoin-camera]");
        until(
                anna,
                "own camera off while waiting",
                browser -> browser.find("[data-prejoin-camera-off]").isDisplayed());
        click(anna, "label[for=prejoin-camera]");
        previewPlays(anna);

        // the host lets her in from the console: she hears it and the status box turns green
        Browser host = browser(Size.LAPTOP);
        host.logIn(tenant.host().email(), Fixtures.PASSWORD);
        host.open("/console");
        until(host, "Anna waits", browser -> browser.all("tr[data-participant]").size() == 1);
        countTones(anna);
        String before =
                (String) js(anna, "return getComputedStyle(document.querySelector('[data-status]')).backgroundColor");
        host.find("tr[data-participant] button[data-action=admit]").click();
        until(anna, "admitted", browser -> "ADMITTED".equals(state(browser)));
        until(anna, "a chime", browser -> ((Number) js(browser, "return window.tonesMade")).intValue() >= 2);
        scrollTo(anna, "h1");
        assertOnScreen(anna, "[data-status][data-admitted]");
        assertThat(anna.text("[data-status-text]")).contains("Du är insläppt");
        assertThat(js(anna, "return getComputedStyle(document.querySelector('[data-status]')).backgroundColor"))
                .isNotEqualTo(before)
                .isEqualTo("rgb(227, 244, 232)");
        screenshot(anna, "waiting-admitted", size);
        anna.assertAccessible();

        // the host's own pre-join in the room, then in: the guest's waiting room and both checks step aside
        Browser room = browser(size);
        room.logIn(tenant.host().email(), Fixtures.PASSWORD);
        room.open("/meetings/" + meeting.id() + "/room");
        previewPlays(room);
        assertOnScreen(room, "[data-join]");
        screenshot(room, "prejoin-host", size);
        // under the whole staff menu a phone shows the top of the preview; the join button stays pinned below
        scrollTo(room, "[data-prejoin-level]");
        assertOnScreen(room, "[data-prejoin-preview]");
        assertOnScreen(room, "[data-prejoin-level]");
        assertOnScreen(room, "[data-join]");
        levelMoves(room);
        screenshot(room, "prejoin-host-scrolled", size);
        room.assertAccessible();
        checkEveryControl(room, size, "host");
        room.find("[data-join]").click();
        until(anna, "in the meeting", browser -> "IN_MEETING".equals(state(browser)));
        until(
                room,
                "the host's check put away",
                browser -> !browser.find("[data-prejoin]").isDisplayed());
        until(
                anna,
                "the waiting room put away",
                browser -> !browser.find("[data-waiting]").isDisplayed());
        until(anna, "the preview released", browser ->
                (Boolean) js(browser, "return document.querySelector('[data-prejoin-preview]').srcObject === null"));

        // fewer browsers on a loaded machine: the console and the meeting have done their part
        dispose(host);
        dispose(room);
        dispose(anna);

        // Bertil arrives and changes his mind: "leave" in the waiting room takes him out
        Browser bertil = browser(size);
        MeetingBrowserIT.arrive(bertil, meeting.token(1), false);
        scrollTo(bertil, "[data-waiting-leave]");
        click(bertil, "[data-waiting-leave]");
        until(bertil, "left", browser -> "LEFT".equals(closed(browser)));
        assertOnScreen(bertil, "[data-status-text]");
        assertThat(bertil.text("[data-status-text]")).contains("Du har lämnat mötet");
        assertThat(bertil.find("[data-waiting]").isDisplayed()).isFalse();
        screenshot(bertil, "waiting-left", size);
        bertil.assertAccessible();
    }

    @Test
    void theAppIsInstallableAndItsServiceWorkerKeepsOnlyTheClientShell() {
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson"));
        Browser anna = browser(Size.PHONE);
        anna.open("/m/" + meeting.token(0));
        previewPlays(anna);
        // the banner (embedded default only) tells the truth: the tests' context has an SMTP server
        if (!anna.all(".embedded-banner").isEmpty()) {
            assertThat(anna.text(".embedded-banner"))
                    .contains("e-post skickas på riktigt")
                    .doesNotContain("inga e-post");
        }
        String manifest = (String) js(
                anna,
                "return fetch(document.querySelector('link[rel=manifest]').href)"
                        + ".then(r => r.ok ? r.json() : Promise.reject(r.status)).then(m => JSON.stringify(m))");
        assertThat(manifest)
                .contains(
                        "\"short_name\":\"Portvakt\"",
                        "\"display\":\"standalone\"",
                        "icon-192.png",
                        "icon-512.png",
                        "\"purpose\":\"maskable\"");
        for (String icon : List.of(
                "/icons/icon-192.png",
                "/icons/icon-512.png",
                "/icons/maskable-512.png",
                "/icons/portvakt.svg",
                "/icons/apple-touch-icon.png",
                "/favicon.ico")) {
            assertThat(js(
                            anna,
                            "return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('content-type'))",
                            icon))
                    .as(icon)
                    .asString()
                    .startsWith("200 image/");
        }
        until(anna, "the service worker active", browser -> (Boolean) js(
                browser,
                "return navigator.serviceWorker.ready.then(r => r.active !== null && r.active.state === 'activated')"));
        // the page itself (with the guest's meeting) is visited again under the worker, and still not stored
        anna.driver().navigate().refresh();
        previewPlays(anna);
        @SuppressWarnings("unchecked")
        List<String> cached = (List<String>) js(anna, """
                return caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))
                    .then(all => all.flat().map(r => new URL(r.url).pathname));""");
        assertThat(cached)
                .contains("/css/portvakt.css", "/offline.html", "/icons/icon-192.png")
                .anySatisfy(path -> assertThat(path).matches("/assets/portal-[A-Za-z0-9_-]+\\.js"))
                .allSatisfy(path -> assertThat(path)
                        .matches("/(assets/(portal|portvakt|join)-[A-Za-z0-9_-]+\\.(js|css)"
                                + "|css/[a-z]+\\.css|icons/.+|favicon\\.ico|manifest\\.webmanifest|offline\\.html)"))
                .noneMatch(path -> path.startsWith("/m/") || path.startsWith("/ws") || path.startsWith("/meetings"));

        // the page that stands in for any page offline: no data, all three languages
        anna.open("/offline.html");
        assertThat(anna.text("h1")).isEqualTo("Ingen anslutning");
        assertThat(anna.text("main")).contains("No connection", "Ei yhteyttä");
        screenshot(anna, "offline", Size.PHONE);
        anna.assertAccessible();
    }

    // --- what a person sees

    static void previewPlays(Browser page) {
        new WebDriverWait(page.driver(), MEDIA).withMessage("the preview plays").until(driver ->
                (Boolean) js(page, """
                const v = document.querySelector('[data-prejoin-preview]');
                return v !== null && v.readyState >= 2 && v.videoWidth > 0 && !v.paused;"""));
    }

    /** The meter shows the microphone's tone: above zero, as a visible bar. */
    static void levelMoves(Browser page) {
        new WebDriverWait(page.driver(), MEDIA)
                .withMessage("the level meter moves")
                .until(driver -> Integer.parseInt(
                                        page.find("[data-prejoin-level]").getAttribute("aria-valuenow"))
                                > 10
                        && page.find("[data-prejoin-level-bar]").getSize().getWidth() > 0);
    }

    /** Counts the notes the page makes from now on (window.tonesMade). */
    static void countTones(Browser page) {
        js(page, """
                window.tonesMade = 0;
                if (!AudioContext.prototype.countedTones) {
                  const make = AudioContext.prototype.createOscillator;
                  AudioContext.prototype.createOscillator = function () { window.tonesMade++; return make.apply(this, arguments); };
                  AudioContext.prototype.countedTones = true;
                }""");
    }

    /** The element is shown, whole, inside the viewport, and on top: a person sees it without scrolling. */
    static void assertOnScreen(Browser page, String css) {
        page.find(css);
        String problem = (String) js(page, """
                const e = document.querySelector(arguments[0]);
                const r = e.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') return 'not shown';
                if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5)
                  return 'outside the viewport ' + window.innerWidth + 'x' + window.innerHeight + ': ' + JSON.stringify(r);
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                const label = e.id ? document.querySelector('label[for="' + e.id + '"]') : null;
                if (top !== e && !e.contains(top) && !(top && top.contains(e)) && top !== label) return 'covered by ' + (top && top.outerHTML.slice(0, 80));
                return '';""", css);
        assertThat(problem).as(css).isEmpty();
    }

    static void click(Browser page, String css) {
        assertOnScreenAfterScroll(page, css);
        page.find(css).click();
    }

    static void assertOnScreenAfterScroll(Browser page, String css) {
        scrollTo(page, css);
        assertOnScreen(page, css);
    }

    static void scrollTo(Browser page, String css) {
        js(page, "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", css);
    }

    static String state(Browser browser) {
        return browser.find("[data-meeting-room]").getAttribute("data-state");
    }

    static String closed(Browser browser) {
        return browser.find("[data-meeting-room]").getAttribute("data-closed");
    }

    static void until(Browser browser, String what, Predicate<Browser> condition) {
        new WebDriverWait(browser.driver(), MEDIA).withMessage(what).until(driver -> condition.test(browser));
    }

    static Object js(Browser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    static void screenshot(Browser browser, String name, Size size) {
        try {
            Path target =
                    Path.of("target", "screenshots", name + "-" + size.name().toLowerCase() + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
