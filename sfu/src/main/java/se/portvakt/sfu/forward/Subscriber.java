package se.portvakt.sfu.forward;

import java.util.List;
import se.portvakt.sfu.bandwidth.EstimatorSettings;
import se.portvakt.sfu.bandwidth.LossBasedEstimator;
import se.portvakt.sfu.report.ReportTimer;
import se.portvakt.sfu.report.SenderStatistics;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.rtp.RtpRewriter;
import se.portvakt.sfu.srtp.SrtpProfile;
import se.portvakt.sfu.stats.StreamCounters;
import se.portvakt.sfu.stats.StreamStats;

/**
 * One outgoing stream to one subscriber: a fixed SSRC of ours whose source (a
 * {@link PublisherStream}) may change. Sequence numbers and timestamps stay continuous across
 * a switch: at the first packet of the new source the offsets are chosen so that the sequence
 * number follows the last one sent and the timestamp advances by the wall time that passed.
 *
 * <p>NACKs from the subscriber name our sequence numbers; each is mapped back through the
 * current offset to the source's numbering and resent from the source's {@code PacketCache},
 * re-rewritten and re-protected. Numbers sent before the last switch are not answerable.
 *
 * <p>Locking: the subscriber's monitor guards the rewriter, its scratch buffer and counters;
 * {@link #forward} runs under the source's monitor as well (publisher, then subscriber).
 */
public final class Subscriber {
    /** Room for a full-size packet plus the largest SRTP tag. */
    private static final int SCRATCH = 1500 + 16;

    private final String participantId;
    private final long ssrc;
    private final MediaKind kind;
    private final SrtpTransport transport;
    private final RtpRewriter rewriter;
    private final SenderStatistics sent;
    private final ReportTimer reportTimer;
    private final StreamCounters counters;
    private final byte[] scratch = new byte[SCRATCH];
    private final LossBasedEstimator downlink;
    private long rembCeiling = Long.MAX_VALUE;
    private volatile PublisherStream source;
    /** A simulcast layer to switch to at its next keyframe; until then {@code source} keeps flowing. */
    private volatile PublisherStream pending;
    /** The receiver wants the highest simulcast layer (its stage), else the lowest. */
    private volatile boolean prefersHigh;

    private Route route = Route.PASS_THROUGH;
    private boolean needOffsets = true;
    private boolean waitingForKeyframe;
    /** Since when packets are held back for want of a keyframe, once the first one was: to ask again in time. */
    private boolean gating;

    private long gatingSince;
    private boolean sentAny;
    private int sequenceOffset;
    private long timestampOffset;
    private int firstSequenceOfSource;
    private int lastSequence;
    private long lastTimestamp;
    private long lastSentAt;
    private long layerSwitches;
    /** Paused by the receiver's downlink budget (video only; audio is never cut): nothing is forwarded. */
    private boolean bandwidthPaused;

    private boolean budgetLimited;
    private long fitsSince = Long.MIN_VALUE;

    /** @param ssrc the SSRC this subscriber sees (announced in its SDP), not the publisher's */
    public Subscriber(
            String participantId, long ssrc, MediaKind kind, SrtpTransport transport, StreamSettings settings) {
        this.participantId = participantId;
        this.ssrc = ssrc;
        this.kind = kind;
        this.transport = transport;
        this.rewriter = new RtpRewriter(ssrc);
        this.sent = new SenderStatistics(kind.clockRate());
        this.reportTimer = new ReportTimer(settings.reportInterval());
        this.counters = new StreamCounters(participantId, ssrc, kind.sdpName(), StreamStats.Direction.OUT);
        // Starts at the maximum: until a subscriber reports loss it does not hold the publisher back.
        EstimatorSettings e = settings.estimator();
        this.downlink = new LossBasedEstimator(
                new EstimatorSettings(e.max(), e.min(), e.max(), e.increasePerSecond(), e.lowLoss(), e.highLoss()));
    }

    public long ssrc() {
        return ssrc;
    }

    public String participantId() {
        return participantId;
    }

    public MediaKind kind() {
        return kind;
    }

    public PublisherStream source() {
        return source;
    }

