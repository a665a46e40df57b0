package se.portvakt.meeting;

import static se.portvakt.booking.TestBookings.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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

/**
 * Time to picture, in headless Chromium with fake cameras over loopback: (1) from the host's click on "Släpp in"
 * to the guest's first decoded frame of the host's camera, and (2) from the host pressing "Anslut" in the meeting
 * room (their pre-join) to the host's first decoded frame of a guest admitted earlier. Each round starts a new
 * connection (ICE, DTLS, keyframe). A measurement, not a test: run it with
 * {@code ./mvnw -pl app -am verify -Dit.test=TimeToPictureBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dportvakt.benchmark.rounds=N}, default 20).
 */
@IntegrationTest
@Tag("browser")
@Tag("benchmark")
class TimeToPictureBenchmark {

    /**
     * Sets {@code window.__picture} to the time the page's next new connection decodes its first video frame,
     * polling getStats every 10 ms (so a result may be late by that much).
     */
    static final String WATCH_FIRST_FRAME = """
            window.__picture = 0;
            const old = window.portvaktMedia && window.portvaktMedia.pc;
            const timer = setInterval(async () => {
              const pc = window.portvaktMedia && window.portvaktMedia.pc;
              if (!pc || pc === old) return;
              const report = await pc.getStats();
              report.forEach(s => {
                if (s.type === 'inbound-rtp' && s.kind === 'video' && s.framesDecoded > 0 && !window.__picture) {
                  window.__picture = Date.now();
                  clearInterval(timer);
                }
              });
            }, 10);""";

    /**
     * Records in {@code window.__marks} when the page's next new connection reaches each step (same clock as
     * {@link #WATCH_FIRST_FRAME}): the offer set, the answer set, ICE connected, DTLS done (connected), the first
     * media packet (the first RTP of any inbound stream, by getStats), so that a slow picture says where it waited.
     */
    static final String WATCH_STEPS = """
            window.__marks = {};
            const mark = name => { if (!window.__marks[name]) window.__marks[name] = Date.now(); };
            const old = window.portvaktMedia && window.portvaktMedia.pc;
            const timer = setInterval(async () => {
              const pc = window.portvaktMedia && window.portvaktMedia.pc;
              if (!pc || pc === old) return;
              if (pc.localDescription) mark('offer');
              if (pc.remoteDescription) mark('answer');
              if (pc.iceConnectionState === 'connected' || pc.iceConnectionState === 'completed') mark('ice');
              if (pc.connectionState === 'connected') mark('dtls');
              const report = await pc.getStats();
              report.forEach(s => {
                if (s.type === 'inbound-rtp' && s.packetsReceived > 0) mark(s.kind + ' packet');
                if (s.type === 'inbound-rtp' && s.kind === 'video' && s.framesDecoded > 0) {
                  mark('frame');
                  clearInterval(timer);
                }
              });
            }, 10);""";

