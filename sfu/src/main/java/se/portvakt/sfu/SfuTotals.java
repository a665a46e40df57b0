package se.portvakt.sfu;

import java.util.concurrent.atomic.LongAdder;
import se.portvakt.sfu.stats.MeetingStats;
import se.portvakt.sfu.stats.StreamStats;

/**
 * Counters of the whole SFU since it started: the live streams' counts plus those of every stream that ended, so
 * each sum only grows (what a Prometheus counter needs).
 *
 * @param unknownSource datagrams from addresses no ICE check nominated (dropped)
 */
public record SfuTotals(int meetings, int participants, long packetsIn, long packetsOut, long bytesIn, long bytesOut,
                        long lostIn, long nacksOut, long retransmitted, long keyframeRequestsIn, long unroutable,
                        long unknownSource) {

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

        public void add(StreamStats s) {
            if (s.direction() == StreamStats.Direction.IN) {
                packetsIn.add(s.packets());
                bytesIn.add(s.bytes());
                lostIn.add(s.lost());
                keyframeRequestsIn.add(s.keyframeRequests());
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
            long pIn = packetsIn.sum();
            long pOut = packetsOut.sum();
            long bIn = bytesIn.sum();
            long bOut = bytesOut.sum();
            long lost = lostIn.sum();
            long nacks = nacksOut.sum();
            long resent = retransmitted.sum();
            long keyframes = keyframeRequestsIn.sum();
            long dropped = unroutable.sum();
            int participants = 0;
            for (MeetingStats m : live) {
                participants += m.participants();
                for (StreamStats s : m.streams()) {
                    if (s.direction() == StreamStats.Direction.IN) {
                        pIn += s.packets();
                        bIn += s.bytes();
                        lost += s.lost();
                        keyframes += s.keyframeRequests();
                    } else {
                        pOut += s.packets();
                        bOut += s.bytes();
                        nacks += s.nacks();
                        resent += s.retransmitted();
                        dropped += s.unroutable();
                    }
                }
            }
            return new SfuTotals(live.size(), participants, pIn, pOut, bIn, bOut, lost, nacks, resent, keyframes, dropped,
                    unknownSource);
        }
    }
}