    /** The layer this copy waits to switch to, or null. */
    public PublisherStream pending() {
        return pending;
    }

    public boolean prefersHigh() {
        return prefersHigh;
    }

    /** The receiver's wish for this copy's simulcast layer: high for its stage, low for a small tile. */
    public void preferHigh(boolean high) {
        prefersHigh = high;
    }

    public synchronized Route route() {
        return route;
    }

    /**
     * Places (or holds, or pauses) this copy in its subscriber's browser. When it starts to flow again, sequence
     * numbers continue from the last one sent, so the gap is not reported as loss, and a VP8 source is asked for
     * a keyframe: the browser's decoder has nothing to start from.
     */
    public void route(Route next, long now) {
        boolean resumes;
        synchronized (this) {
            resumes = !route.flows() && next.flows();
            route = next;
            if (resumes) {
                needOffsets = true;
                waitingForKeyframe = source != null && source.keyframeGated();
            }
        }
        PublisherStream from = source;
        if (resumes && from != null) {
            from.requestKeyframe(now, KeyframeCause.COPY_RESUMED);
        }
    }

    /** Makes {@code next} the source; offsets are fixed at its first packet. */
    synchronized void switchTo(PublisherStream next) {
        PublisherStream previous = source;
        if (previous != null && previous != next) {
            previous.removeSubscriber(this);
        }
        dropPending(next);
        source = next;
        needOffsets = true;
        waitingForKeyframe = next.keyframeGated();
    }

    /**
     * Switches to another simulcast layer of the same track without going black: while this copy flows, the
     * current layer keeps being forwarded until {@code next} starts a keyframe (asked for now), and the switch
     * happens at that packet. A copy that shows nothing yet (held, paused, waiting for its first keyframe)
     * switches at once. Not called under a stream's monitor.
     */
    public void switchAtKeyframe(PublisherStream next, long now) {
        boolean ask;
        synchronized (this) {
            if (next == source) {
                dropPending(null); // the current layer is right again: forget a switch under way
                return;
            }
            if (next == pending) {
                return;
            }
            if (source == null || !sentAny || waitingForKeyframe || !route.flows()) {
                next.addPendingSubscriber(this);
                switchTo(next);
                ask = route.flows();
            } else {
                dropPending(null);
                pending = next;
                next.addPendingSubscriber(this);
                ask = true;
            }
        }
        if (ask) {
            next.requestKeyframe(now, KeyframeCause.LAYER_SWITCH);
        }
    }

    /** Forgets the pending layer (unless it is {@code keep}) and stops being fed by it. */
    private void dropPending(PublisherStream keep) {
        PublisherStream was = pending;
        pending = null;
        if (was != null && was != keep && was != source) {
            was.removeSubscriber(this);
        }
    }

    /** Stops being fed by its source and by a pending layer (the copy ends). */
    public synchronized void detach() {
        dropPending(null);
        if (source != null) {
            source.removeSubscriber(this);
        }
    }

    /**
     * Called by {@code from} for each plain packet; drops packets of a source switched away
     * from, and of a gated source until its keyframe starts.
     */
    synchronized void forward(PublisherStream from, byte[] buf, int off, int len, boolean keyframe, long now) {
        if (from == pending && keyframe && route.flows() && transport.session() != null) {
            PublisherStream previous = source; // the new layer's keyframe: switch here, nothing goes black
            source = from;
            pending = null;
            if (previous != null) {
                previous.removeSubscriber(this);
            }
            needOffsets = true;
            waitingForKeyframe = false;
            gating = false;
            layerSwitches++;
        }
        if (from != source || len > SCRATCH - 16 || !route.flows() || bandwidthPaused || transport.session() == null) {
            return; // before DTLS is done nothing can be sent, and a keyframe must not be spent on it
        }
        if (waitingForKeyframe) {
            if (!keyframe) {
                counters.gated.increment(); // the join or switch already asked the publisher for one
                askAgainIfLong(from, now);
                return;
            }
            waitingForKeyframe = false;
            gating = false;
        }
        if (needOffsets) {
            chooseOffsets(buf, off, now);
        }
        System.arraycopy(buf, off, scratch, 0, len);
        len = fitToRoute(len);
        if (len < 0) {
            counters.unroutable.increment();
            return;
        }
        rewriter.rewrite(scratch, 0);
        int seq = RtpFields.sequenceNumber(scratch, 0);
        if (((seq - lastSequence) & 0x8000) == 0 || !sentAny) { // newest so far (signed 16-bit compare)
            lastSequence = seq;
            lastTimestamp = RtpFields.timestamp(scratch, 0);
            lastSentAt = now;
        }
        sentAny = true;
        if (transport.sendRtp(scratch, 0, len)) {
            counters.packets.increment();
            counters.bytes.add(len);
            sent.sent(lastTimestamp, len - 12, now);
        }
    }

