package se.portvakt.meeting;

import static se.portvakt.booking.TestBookings.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;

/**
 * Admit latency: from the host's click on "Släpp in" in the console to the guest's page showing the meeting,
 * both instants taken in the pages (same machine clock). Not a test, a measurement: the class name keeps it
 * out of the normal build (and its "browser" tag out of the PostgreSQL run). Run it with
 * {@code ./mvnw -pl app -am verify -Dit.test=AdmitLatencyBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dportvakt.benchmark.rounds=N}, default 30).
 */
@IntegrationTest
@Tag("browser")
@Tag("benchmark")
class AdmitLatencyBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @Test
    void admitLatency() {
        int rounds = Integer.getInteger("portvakt.benchmark.rounds", 30);
        Tenant tenant = fixtures.tenant();
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson"));
        HttpVisitor control = new HttpVisitor(port).logIn(tenant.host().email(), Fixtures.PASSWORD);
        SignalingClient room = SignalingClient.open(control, "meeting=" + meeting.id());
        room.await("state");
        room.send("{\"type\":\"join\"}");
        List<Long> millis = new ArrayList<>();
        try (Browser host = new Browser(port);
                Browser guest = new Browser(port)) {
            host.logIn(tenant.host().email(), Fixtures.PASSWORD);
            host.open("/console");
            MeetingBrowserIT.arrive(guest, meeting.token(0), false);
            String participant = null;
            for (int round = 0; round < rounds + 3; round++) {
                new WebDriverWait(host.driver(), Duration.ofSeconds(10))
                        .until(driver -> !driver.findElements(
                                        By.cssSelector("tr[data-participant] button[data-action=admit]"))
                                .isEmpty());
                ((JavascriptExecutor) guest.driver()).executeScript("""
                        window.__entered = 0;
                        const root = document.querySelector('[data-meeting-room]');
                        new MutationObserver((changes, observer) => {
                          if (root.dataset.state === 'IN_MEETING') { window.__entered = Date.now(); observer.disconnect(); }
                        }).observe(root, { attributes: true, attributeFilter: ['data-state'] });""");
                ((JavascriptExecutor) host.driver()).executeScript("""
                        const button = document.querySelector('tr[data-participant] button[data-action=admit]');
                        window.__clicked = Date.now();
                        button.click();""");
                new WebDriverWait(guest.driver(), Duration.ofSeconds(10))
                        .until(driver ->
                                ((Number) ((JavascriptExecutor) driver).executeScript("return window.__entered"))
                                                .longValue()
                                        > 0);
                long entered = ((Number) ((JavascriptExecutor) guest.driver()).executeScript("return window.__entered"))
                        .longValue();
                long clicked = ((Number) ((JavascriptExecutor) host.driver()).executeScript("return window.__clicked"))
                        .longValue();
                if (round >= 3) {
                    millis.add(entered - clicked); // the first rounds warm up the JIT and the pages
                }
                if (participant == null) {
                    var roster = room.await(
                                    "state", state -> state.path("roster").size() == 2)
                            .path("roster");
                    for (var badge : roster) {
                        if (!badge.path("host").asBoolean()) {
                            participant = badge.path("participantId").asString();
                        }
                    }
                }
                room.send("{\"type\":\"sendBack\",\"participantId\":\"" + participant + "\"}");
                new WebDriverWait(guest.driver(), Duration.ofSeconds(10))
                        .until(driver -> "WAITING"
                                .equals(driver.findElement(By.cssSelector("[data-meeting-room]"))
                                        .getAttribute("data-state")));
            }
        }
        room.close();
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(
                "ADMIT LATENCY over %d rounds: p50 %d ms, p95 %d ms, min %d ms, max %d ms%n",
                sorted.size(),
                percentile(sorted, 50),
                percentile(sorted, 95),
                sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
