package se.portvakt.sfu.stats;

import java.time.Instant;
import java.util.List;

/** All streams of one meeting room at one moment, with sums over them. */
public record MeetingStats(String meetingId, Instant takenAt, int participants, List<StreamStats> streams) {

    public MeetingStats {
        streams = List.copyOf(streams);
    }

    public long packetsIn() {
        return sum(StreamStats.Direction.IN, StreamStats::packets);
    }

    public long packetsOut() {
        return sum(StreamStats.Direction.OUT, StreamStats::packets);
    }

    public long bytesIn() {
        return sum(StreamStats.Direction.IN, StreamStats::bytes);
    }

    public long bytesOut() {
        return sum(StreamStats.Direction.OUT, StreamStats::bytes);
    }

    public long lostIn() {
        return sum(StreamStats.Direction.IN, StreamStats::lost);
    }

    public long nacksOut() {
        return sum(StreamStats.Direction.OUT, StreamStats::nacks);
    }

    public long keyframeRequestsIn() {
        return sum(StreamStats.Direction.IN, StreamStats::keyframeRequests);
    }

    private long sum(StreamStats.Direction direction, java.util.function.ToLongFunction<StreamStats> field) {
        return streams.stream()
                .filter(s -> s.direction() == direction)
                .mapToLong(field)
                .sum();
    }
}
