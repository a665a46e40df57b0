package se.portvakt.sfu.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one stream, updated on the packet path without locks (LongAdder: a
 * contended increment spreads over cells instead of spinning) and read by {@link #snapshot}.
 */
public final class StreamCounters {
    private final String participantId;
    private final long ssrc;
    private final String kind;
    private final StreamStats.Direction direction;
    public final LongAdder packets = new LongAdder();
    public final LongAdder bytes = new LongAdder();
    public final LongAdder lost = new LongAdder();
    public final LongAdder nacks = new LongAdder();
    public final LongAdder retransmitted = new LongAdder();
    public final LongAdder unrepairable = new LongAdder();
    public final LongAdder keyframeRequests = new LongAdder();
    public final LongAdder gated = new LongAdder();
    public final LongAdder unroutable = new LongAdder();
    public final LongAdder repaired = new LongAdder();
    public final LongAdder duplicateRepairs = new LongAdder();
    public final LongAdder heldBack = new LongAdder();
    /** Last estimate sent or received, bit/s; a gauge, not a sum. */
    private volatile long bitrateEstimate;

    public StreamCounters(String participantId, long ssrc, String kind, StreamStats.Direction direction) {
        this.participantId = participantId;
        this.ssrc = ssrc;
        this.kind = kind;
        this.direction = direction;
    }

    public void bitrateEstimate(long bitsPerSecond) {
        this.bitrateEstimate = bitsPerSecond;
    }

    public StreamStats snapshot() {
        return new StreamStats(
                participantId,
                ssrc,
                kind,
                direction,
                packets.sum(),
                bytes.sum(),
                lost.sum(),
                nacks.sum(),
                retransmitted.sum(),
                unrepairable.sum(),
                keyframeRequests.sum(),
                gated.sum(),
                bitrateEstimate,
                unroutable.sum(),
                repaired.sum(),
                duplicateRepairs.sum(),
                heldBack.sum());
    }
}
