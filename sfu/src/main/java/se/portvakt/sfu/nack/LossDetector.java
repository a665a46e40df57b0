package se.portvakt.sfu.nack;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds gaps in one incoming RTP stream and decides which lost packets to NACK now
 * (RFC 4585 section 6.2.1, generic NACK). Upstream, publisher side.
 *
 * <p>Sequence numbers are extended to 64 bits (RFC 3550 appendix A.1): a packet's distance
 * from the highest seen is taken as a signed 16-bit difference, so both wraparound and
 * reordering are handled.
 *
 * <p>Times are {@code System.nanoTime()}-style nanoseconds passed in by the caller (the
 * injected clock). Not thread-safe: one per incoming stream, used by its receive thread.
 * Allocates only when packets are lost.
 */
public final class LossDetector {
    private final NackSettings settings;
    private final long delayFloorNanos;
    private final long retryIntervalNanos;
    /** Extended sequence number of each missing packet, oldest first. */
    private final TreeMap<Long, Missing> missing = new TreeMap<>();

    private boolean started;
    private long highest;
    private long requested;
    private long recovered;
    private long abandoned;

    public LossDetector(NackSettings settings) {
        this.settings = settings;
        this.delayFloorNanos = settings.delayFloor().toNanos();
        this.retryIntervalNanos = settings.retryInterval().toNanos();
    }

    private static final class Missing {
        final long detectedAt;
        long lastRequestAt;
        int requests;

        Missing(long detectedAt) {
            this.detectedAt = detectedAt;
        }
    }

    /**
     * Records a received packet.
     *
     * @return the packet's extended sequence number
     */
    public long received(int sequenceNumber, long now) {
        int seq = sequenceNumber & 0xFFFF;
        if (!started) {
            started = true;
            highest = seq;
            return highest;
        }
        int delta = (short) (seq - (int) (highest & 0xFFFF));
        long extended = highest + delta;
        if (delta > settings.maxGap()) {
            missing.clear(); // a restart or a long outage: the old numbers are not worth asking for
            highest = extended;
        } else if (delta > 0) {
            for (long s = highest + 1; s < extended; s++) {
                missing.put(s, new Missing(now));
            }
            highest = extended;
            forgetOlderThan(highest - settings.window());
        } else if (delta < 0 && missing.remove(extended) != null) {
            recovered++;
        }
        return extended;
    }

    /**
     * The 16-bit sequence numbers to NACK at {@code now}, oldest first; marks them requested.
     * A packet is due once it has been missing for the delay floor, then again every retry
     * interval, at most {@code maxRetries} times, after which it is abandoned.
     */
    public List<Integer> due(long now) {
        if (missing.isEmpty()) {
            return List.of(); // the common case, every tick: allocate nothing
        }
        List<Integer> out = new ArrayList<>();
        Iterator<Map.Entry<Long, Missing>> it = missing.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Missing> e = it.next();
            Missing m = e.getValue();
            if (m.requests >= settings.maxRetries()) {
                if (now - m.lastRequestAt >= retryIntervalNanos) {
                    it.remove(); // the last retry had its chance
                    abandoned++;
                }
                continue;
            }
            boolean ready = m.requests == 0
                    ? now - m.detectedAt >= delayFloorNanos
                    : now - m.lastRequestAt >= retryIntervalNanos;
            if (ready) {
                m.requests++;
                m.lastRequestAt = now;
                requested++;
                out.add((int) (e.getKey() & 0xFFFF));
            }
        }
        return out;
    }

    private void forgetOlderThan(long oldest) {
        while (!missing.isEmpty() && missing.firstKey() < oldest) {
            missing.pollFirstEntry();
            abandoned++;
        }
    }

    /** Whether {@code sequenceNumber} is a gap still asked for (a retransmission of it repairs something). */
    public boolean isMissing(int sequenceNumber) {
        if (!started) {
            return false;
        }
        int delta = (short) ((sequenceNumber & 0xFFFF) - (int) (highest & 0xFFFF));
        return delta < 0 && missing.containsKey(highest + delta);
    }

    /** Highest extended sequence number received, or -1 before the first packet. */
    public long highest() {
        return started ? highest : -1;
    }

    /** Packets currently considered missing. */
    public int missingCount() {
        return missing.size();
    }

    /** Sequence numbers put into NACKs, retries included. */
    public long requested() {
        return requested;
    }

    /** Missing packets that arrived later (by retransmission or reordering). */
    public long recovered() {
        return recovered;
    }

    /** Missing packets given up on: retries spent or fell out of the window. */
    public long abandoned() {
        return abandoned;
    }
}
