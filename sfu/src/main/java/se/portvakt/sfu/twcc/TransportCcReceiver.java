package se.portvakt.sfu.twcc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import se.portvakt.sfu.rtcp.RtcpPacket;

/**
 * The receive side of transport-wide congestion control for one connection: records when each transport sequence
 * number arrived and, every {@link #INTERVAL_NANOS}, reports every number since the last report, received or not, as
 * transport-cc feedback (RTPFB FMT 15). The browser's send-side estimator (Chrome's GoogCC) reads delay growth from
 * the deltas and loss from the gaps; without this feedback it counts everything it sent as unacknowledged.
 *
 * <p>Each number is reported once, in order; one arriving after its report (reordered across it) has already been
 * reported lost and is not reported again, as libwebrtc's periodic receiver does. Times are in 250 us ticks since the
 * first packet, so every delta is exact and nothing drifts; the reference time is those ticks in 64 ms units.
 *
 * <p>Records into preallocated arrays: {@link #received} allocates nothing. Not thread-safe on its own: one per
 * connection, used under the caller's lock (the loop thread and the tick).
 */
public final class TransportCcReceiver {
    /** How often feedback goes out while packets arrive: 20 a second, within Chrome's 50-250 ms. */
    public static final long INTERVAL_NANOS = 50_000_000L;
    /**
     * A packet arriving this long after the one before starts a new report at its own number: the numbers sent
     * meanwhile went into a path that is gone (a network change, an outage) and are not reported lost, as libwebrtc's
     * receiver culls arrivals older than its 500 ms window. Reported lost, they read to the sender's estimator as a
     * link that lost everything, and it sent the keyframe that ends the outage at its lowest rate.
     */
    static final long OUTAGE_NANOS = 500_000_000L;
    /** Statuses per feedback packet: at most ~1.3 kB of chunks and deltas, under any MTU. */
    static final int MAX_STATUSES = 500;

    private static final int RING = 1 << 13;
    private static final long TICK_NANOS = 250_000L;
    private static final int TICKS_PER_REFERENCE = 256; // 64 ms

    private final long senderSsrc;
    private final long[] arrivalTicks = new long[RING];
    private final long[] sequenceAt = new long[RING];
    private boolean started;
    private long epochNanos;
    private long highest;
    private long lastArrival;
    /** The first extended number not yet reported. */
    private long next;

    private long mediaSsrc;
    private int feedbackCount;
    private long nextFeedbackAt;
    private long late;

    /** @param senderSsrc our SSRC as sender of the feedback */
    public TransportCcReceiver(long senderSsrc) {
        this.senderSsrc = senderSsrc;
        Arrays.fill(sequenceAt, -1);
    }

    /** A packet with transport-wide number {@code sequenceNumber} (16 bits) arrived at {@code now} (ns). */
    public void received(int sequenceNumber, long mediaSsrc, long now) {
        int seq = sequenceNumber & 0xFFFF;
        long extended;
        if (!started) {
            started = true;
            epochNanos = now;
            extended = seq + (1L << 16); // room below for numbers reordered before the first
            highest = extended;
            next = extended;
            nextFeedbackAt = now + INTERVAL_NANOS;
        } else {
            extended = highest + (short) (seq - (int) (highest & 0xFFFF));
            if (extended < next) {
                late++;
                return;
            }
            if (now - lastArrival > OUTAGE_NANOS && extended > highest && next > highest) {
                next = extended; // everything before was reported; the numbers lost in the outage are not
            }
            highest = Math.max(highest, extended);
        }
        lastArrival = now;
        int slot = (int) (extended & (RING - 1));
        sequenceAt[slot] = extended;
        arrivalTicks[slot] = (now - epochNanos) / TICK_NANOS;
        this.mediaSsrc = mediaSsrc;
    }

    /** Feedback due at {@code now}: empty between intervals or when nothing arrived since the last. */
    public List<RtcpPacket.TransportCcFeedback> due(long now) {
        if (!started || now - nextFeedbackAt < 0 || highest < next) {
            return List.of();
        }
        nextFeedbackAt = now + INTERVAL_NANOS;
        if (highest - next >= RING) {
            next = highest - RING + 1; // a jump past what the ring holds: the skipped numbers are not reported
        }
        int n = (int) (highest - next + 1);
        long[] ticks = new long[n];
        for (int i = 0; i < n; i++) {
            int slot = (int) ((next + i) & (RING - 1));
            ticks[i] = sequenceAt[slot] == next + i ? arrivalTicks[slot] : -1;
        }
        List<RtcpPacket.TransportCcFeedback> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int firstReceived = i;
            while (ticks[firstReceived] < 0) {
                firstReceived++; // the last number is the highest, which arrived
            }
            long reference = ticks[firstReceived] / TICKS_PER_REFERENCE;
            long last = reference * TICKS_PER_REFERENCE;
            int[] symbols = new int[Math.min(MAX_STATUSES, n - i)];
            int[] deltas = new int[symbols.length];
            int count = 0;
            int received = 0;
            while (i + count < n && count < MAX_STATUSES) {
                long t = ticks[i + count];
                if (t < 0) {
                    symbols[count++] = TransportCcChunks.NOT_RECEIVED;
                    continue;
                }
                int symbol = TransportCcChunks.symbolFor(t - last);
                if (symbol < 0) {
                    break; // more than 8 s from the previous: the next feedback packet starts here
                }
                symbols[count++] = symbol;
                deltas[received++] = (int) (t - last);
                last = t;
            }
            TransportCcChunks.Statuses statuses =
                    new TransportCcChunks.Statuses(Arrays.copyOf(symbols, count), Arrays.copyOf(deltas, received));
            out.add(new RtcpPacket.TransportCcFeedback(
                    senderSsrc,
                    mediaSsrc,
                    (int) ((next + i) & 0xFFFF),
                    count,
                    (int) (reference & 0xFFFFFF),
                    feedbackCount++ & 0xFF,
                    TransportCcChunks.encode(statuses)));
            i += count;
        }
        next = highest + 1;
        return out;
    }

    /** Numbers that arrived after they were reported lost. */
    public long late() {
        return late;
    }
}
