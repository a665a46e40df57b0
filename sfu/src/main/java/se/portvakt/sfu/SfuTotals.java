package se.portvakt.sfu;

import java.util.concurrent.atomic.LongAdder;
import se.portvakt.sfu.stats.MeetingStats;
import se.portvakt.sfu.stats.StreamStats;

/**
 * Counters of the whole SFU since it started: the live streams' counts plus those of every stream that ended, so
 * each sum only grows (what a Prometheus counter needs).
 *
 * @param nacksOut      sequence numbers subscribers NACKed (asked of us)
 * @param nacksUpstream sequence numbers we NACKed to publishers, retries included
 * @param repairedUpstream publishers' retransmissions (RTX) that filled a gap we NACKed
 * @param unknownSource datagrams from addresses no ICE check nominated (dropped)
 * @param streamsPerMeeting each live meeting's streams now, in no particular order (no meeting ids: for metrics)
 */
public record SfuTotals(
        int meetings,
        int participants,
        long packetsIn,
        long packetsOut,
        long bytesIn,
        long bytesOut,
        long lostIn,
        long nacksOut,
        long retransmitted,
        long keyframeRequestsIn,
        long unroutable,
        long nacksUpstream,
        long repairedUpstream,
        long unknownSource,
        java.util.List<MeetingStreams> streamsPerMeeting) {

    public SfuTotals {
        streamsPerMeeting = java.util.List.copyOf(streamsPerMeeting);
    }

    /**
     * One meeting's streams at one moment.
     *
     * @param in  publishers' streams into the SFU (a camera in simulcast counts once per layer's SSRC)
     * @param out copies sent to subscribers
     */
    public record MeetingStreams(int in, int out) {

        static MeetingStreams of(MeetingStats meeting) {
            int in = (int) meeting.streams().stream()
                    .filter(s -> s.direction() == StreamStats.Direction.IN)
                    .count();
            return new MeetingStreams(in, meeting.streams().size() - in);
        }
    }

    /** Several SFUs' counters as one (SFU nodes, an SFU's packet loops): each sum over them, their meetings side by side. */
    public static SfuTotals sum(java.util.List<SfuTotals> parts) {
        java.util.List<MeetingStreams> streams = new java.util.ArrayList<>();
        parts.forEach(part -> streams.addAll(part.streamsPerMeeting()));
        return new SfuTotals(
                (int) sum(parts, SfuTotals::meetings),
                (int) sum(parts, SfuTotals::participants),
                sum(parts, SfuTotals::packetsIn),
                sum(parts, SfuTotals::packetsOut),
                sum(parts, SfuTotals::bytesIn),
                sum(parts, SfuTotals::bytesOut),
                sum(parts, SfuTotals::lostIn),
                sum(parts, SfuTotals::nacksOut),
                sum(parts, SfuTotals::retransmitted),
                sum(parts, SfuTotals::keyframeRequestsIn),
                sum(parts, SfuTotals::unroutable),
                sum(parts, SfuTotals::nacksUpstream),
                sum(parts, SfuTotals::repairedUpstream),
                sum(parts, SfuTotals::unknownSource),
                streams);
    }

    private static long sum(java.util.List<SfuTotals> parts, java.util.function.ToLongFunction<SfuTotals> field) {
        return parts.stream().mapToLong(field).sum();
    }

    /** The ended streams' share, added to as streams end. */
    public static final class Ended {
        private final LongAdder packetsIn = new LongAdder();
        private final LongAdder packetsOut = new LongAdder();
        private final LongAdder bytesIn = new LongAdder();
        private final LongAdder bytesOut = new LongAdder();
        private final LongAdder lostIn = new LongAdder();
        private final LongAdder nacksOut = new LongAdder();
        private final LongAdder retransmitted = new LongAdder();
        private final LongAdder keyframeRequestsIn = new LongAdder();
        private final LongAdder unroutable = new LongAdder();
        private final LongAdder nacksUpstream = new LongAdder();
        private final LongAdder repairedUpstream = new LongAdder();

        public void add(StreamStats s) {
            if (s.direction() == StreamStats.Direction.IN) {
                packetsIn.add(s.packets());
                bytesIn.add(s.bytes());
                lostIn.add(s.lost());
                keyframeRequestsIn.add(s.keyframeRequests());
                nacksUpstream.add(s.nacks());
                repairedUpstream.add(s.repaired());
            } else {
                packetsOut.add(s.packets());
                bytesOut.add(s.bytes());
                nacksOut.add(s.nacks());
                retransmitted.add(s.retransmitted());
                unroutable.add(s.unroutable());
            }
        }

        /** These plus the live rooms'. */
        public SfuTotals with(java.util.List<MeetingStats> live, long unknownSource) {
            Ended all = new Ended();
            all.add(this);
            int participants = 0;
            for (MeetingStats m : live) {
                participants += m.participants();
                m.streams().forEach(all::add);
            }
            return new SfuTotals(
                    live.size(),
                    participants,
                    all.packetsIn.sum(),
                    all.packetsOut.sum(),
                    all.bytesIn.sum(),
                    all.bytesOut.sum(),
                    all.lostIn.sum(),
                    all.nacksOut.sum(),
                    all.retransmitted.sum(),
                    all.keyframeRequestsIn.sum(),
                    all.unroutable.sum(),
                    all.nacksUpstream.sum(),
                    all.repairedUpstream.sum(),
                    unknownSource,
                    live.stream().map(MeetingStreams::of).toList());
        }

        private void add(Ended other) {
            packetsIn.add(other.packetsIn.sum());
            packetsOut.add(other.packetsOut.sum());
            bytesIn.add(other.bytesIn.sum());
            bytesOut.add(other.bytesOut.sum());
            lostIn.add(other.lostIn.sum());
            nacksOut.add(other.nacksOut.sum());
            retransmitted.add(other.retransmitted.sum());
            keyframeRequestsIn.add(other.keyframeRequestsIn.sum());
            unroutable.add(other.unroutable.sum());
            nacksUpstream.add(other.nacksUpstream.sum());
            repairedUpstream.add(other.repairedUpstream.sum());
        }
    }
}