    /** The packet in {@code scratch} with the subscriber's payload type and, for a browser, no extensions; -1 if unroutable. */
    private int fitToRoute(int len) {
        int payloadType = route.payloadType(RtpFields.payloadType(scratch, 0));
        if (payloadType < 0) {
            return -1;
        }
        RtpFields.setPayloadType(scratch, 0, payloadType);
        return route.bareHeader() ? RtpFields.stripExtension(scratch, 0, len) : len;
    }

    private void chooseOffsets(byte[] buf, int off, long now) {
        int inSeq = RtpFields.sequenceNumber(buf, off);
        long inTs = RtpFields.timestamp(buf, off);
        if (!sentAny) {
            sequenceOffset = 0; // the first source's numbers pass through unchanged
            timestampOffset = 0;
        } else {
            long elapsedTicks = Math.max(1, (now - lastSentAt) * kind.clockRate() / 1_000_000_000L);
            sequenceOffset = (lastSequence + 1 - inSeq) & 0xFFFF;
            timestampOffset = (lastTimestamp + elapsedTicks - inTs) & 0xFFFFFFFFL;
        }
        rewriter.offsets(sequenceOffset, timestampOffset);
        firstSequenceOfSource = (inSeq + sequenceOffset) & 0xFFFF;
        needOffsets = false;
    }

    /** Whether a retransmission of so many bytes may go to the receiver now (its link's {@link RepairBudget}). */
    @FunctionalInterface
    public interface Repairs {
        boolean allow(int bytes, long now);
    }

    /**
     * The subscriber NACKed these (our) sequence numbers: resend what the source's cache holds, as far as
     * {@code repairs} allows (the rest is counted {@code heldBack}).
     */
    public synchronized void onNack(List<Integer> lost, Repairs repairs, long now) {
        counters.nacks.add(lost.size());
        PublisherStream from = source;
        for (int outSeq : lost) {
            int sinceSwitch = (outSeq - firstSequenceOfSource) & 0xFFFF;
            int sentSinceSwitch = (lastSequence - firstSequenceOfSource) & 0xFFFF;
            int len = -1;
            if (from != null && sentAny && !needOffsets && sinceSwitch <= sentSinceSwitch) {
                len = from.cache().load((outSeq - sequenceOffset) & 0xFFFF, scratch, 0);
            }
            if (len >= 0) {
                len = fitToRoute(len);
            }
            if (len < 0 || len + SrtpProfile.AEAD_AES_128_GCM.rtpOverhead() > scratch.length) {
                counters.unrepairable.increment();
                continue;
            }
            if (!repairs.allow(len, now)) {
                counters.heldBack.increment();
                continue;
            }
            rewriter.rewrite(scratch, 0);
            if (transport.sendRtp(scratch, 0, len)) {
                counters.retransmitted.increment();
                counters.bytes.add(len);
            }
        }
    }

    /**
     * A keyframe request can be lost (sent before the publisher's keys were ready, or dropped on its way) and a VP8
     * publisher sends none unasked, so a copy still held back a second after its first held packet asks again;
     * the publisher's stream merges this with other requests. Called under {@code from}'s monitor (its packet).
     */
    private void askAgainIfLong(PublisherStream from, long now) {
        if (!gating) {
            gating = true;
            gatingSince = now;
        } else if (now - gatingSince >= KEYFRAME_RETRY_NANOS) {
            gatingSince = now;
            from.requestKeyframe(now, KeyframeCause.STILL_HELD_BACK);
        }
    }

