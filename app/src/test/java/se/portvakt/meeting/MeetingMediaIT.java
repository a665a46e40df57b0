package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import se.portvakt.sfu.Sfu;

/**
 * Three headless Chromium participants (a host and two guests) with fake cameras and a steady tone as their
 * microphones: each decodes the others' video and audio through the SFU, a shared screen reaches the others,
 * the dominant speaker follows whoever has their microphone on, and the camera on the stage arrives in a higher
 * simulcast layer than one in a small tile.
 */
@IntegrationTest
@Tag("browser")
class MeetingMediaIT {

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Sfu sfu;

    @TempDir
    static Path dir;

    Browser host;
    Browser anna;
    Browser bertil;
    Tenant tenant;

    @BeforeEach
    void open() {
        tenant = fixtures.tenant();
        String microphone = "--use-file-for-fake-audio-capture=" + tone(dir.resolve("tone.wav"));
        host = new Browser(port, microphone);
        anna = new Browser(port, microphone);
        bertil = new Browser(port, microphone);
    }

    @AfterEach
    void close() {
        List.of(host, anna, bertil).forEach(Browser::close);
    }

    @Test
    void everyoneSeesAndHearsTheOthersAScreenShareReachesThemAndTheSpeakerFollowsTheMicrophone() {
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson", "Bertil Berg"));
        host.logIn(tenant.host().email(), Fixtures.PASSWORD);
        host.open("/console");
        MeetingBrowserIT.arrive(anna, meeting.token(0), false);
        MeetingBrowserIT.arrive(bertil, meeting.token(1), false);
        until(
                host,
                "two waiting",
                Duration.ofSeconds(10),
                b -> b.all("tr[data-participant]").size() == 2);
        for (int waiting = 2; waiting > 0; waiting--) { // the console redraws after each admit: find the button anew
            host.find("tr[data-participant] button[data-action=admit]").click();
            int left = waiting - 1;
            until(
                    host,
                    "one fewer waiting",
                    Duration.ofSeconds(10),
                    b -> b.all("tr[data-participant]").size() == left);
        }
        until(anna, "admitted", Duration.ofSeconds(10), b -> "ADMITTED".equals(MeetingBrowserIT.state(b)));
        until(bertil, "admitted", Duration.ofSeconds(10), b -> "ADMITTED".equals(MeetingBrowserIT.state(b)));
        host.driver().switchTo().newWindow(WindowType.TAB);
        joins(host, meeting);

        Map<Browser, UUID> who = new HashMap<>();
        for (Browser page : List.of(host, anna, bertil)) {
            until(
                    page,
                    "four streams from the two others",
                    Duration.ofSeconds(30),
                    b -> streams(b).size() == 4);
            who.put(page, UUID.fromString(String.valueOf(script(page, "return window.portvaktMedia.you"))));
        }
        for (Browser page : List.of(host, anna, bertil)) {
            List<UUID> others = who.entrySet().stream()
                    .filter(e -> e.getKey() != page)
                    .map(Map.Entry::getValue)
                    .toList();
            assertThat(streams(page))
                    .extracting(s -> UUID.fromString(String.valueOf(s.get("participantId"))))
                    .containsOnly(others.toArray(UUID[]::new));
            Map<String, Map<String, Object>> before = inbound(page);
            until(page, "every stream decoding and still rising", Duration.ofSeconds(20), b -> {
                Map<String, Map<String, Object>> now = inbound(b);
                return streams(b).stream()
                        .allMatch(s -> rising(
                                before,
                                now,
                                String.valueOf(s.get("mid")),
                                "video".equals(s.get("kind")) ? "framesDecoded" : "packetsReceived"));
            });
        }

        // a screen shared by Anna is shown large to the others
        anna.find("[data-share-screen]").click();
        for (Browser page : List.of(host, bertil)) {
            until(
                    page,
                    "Anna's screen on stage",
                    Duration.ofSeconds(20),
                    b -> !b.all("[data-stage] [data-tile='" + who.get(anna) + "'][data-source=screen] video")
                                    .isEmpty()
                            && Boolean.TRUE.equals(script(b, """
                                    const v = document.querySelector('[data-stage] [data-source=screen] video');
                                    return v != null && v.videoWidth > 0;""")));
        }

        // only the host's microphone on: the host speaks; then only Bertil's
        microphone(anna, false);
        microphone(bertil, false);
        until(
                anna,
                "the host is the dominant speaker",
                Duration.ofSeconds(20),
                b -> !b.all("[data-tile='" + who.get(host) + "'][data-speaker]").isEmpty());
        microphone(host, false);
        microphone(bertil, true);
        until(
                anna,
                "Bertil is the dominant speaker",
                Duration.ofSeconds(20),
                b -> !b.all("[data-tile='" + who.get(bertil) + "'][data-speaker]")
                        .isEmpty());

        // simulcast: Anna's stage (Bertil's camera) gets the high layer, her small tile (the host's camera) the low
        String stageCamera = cameraMid(anna, who.get(bertil));
        String smallCamera = cameraMid(anna, who.get(host));
        until(
                anna,
                "Bertil on Anna's stage",
                Duration.ofSeconds(10),
                b -> !b.all("[data-stage] [data-tile='" + who.get(bertil) + "'][data-source=camera]")
                        .isEmpty());
        try {
            until(anna, "the stage's camera wider than the small tile's", Duration.ofSeconds(40), b -> {
                Map<String, Map<String, Object>> now = inbound(b);
                long small = number(now.get(smallCamera), "frameWidth");
                return small > 0 && number(now.get(stageCamera), "frameWidth") > small;
            });
        } catch (RuntimeException e) {
            Map<String, Map<String, Object>> now = inbound(anna);
            throw new AssertionError(
                    "frame widths: stage " + number(now.get(stageCamera), "frameWidth") + ", small "
                            + number(now.get(smallCamera), "frameWidth") + "; Bertil sends " + sending(bertil)
                            + "; SFU streams "
                            + sfu.stats(meeting.id().toString()).streams(),
                    e);
        }

        // background blur: the model ships with Portvakt and runs under its content security policy
        host.find("[data-blur]").click();
        until(
                host,
                "blur on",
                Duration.ofSeconds(60),
                b -> "true".equals(b.find("[data-blur]").getAttribute("aria-pressed")));
        String hostVideo = streams(anna).stream()
                .filter(s -> who.get(host).toString().equals(s.get("participantId")) && "video".equals(s.get("kind")))
                .map(s -> String.valueOf(s.get("mid")))
                .findFirst()
                .orElseThrow();
        Map<String, Map<String, Object>> beforeBlur = inbound(anna);
        until(
                anna,
                "the host's blurred camera still decoding",
                Duration.ofSeconds(20),
                b -> rising(beforeBlur, inbound(b), hostVideo, "framesDecoded"));
        assertThat(sfu.stats(meeting.id().toString()).participants()).isEqualTo(3);
    }