    private static final List<String> STEPS =
            List.of("offer", "answer", "ice", "dtls", "audio packet", "video packet", "frame");

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @Test
    void timeToPicture() {
        int rounds = Integer.getInteger("portvakt.benchmark.rounds", 20);
        Tenant tenant = fixtures.tenant();
        List<Long> admitted = new ArrayList<>();
        List<Long> joined = new ArrayList<>();
        List<java.util.Map<String, Long>> steps = new ArrayList<>();
        try (Browser host = new Browser(port);
                Browser guest = new Browser(port)) {
            host.logIn(tenant.host().email(), Fixtures.PASSWORD);
            host.open("/console");
            String console = host.driver().getWindowHandle();
            host.driver().switchTo().newWindow(WindowType.TAB);
            String room = host.driver().getWindowHandle();
            for (int round = 0; round < rounds + 2; round++) {
                Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson"));
                // (2) the guest is admitted before the host comes; the host's join brings both in
                host.driver().switchTo().window(console);
                MeetingBrowserIT.arrive(guest, meeting.token(0), false);
                host.find("tr[data-participant] button[data-action=admit]").click();
                until(guest, "admitted", () -> "ADMITTED".equals(state(guest)));
                host.driver().switchTo().window(room);
                host.open("/meetings/" + meeting.id() + "/room");
                until(host, "signaling up", () -> state(host) != null);
                js(host, WATCH_FIRST_FRAME);
                js(host, "window.__clicked = Date.now(); document.querySelector('[data-join]').click();");
                long join = pictureAfterClickIn(host, host);

                // (1) sent back, then admitted again by the host's click in the console (the room tab stays)
                RoomPage.openPanel(host, "participants");
                host.find("[data-roster] li[data-participant] button[data-action=sendBack]")
                        .click();
                until(guest, "back to waiting", () -> "WAITING".equals(state(guest)));
                host.driver().switchTo().window(console);
                host.find("tr[data-participant] button[data-action=admit]");
                js(guest, WATCH_FIRST_FRAME);
                js(guest, WATCH_STEPS);
                js(
                        host,
                        "window.__clicked = Date.now();"
                                + " document.querySelector('tr[data-participant] button[data-action=admit]').click();");
                long admit = pictureAfterClickIn(guest, host);
                if (round >= 2) { // the first rounds warm up the JIT, the pages and the SRTP library
                    joined.add(join);
                    admitted.add(admit);
                    steps.add(stepsAfterClick(guest, host));
                }
                host.driver().switchTo().window(room);
                RoomPage.hostLeaves(host); // the next round books a new meeting
                guest.open("/login");
            }
        }
        report("ADMIT TO FIRST FRAME", admitted);
        report("JOIN TO FIRST FRAME", joined);
        System.out.println("ADMIT TO FIRST FRAME, the guest's steps (p50 ms after the click): "
                + String.join(
                        ", ",
                        STEPS.stream()
                                .map(step -> step + " " + median(steps, step))
                                .toList()));
    }

    /** The median of one step over the rounds that saw it (polling every 10 ms can miss a short state). */
    private static long median(List<java.util.Map<String, Long>> rounds, String step) {
        List<Long> sorted = rounds.stream()
                .filter(marks -> marks.containsKey(step))
                .map(marks -> marks.get(step))
                .sorted()
                .toList();
        return sorted.isEmpty() ? -1 : AdmitLatencyBenchmark.percentile(sorted, 50);
    }

    /** Each step of {@link #WATCH_STEPS} the watcher reached, in milliseconds after {@code clicker}'s click. */
    private static java.util.Map<String, Long> stepsAfterClick(Browser watcher, Browser clicker) {
        long clicked = ((Number) js(clicker, "return window.__clicked")).longValue();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> marks = (java.util.Map<String, Object>) js(watcher, "return window.__marks");
        java.util.Map<String, Long> after = new java.util.HashMap<>();
        marks.forEach((step, at) -> after.put(step, ((Number) at).longValue() - clicked));
        return after;
    }

    /** Milliseconds from {@code clicker}'s recorded click to {@code watcher}'s first decoded frame (same clock). */
    private static long pictureAfterClickIn(Browser watcher, Browser clicker) {
        new WebDriverWait(watcher.driver(), Duration.ofSeconds(20))
                .withMessage("first decoded frame")
                .until(driver -> ((Number) js(watcher, "return window.__picture")).longValue() > 0);
        return ((Number) js(watcher, "return window.__picture")).longValue()
                - ((Number) js(clicker, "return window.__clicked")).longValue();
    }

    private static String state(Browser page) {
        var room = page.driver().findElements(By.cssSelector("[data-meeting-room]"));
        return room.isEmpty() ? null : room.get(0).getAttribute("data-state");
    }

    private static void until(Browser page, String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(page.driver(), Duration.ofSeconds(10))
                .withMessage(what)
                .until(driver -> condition.getAsBoolean());
    }

    private static Object js(Browser page, String script) {
        return ((JavascriptExecutor) page.driver()).executeScript(script);
    }

    private static void report(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(
                "%s over %d rounds: p50 %d ms, p95 %d ms, min %d ms, max %d ms%n",
                what,
                sorted.size(),
                AdmitLatencyBenchmark.percentile(sorted, 50),
                AdmitLatencyBenchmark.percentile(sorted, 95),
                sorted.get(0),
                sorted.get(sorted.size() - 1));
    }
}