    private static final long KEYFRAME_RETRY_NANOS = 1_000_000_000L;

    /**
     * The subscriber's connection is keyed: whatever it was sent before was lost, so a gated copy starts again at
     * a keyframe: the newest one from the source's cache if it is recent, else one asked for now.
     */
    public void connected(long now) {
        PublisherStream from;
        synchronized (this) {
            if (!route.flows()) {
                return;
            }
            from = source;
            waitingForKeyframe = from != null && from.keyframeGated();
        }
        if (from != null && !from.replayLatestKeyframe(this, now)) {
            from.requestKeyframe(now, KeyframeCause.RECEIVER_KEYED);
        }
    }

    /**
     * The receiver's media moved to a new path (a new address, an ICE restart): what it missed on the way is
     * replaced by a keyframe, asked for now, rather than repaired packet by packet or left to its own request.
     */
    public void pathMoved(long now) {
        PublisherStream from = source;
        if (from != null && kind == MediaKind.VIDEO) {
            from.requestKeyframe(now, KeyframeCause.PATH_MOVED);
        }
    }

    /** The subscriber sent PLI or FIR for our SSRC: relay to the source, which rate-limits. */
    public void onKeyframeRequest(long now) {
        counters.keyframeRequests.increment();
        PublisherStream from = source;
        if (from != null) {
            from.requestKeyframe(now, KeyframeCause.RECEIVER_ASKED);
        }
    }

    /**
     * The subscriber's reception report about our SSRC: its loss drives this copy's own
     * loss-based estimate, which caps what the publisher is asked to send.
     */
    public synchronized void onReceptionReport(RtcpPacket.ReportBlock block, long now) {
        counters.lost.add(block.cumulativeLost() - counters.lost.sum());
        downlink.update(block.fractionLost() / 256.0, now);
        counters.bitrateEstimate(downlinkLimit());
    }

    /** The subscriber's own REMB naming our SSRC: a ceiling from its receive-side estimator. */
    public synchronized void onRemb(long bitrate) {
        rembCeiling = bitrate;
        counters.bitrateEstimate(downlinkLimit());
    }

    /** What this subscriber can take, bit/s: its loss-based estimate, under its REMB if it sent one. */
    public synchronized long downlinkLimit() {
        return Math.min(downlink.bitrate(), rembCeiling);
    }

    /** Timer: an SR each report interval once something was sent. */
    public synchronized void tick(long now, long wallClockMillis) {
        if (reportTimer.due(now)) {
            RtcpPacket.SenderReport sr = sent.senderReport(ssrc, wallClockMillis, now);
            if (sr != null) {
                transport.sendRtcp(List.of(sr));
            }
        }
    }

    /**
     * Pauses this copy because the receiver's downlink cannot carry it, or resumes it; resuming starts at a keyframe,
     * asked for now, with sequence numbers continuing from the last one sent.
     */
    public void pauseForBandwidth(boolean pause, long now) {
        PublisherStream from;
        synchronized (this) {
            if (pause == bandwidthPaused) {
                return;
            }
            bandwidthPaused = pause;
            if (pause) {
                return;
            }
            needOffsets = true;
            waitingForKeyframe = source != null && source.keyframeGated();
            from = route.flows() ? source : null;
        }
        if (from != null) {
            from.requestKeyframe(now, KeyframeCause.COPY_RESUMED);
        }
    }

    public synchronized boolean pausedForBandwidth() {
        return bandwidthPaused;
    }

    /** The downlink budget's memory for this copy ({@link LayerBudget.Copy}). */
    public synchronized void budget(boolean limited, long fitsSince) {
        this.budgetLimited = limited;
        this.fitsSince = fitsSince;
    }

    public synchronized boolean budgetLimited() {
        return budgetLimited;
    }

    public synchronized long fitsSince() {
        return fitsSince;
    }

    /** How many times this copy moved to another simulcast layer at its keyframe. */
    public synchronized long layerSwitches() {
        return layerSwitches;
    }

    public StreamStats stats() {
        return counters.snapshot();
    }
}