    static void until(Browser browser, String what, Duration timeout, java.util.function.Predicate<Browser> condition) {
        new WebDriverWait(browser.driver(), timeout)
                .withMessage(() -> what + "; media: " + script(browser, """
                const m = window.portvaktMedia;
                return m ? m.pc.connectionState + ' ' + JSON.stringify(m.streams) : 'no media';"""))
                // a page busy for a moment (a script not run within the driver's 30 s) is asked again until the wait
                // is over: it failed MeetingMediaIT once right after the host turned blur on, on a loaded machine
                .ignoring(org.openqa.selenium.ScriptTimeoutException.class)
                .until(driver -> condition.test(browser));
    }

    /**
     * The host admits the meeting's guests, arriving on {@code guests} in the order of the meeting's invitees, from
     * the console, then opens the room in a second tab and joins: every page is in the meeting and starts its media.
     */
    static void hostAdmitsAndJoins(Browser host, Tenant tenant, Booked meeting, Browser... guests) {
        host.logIn(tenant.host().email(), Fixtures.PASSWORD);
        host.open("/console");
        for (int i = 0; i < guests.length; i++) {
            MeetingBrowserIT.arrive(guests[i], meeting.token(i), false);
        }
        until(
                host,
                "the guests waiting",
                Duration.ofSeconds(30),
                b -> b.all("tr[data-participant]").size() == guests.length);
        for (int left = guests.length - 1; left >= 0; left--) {
            host.find("tr[data-participant] button[data-action=admit]").click();
            int waiting = left;
            until(
                    host,
                    "one fewer waiting",
                    Duration.ofSeconds(20),
                    b -> b.all("tr[data-participant]").size() == waiting);
        }
        for (Browser guest : guests) {
            until(guest, "admitted", Duration.ofSeconds(20), b -> "ADMITTED".equals(MeetingBrowserIT.state(b)));
        }
        host.driver().switchTo().newWindow(WindowType.TAB);
        joins(host, meeting);
    }

