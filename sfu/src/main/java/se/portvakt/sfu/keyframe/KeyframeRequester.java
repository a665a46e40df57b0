package se.portvakt.sfu.keyframe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import se.portvakt.sfu.rtcp.RtcpPacket;

/**
 * Turns subscribers' keyframe needs (a PLI or FIR from them, or a subscriber joining) into
 * requests to one publisher stream, at most one per {@code minInterval} (galene: 500 ms).
 *
 * <p>A keyframe takes a round trip to arrive and serves every subscriber at once, so a request
 * inside the interval is not sent but remembered; {@link #tick} sends it when the interval ends,
 * so no need is lost, only merged. A keyframe that arrives meanwhile ({@link #keyframeArrived})
 * serves every need remembered before it: nothing more is asked for them.
 *
 * <p>Uses PLI (RFC 4585 section 6.3.1) when the publisher negotiated "nack pli", else FIR
 * (RFC 5104 section 4.3.1) with its command sequence number. Times are nanoseconds from the
 * caller's clock. Not thread-safe: called from the receive loop that owns the stream.
 */
public final class KeyframeRequester {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);

    private final long senderSsrc;
    private final long mediaSsrc;
    private final boolean usePli;
    private final long intervalNanos;
    private boolean everSent;
    private long lastSentAt;
    private boolean pending;
    private int firSequence;
    private long sent;
    private long merged;
    private long served;

    /**
     * @param senderSsrc our SSRC in the feedback packet
     * @param mediaSsrc  the publisher's stream
     */
    public KeyframeRequester(long senderSsrc, long mediaSsrc, boolean usePli, Duration minInterval) {
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.usePli = usePli;
        this.intervalNanos = minInterval.toNanos();
    }

    /** A subscriber needs a keyframe; returns the request to send upstream now, if the limit allows. */
    public Optional<RtcpPacket> request(long now) {
        if (everSent && now - lastSentAt < intervalNanos) {
            pending = true;
            merged++;
            return Optional.empty();
        }
        return Optional.of(send(now));
    }

    /** The publisher's stream began a keyframe: it serves every need held back so far. */
    public void keyframeArrived() {
        if (pending) {
            pending = false;
            served++;
        }
    }

    /** Timer: sends a request held back by the limit once the interval has passed. */
    public Optional<RtcpPacket> tick(long now) {
        if (pending && now - lastSentAt >= intervalNanos) {
            return Optional.of(send(now));
        }
        return Optional.empty();
    }

    private RtcpPacket send(long now) {
        everSent = true;
        lastSentAt = now;
        pending = false;
        sent++;
        if (usePli) {
            return new RtcpPacket.PictureLossIndication(senderSsrc, mediaSsrc);
        }
        firSequence = (firSequence + 1) & 0xFF; // a new request gets a new number (RFC 5104 4.3.1.1)
        return new RtcpPacket.FullIntraRequest(senderSsrc, List.of(new RtcpPacket.FirEntry(mediaSsrc, firSequence)));
    }

    /** Requests sent upstream. */
    public long sent() {
        return sent;
    }

    /** Needs folded into an earlier or a later request by the limit. */
    public long merged() {
        return merged;
    }

    /** Held-back needs that a keyframe served before their request was due. */
    public long served() {
        return served;
    }

    public boolean pending() {
        return pending;
    }
}
