package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.SfuTotals.MeetingStreams;

class SfuMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void streamsPerMeetingAreTheLargestMeetingAndBucketsOfMeetingsWithoutMeetingIds() {
        Sfu sfu = mock(Sfu.class);
        // a meeting of two (camera and microphone each: 4 in, 4 out), one of five (10 in, 40 out), one just opened
        List<MeetingStreams> meetings =
                List.of(new MeetingStreams(4, 4), new MeetingStreams(10, 40), new MeetingStreams(0, 0));
        when(sfu.totals()).thenReturn(new SfuTotals(3, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 2, 0, meetings));
        new SfuMetrics(sfu).bindTo(registry);

        assertThat(gauge("portvakt.sfu.streams", "direction", "in")).isEqualTo(14);
        assertThat(gauge("portvakt.sfu.streams", "direction", "out")).isEqualTo(44);
        assertThat(gauge("portvakt.sfu.meeting.streams.max", "direction", "in")).isEqualTo(10);
        assertThat(gauge("portvakt.sfu.meeting.streams.max", "direction", "out"))
                .isEqualTo(40);
        assertThat(gauge("portvakt.sfu.meetings.by.streams", "direction", "in", "streams_at_most", "2"))
                .isEqualTo(1);
        assertThat(gauge("portvakt.sfu.meetings.by.streams", "direction", "in", "streams_at_most", "4"))
                .isEqualTo(2);
        assertThat(gauge("portvakt.sfu.meetings.by.streams", "direction", "in", "streams_at_most", "8"))
                .isEqualTo(2);
        assertThat(gauge("portvakt.sfu.meetings.by.streams", "direction", "in", "streams_at_most", "16"))
                .isEqualTo(3);
        assertThat(gauge("portvakt.sfu.meetings.by.streams", "direction", "out", "streams_at_most", "32"))
                .isEqualTo(2);
        assertThat(gauge("portvakt.sfu.meetings.by.streams", "direction", "out", "streams_at_most", "64"))
                .isEqualTo(3);
        assertThat(gauge("portvakt.sfu.meetings.by.streams", "direction", "out", "streams_at_most", "any"))
                .isEqualTo(3);
        assertThat(registry.getMeters()).noneMatch(meter -> meter.getId().getTag("meeting") != null);
        // the other meters keep working
        assertThat(gauge("portvakt.sfu.meetings")).isEqualTo(3);
        assertThat(gauge("portvakt.sfu.participants")).isEqualTo(7);
        assertThat(registry.get("portvakt.sfu.upstream.nacks").functionCounter().count())
                .isEqualTo(5);
        assertThat(registry.get("portvakt.sfu.upstream.repaired")
                        .functionCounter()
                        .count())
                .isEqualTo(2);
    }
}