    /** The host opens the meeting's room in the current tab and, once its socket is connected, joins. */
    static void joins(Browser host, Booked meeting) {
        host.open("/meetings/" + meeting.id() + "/room");
        until(
                host,
                "signaling connected",
                Duration.ofSeconds(20),
                b -> b.find("[data-meeting-room]").getAttribute("data-state") != null);
        host.find("[data-join]").click();
    }

    /** Waits until {@code page} receives the other's two streams and decodes their video. */
    static void decoding(Browser page, String when, Duration timeout) {
        until(
                page,
                "two streams from the other " + when,
                timeout,
                b -> streams(b).size() == 2);
        everyVideoDecoding(page, when, timeout);
    }

    /** Waits until every video stream {@code page} receives decodes new frames. */
    static void everyVideoDecoding(Browser page, String when, Duration timeout) {
        Map<String, Map<String, Object>> before = inbound(page);
        until(page, "every video decoding " + when, timeout, b -> {
            Map<String, Map<String, Object>> now = inbound(b);
            return streams(b).stream()
                    .filter(s -> "video".equals(s.get("kind")))
                    .allMatch(s -> rising(before, now, String.valueOf(s.get("mid")), "framesDecoded"));
        });
    }

    static Object script(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> streams(Browser browser) {
        Object streams = script(browser, "return window.portvaktMedia ? window.portvaktMedia.streams : []");
        return streams == null ? List.of() : (List<Map<String, Object>>) streams;
    }

    /** The page's inbound-rtp statistics by mid. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> inbound(Browser browser) {
        Object stats = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.portvaktMedia.pc.getStats().then(report => {
                  const out = {};
                  report.forEach(s => { if (s.type === 'inbound-rtp' && s.mid !== undefined) out[s.mid] = s; });
                  done(out);
                });""");
        return (Map<String, Map<String, Object>>) stats;
    }

    /** What the page's video encodings send (rid/frameWidth/bytesSent/targetBitrate/limitation/active), for failures. */
    static Object sending(Browser page) {
        return ((JavascriptExecutor) page.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.portvaktMedia.pc.getStats().then(report => {
                  const out = [];
                  report.forEach(s => {
                    if (s.type === 'outbound-rtp' && s.kind === 'video') out.push([s.rid, s.frameWidth, s.bytesSent,
                        s.targetBitrate, s.qualityLimitationReason, s.active].join('/'));
                    if (s.type === 'candidate-pair' && s.nominated) out.push('available ' + s.availableOutgoingBitrate);
                  });
                  done(out.join(', '));
                });""");
    }

    /** The receive mid of {@code participant}'s camera on {@code page}. */
    static String cameraMid(Browser page, UUID participant) {
        return streams(page).stream()
                .filter(s -> participant.toString().equals(s.get("participantId"))
                        && "camera".equals(s.get("source"))
                        && "video".equals(s.get("kind")))
                .map(s -> String.valueOf(s.get("mid")))
                .findFirst()
                .orElseThrow();
    }

    static boolean rising(
            Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> now, String mid, String counter) {
        long then = number(before.get(mid), counter);
        long later = number(now.get(mid), counter);
        return later > then && later > 10;
    }

    /** A counter of one getStats entry, 0 where the entry or the counter is missing. */
    static long number(Map<String, Object> stats, String counter) {
        return stats == null || !(stats.get(counter) instanceof Number n) ? 0 : n.longValue();
    }

    static void microphone(Browser browser, boolean on) {
        var button = browser.driver().findElement(By.cssSelector("[data-toggle-mic]"));
        if (Boolean.parseBoolean(button.getAttribute("aria-pressed")) != on) {
            button.click();
        }
    }

    /** Five seconds of a 440 Hz tone at a speaking level, 48 kHz mono 16-bit PCM (Chromium loops it). */
    static String tone(Path file) {
        int rate = 48_000;
        int samples = rate * 5;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(rate * 2)
                .putShort((short) 2)
                .putShort((short) 16);
        wav.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 12_000));
        }
        try {
            Files.write(file, wav.array());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
