package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;
import static se.portvakt.meeting.MeetingMediaIT.everyVideoDecoding;
import static se.portvakt.meeting.MeetingMediaIT.hostAdmitsAndJoins;
import static se.portvakt.meeting.MeetingMediaIT.inbound;
import static se.portvakt.meeting.MeetingMediaIT.number;
import static se.portvakt.meeting.MeetingMediaIT.streams;
import static se.portvakt.meeting.MeetingMediaIT.tone;
import static se.portvakt.meeting.MeetingMediaIT.until;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.forward.PublisherStream;
import se.portvakt.sfu.stats.StreamStats;

/**
 * Issue 10's speaker test: four headless Chromium in one meeting, each microphone the same steady tone, for a minute.
 * Nobody leads, so a dominant-speaker rule that follows every small lead moves the stage (and with it the layers
 * each page asks for, and the keyframes those switches need) all the time; the SFU's rule moves it only after a
 * sustained lead. Counts the speaker changes and the keyframe requests the SFU sends upstream, and reports the
 * freezes the pages saw.
 */
@IntegrationTest
@Tag("browser")
class FourEqualVoicesBrowserIT {

    private static final Duration MINUTE = Duration.ofSeconds(60);

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

    private final List<Browser> pages = new ArrayList<>();

    /** The SFU's log of each keyframe request it sends with its cause (System.Logger, so java.util.logging). */
    private final Logger keyframeLog = Logger.getLogger(PublisherStream.class.getName());

    private final Map<String, Integer> causes = new ConcurrentSkipListMap<>();
    private final Handler countCauses = new Handler() {
        @Override
        public void publish(LogRecord record) {
            Object[] parameters = record.getParameters();
            if (parameters != null && parameters.length == 3) {
                causes.merge(String.valueOf(parameters[2]), 1, Integer::sum);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @AfterEach
    void close() {
        keyframeLog.removeHandler(countCauses);
        keyframeLog.setLevel(null);
        pages.forEach(Browser::close);
    }

    @Test
    void theSpeakerStaysPutAndFewKeyframesAreAskedForWhenFourSoundAlike() throws InterruptedException {
        Tenant tenant = fixtures.tenant();
        String microphone = "--use-file-for-fake-audio-capture=" + tone(dir.resolve("tone.wav"));
        for (int i = 0; i < 4; i++) {
            pages.add(new Browser(port, microphone));
        }
        Browser host = pages.get(0);
        Booked meeting = bookings.book(plan(tenant).guests("Anna Andersson", "Bertil Berg", "Cecilia Carlsson"));
        String room = meeting.id().toString();
        AtomicInteger speakerChanges = new AtomicInteger();
        sfu.onDominantSpeakerChanged(change -> {
            if (change.meetingId().equals(room)) {
                speakerChanges.incrementAndGet();
            }
        });
        hostAdmitsAndJoins(host, tenant, meeting, pages.get(1), pages.get(2), pages.get(3));
        for (Browser page : pages) {
            until(
                    page,
                    "six streams from the three others",
                    Duration.ofSeconds(90),
                    b -> streams(b).size() == 6);
        }
        for (Browser page : pages) {
            everyVideoDecoding(page, "at the start", Duration.ofSeconds(120));
        }

        int changesBefore = speakerChanges.get();
        long keyframesBefore = keyframeRequestsUpstream(room);
        keyframeLog.setLevel(Level.FINE);
        keyframeLog.addHandler(countCauses);
        List<Map<String, Map<String, Object>>> before =
                pages.stream().map(MeetingMediaIT::inbound).toList();
        Thread.sleep(MINUTE.toMillis()); // a minute of four equal voices: the measurement window, not a wait
        int changes = speakerChanges.get() - changesBefore;
        long keyframes = keyframeRequestsUpstream(room) - keyframesBefore;
        keyframeLog.removeHandler(countCauses);
        long freezes = 0;
        for (int i = 0; i < pages.size(); i++) {
            Map<String, Map<String, Object>> after = inbound(pages.get(i));
            for (String mid : after.keySet()) {
                freezes += number(after.get(mid), "freezeCount")
                        - number(before.get(i).get(mid), "freezeCount");
            }
        }
        System.out.printf(
                "Four equal voices, one minute: %d dominant-speaker changes (%d while they joined), %d keyframe"
                        + " requests to publishers (by cause: %s), %d freezes over the four pages' twelve pictures%n",
                changes, changesBefore, keyframes, causes, freezes);
        assertThat(changesBefore)
                .as("the SFU named a dominant speaker as they joined (the rule is alive, not silent)")
                .isPositive();
        for (Browser page : pages) {
            everyVideoDecoding(page, "after the minute", Duration.ofSeconds(30));
        }
        assertThat(changes)
                .as("dominant-speaker changes in a minute (issue 10: at most 6)")
                .isLessThanOrEqualTo(6);
        assertThat(keyframes)
                .as("keyframe requests to the publishers in a minute (issue 10: at most 30), by cause %s", causes)
                .isLessThanOrEqualTo(30);
    }

    /** PLI and FIR the SFU sent to the meeting's publishers so far. */
    private long keyframeRequestsUpstream(String room) {
        return sfu.stats(room).streams().stream()
                .filter(s -> s.direction() == StreamStats.Direction.IN)
                .mapToLong(StreamStats::keyframeRequests)
                .sum();
    }
}
