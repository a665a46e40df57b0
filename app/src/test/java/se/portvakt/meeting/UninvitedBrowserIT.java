package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;
import static se.portvakt.meeting.MeetingMediaIT.streams;
import static se.portvakt.meeting.MeetingMediaIT.until;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.EditableMeeting;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.sfu.Sfu;

/**
 * A guest whom the host takes off the invitation while they are in the meeting, in real browsers: their page says
 * why at once and the SFU stops forwarding their media to the others within two seconds.
 */
@IntegrationTest
@Tag("browser")
class UninvitedBrowserIT {

    /** The promise: a removed guest's media stops for the others within this. */
    static final Duration MEDIA_GONE_WITHIN = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BookingService booking;

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
        String microphone = "--use-file-for-fake-audio-capture=" + MeetingMediaIT.tone(dir.resolve("tone.wav"));
        host = new Browser(port, microphone);
        anna = new Browser(port, microphone);
        bertil = new Browser(port, microphone);
    }

    @AfterEach
    void close() {
        List.of(host, anna, bertil).forEach(Browser::close);
    }

    @Test
    void aGuestTakenOffTheInvitationIsToldWhyAndTheirMediaStopsForTheOthers() throws InterruptedException {
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson", "Bertil Berg"));
        host.logIn(tenant.host().email(), Fixtures.PASSWORD);
        MeetingMediaIT.joins(host, meeting);
        MeetingBrowserIT.arrive(anna, meeting.token(0), false);
        MeetingBrowserIT.arrive(bertil, meeting.token(1), false);
        host.driver().switchTo().newWindow(WindowType.TAB);
        host.open("/console");
        until(
                host,
                "two waiting",
                Duration.ofSeconds(10),
                b -> b.all("tr[data-participant]").size() == 2);
        for (int waiting = 2; waiting > 0; waiting--) {
            host.find("tr[data-participant] button[data-action=admit]").click();
            int left = waiting - 1;
            until(
                    host,
                    "one fewer waiting",
                    Duration.ofSeconds(10),
                    b -> b.all("tr[data-participant]").size() == left);
        }
        host.driver()
                .switchTo()
                .window(host.driver().getWindowHandles().iterator().next());
        for (Browser page : List.of(host, anna, bertil)) {
            until(
                    page,
                    "four streams from the two others",
                    Duration.ofSeconds(45),
                    b -> streams(b).size() == 4);
        }
        String bertilId = String.valueOf(MeetingMediaIT.script(bertil, "return window.portvaktMedia.you"));

        // each page notes (on the machine's clock, shared with this test) when Bertil's last stream left it
        for (Browser page : List.of(host, anna)) {
            MeetingMediaIT.script(page, """
                    window.bertilGoneAt = null;
                    const watch = setInterval(() => {
                      if (!window.portvaktMedia.streams.some(s => s.participantId === '%s')) {
                        window.bertilGoneAt = Date.now();
                        clearInterval(watch);
                      }
                    }, 20);""".formatted(bertilId));
        }
        assertThat(sfuForwards(meeting, bertilId))
                .as("the SFU carries Bertil's media before")
                .isTrue();
        long removedAt = System.currentTimeMillis();
        takeOffInvitation(meeting, "Bertil Berg");

        // the SFU stops forwarding his media: measured here, on the server, so a busy machine's slow browsers
        // (which learn of it by offering again) do not blur the promise
        long deadline = System.currentTimeMillis() + 10_000;
        while (sfuForwards(meeting, bertilId) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(Duration.ofMillis(System.currentTimeMillis() - removedAt))
                .as("Bertil's media stopped in the SFU")
                .isLessThan(MEDIA_GONE_WITHIN);
        until(
                bertil,
                "Bertil told he is out",
                Duration.ofSeconds(10),
                b -> "CANCELLED".equals(MeetingBrowserIT.closed(b)));
        assertThat(bertil.text("[data-status]")).contains("inbjudan");
        assertThat(bertil.find("[data-status]").isDisplayed()).isTrue();
        for (Browser page : List.of(host, anna)) {
            until(
                    page,
                    "Bertil's tiles gone",
                    Duration.ofSeconds(60),
                    b -> MeetingMediaIT.script(b, "return window.bertilGoneAt") != null);
            long goneAt = ((Number) MeetingMediaIT.script(page, "return window.bertilGoneAt")).longValue();
            System.out.printf("UNINVITED: Bertil's streams left a page %d ms after the change%n", goneAt - removedAt);
        }
        screenshot(bertil, "uninvited-guest.png");
        assertThat(streams(anna)).hasSize(2);
        bertil.assertAccessible();
    }

    boolean sfuForwards(Booked meeting, String participantId) {
        return sfu.stats(meeting.id().toString()).streams().stream()
                .anyMatch(stream -> participantId.equals(stream.participantId()));
    }

    /** What the booking form or the API's PUT does when the host deletes a participant's row. */
    void takeOffInvitation(Booked rehearsal, String name) {
        EditableMeeting current = booking.find(tenant.actor(), rehearsal.id()).orElseThrow();
        MeetingDetails details = current.details();
        booking.change(
                tenant.actor(),
                rehearsal.id(),
                current.version(),
                new MeetingRequest(
                        details.title(),
                        current.roomId(),
                        current.hostId(),
                        details.start(),
                        details.end(),
                        details.assuranceLevel(),
                        details.confidential(),
                        details.information(),
                        details.language(),
                        details.currentInvitees().stream()
                                .filter(invitee -> !invitee.name().equals(name))
                                .map(invitee -> new InviteeRequest(
                                        invitee.id().value(), invitee.name(), invitee.email(), invitee.mobile(), null))
                                .toList()));
    }

    static void screenshot(Browser browser, String name) {
        try {
            Path target = Path.of("target", "screenshots", name);
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
