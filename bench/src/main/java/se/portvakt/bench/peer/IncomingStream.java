package se.portvakt.bench.peer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import se.portvakt.sfu.rtcp.RtcpPacket;

/**
 * One SSRC the server sends a generator connection, as a browser's receive side tracks it: extended highest
 * sequence number and counts for reception reports (RFC 3550 A.3), gaps to NACK, and (from the trailers) which
 * packets of which source stream arrived. Used by the connection's receive thread; the report and the loss
 * count are read under the monitor.
 */
final class IncomingStream {
    private static final int MAX_NACK_GAP = 64;

    private final long ssrc;
    private boolean started;
    private int baseSeq;
    private int maxSeq;
    private int cycles;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private int sourceId = -1;
    private final BitSet seen = new BitSet();

    IncomingStream(long ssrc) {
        this.ssrc = ssrc;
    }

    long ssrc() {
        return ssrc;
    }

    /**
     * A packet arrived; returns the sequence numbers to NACK (the gap it revealed, empty if none).
     *
     * @param index the packet's index in its source stream (from its trailer), or -1 if it had none
     */
    synchronized List<Integer> received(int seq, int source, int index) {
        List<Integer> missing = List.of();
        if (!started) {
            started = true;
            baseSeq = seq;
            maxSeq = seq;
        } else {
            int delta = (seq - maxSeq) & 0xFFFF;
            if (delta > 0 && delta < 0x8000) {
                if (delta > 1 && delta <= MAX_NACK_GAP) {
                    missing = new ArrayList<>(delta - 1);
                    for (int k = 1; k < delta; k++) {
                        missing.add((maxSeq + k) & 0xFFFF);
                    }
                }
                if (seq < maxSeq) {
                    cycles += 0x10000;
                }
                maxSeq = seq;
            }
        }
        received++;
        if (index >= 0) {
            sourceId = source;
            seen.set(index);
        }
        return missing;
    }

    synchronized int sourceId() {
        return sourceId;
    }

    synchronized boolean receivedAny() {
        return received > 0;
    }

    /** Distinct packets of the source stream with index in [from, to) that arrived. */
    synchronized int distinct(int from, int to) {
        return from >= to ? 0 : seen.get(from, to).cardinality();
    }

    /** The reception report block for now (RFC 3550 A.3); jitter and LSR are not tracked (0). */
    synchronized RtcpPacket.ReportBlock report() {
        long extendedMax = cycles + maxSeq;
        long expected = extendedMax - baseSeq + 1;
        long lost = Math.max(0, Math.min(expected - received, 0x7FFFFF));
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        return new RtcpPacket.ReportBlock(
                ssrc, Math.min(fraction, 255), (int) lost, extendedMax & 0xFFFFFFFFL, 0, 0, 0);
    }
}
