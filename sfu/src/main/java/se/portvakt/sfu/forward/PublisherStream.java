package se.portvakt.sfu.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import se.portvakt.sfu.bandwidth.LossBasedEstimator;
import se.portvakt.sfu.bandwidth.RateMeter;
import se.portvakt.sfu.codec.CodecHandler;
import se.portvakt.sfu.keyframe.KeyframeRequester;
import se.portvakt.sfu.nack.LossDetector;
import se.portvakt.sfu.packetcache.PacketCache;
import se.portvakt.sfu.report.ReceptionStatistics;
import se.portvakt.sfu.report.ReportTimer;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.stats.StreamCounters;
import se.portvakt.sfu.stats.StreamStats;

/**
 * One stream a publisher sends us (one SSRC), fanned out to its {@link Subscriber}s.
 *
 * <p>Each packet arrives here already unprotected, once; it is cached plain for NACKs and
 * handed to every subscriber, which copies, rewrites and protects it for its own peer.
 * Upstream this stream owns the feedback to the publisher: NACKs for gaps, keyframe requests
 * (rate-limited), and each report interval an RR with a REMB from the loss-based estimate.
 *
 * <p>Locking: the stream's monitor guards its state (loss detector, statistics, keyframe
 * limiter); subscribers are taken under it, never the other way round. Subscribers may be added
 * and removed from any thread (copy-on-write list).
 */
public final class PublisherStream {
    private static final System.Logger LOG = System.getLogger(PublisherStream.class.getName());
    private final String participantId;
    private final long ssrc;
    private final MediaKind kind;
    private final long localSsrc;
    private final SrtpTransport feedback;
    private final PacketCache cache;
    private final LossDetector loss;
    /**
     * A stream that comes back after this long with sequence numbers missing lost the packets sent meanwhile for
     * good (retransmission history is shorter): see {@link #onRtp}. A screen share idle for seconds comes back
     * with no numbers missing and asks for nothing.
     */
    static final long RESUMED_AFTER_NANOS = 1_000_000_000L;

    private final ReceptionStatistics reception;
    private final KeyframeRequester keyframes;
    private final LossBasedEstimator estimator;
    private final ReportTimer reportTimer;
    private final StreamCounters counters;
    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final RateMeter rate = new RateMeter();
    private long reportedLost;
    private final long minBitrate;
    private final CodecHandler codec;
    /** System.nanoTime() of the last packet; read by the layer choice off this stream's monitor. */
    private volatile long lastPacketAt;

    private volatile boolean receivedAny;
    /** Why the request the limiter holds back was made: named when {@link #tick} sends it. */
    private KeyframeCause heldBackCause = KeyframeCause.RECEIVER_ASKED;
    /** The highest extended sequence number received: a jump over it after a silence means packets were lost. */
    private long highestSequence = -1;
    /**
     * The first packet of the newest keyframe (extended sequence number, -1 before any) and when it arrived: where
     * {@link #replayLatestKeyframe} starts.
     */
    private long keyframeStart = -1;

    private long keyframeAt;
    /** REMB goes to the publisher; false when its connection gets transport-cc feedback instead. */
    private volatile boolean remb = true;
    /** A simulcast layer: its REMB is not capped by its subscribers (see {@link #asLayer}). */
    private volatile boolean layer;

    /**
     * @param localSsrc the SSRC the SFU uses as sender of feedback to this publisher
     * @param feedback  the publisher's transport, for NACK, PLI/FIR, RR and REMB
     * @param usePli    the publisher negotiated "nack pli" (else FIR is used)
     */
    public PublisherStream(
            String participantId,
            long ssrc,
            MediaKind kind,
            long localSsrc,
            SrtpTransport feedback,
            boolean usePli,
            StreamSettings settings) {
        this(participantId, ssrc, kind, localSsrc, feedback, usePli, CodecHandler.OPAQUE, settings);
    }

    /**
     * @param codec where a subscriber may start: a VP8 stream's subscriber that joins or switches to it starts
     *              at a keyframe instead of being sent undecodable delta frames
     */
    public PublisherStream(
            String participantId,
            long ssrc,
            MediaKind kind,
            long localSsrc,
            SrtpTransport feedback,
            boolean usePli,
            CodecHandler codec,
            StreamSettings settings) {
        this.codec = codec;
        this.participantId = participantId;
        this.ssrc = ssrc;
        this.kind = kind;
        this.localSsrc = localSsrc;
        this.feedback = feedback;
        this.cache = new PacketCache(settings.cacheCapacity(), settings.cacheWindow());
        this.loss = new LossDetector(settings.nack());
        this.reception = new ReceptionStatistics(kind.clockRate());
        this.keyframes = new KeyframeRequester(localSsrc, ssrc, usePli, settings.keyframeInterval());
        this.estimator = new LossBasedEstimator(settings.estimator());
        this.minBitrate = settings.estimator().min();
        this.reportTimer = new ReportTimer(settings.reportInterval());
        this.counters = new StreamCounters(participantId, ssrc, kind.sdpName(), StreamStats.Direction.IN);
    }

    /**
     * Marks this stream as one simulcast layer. Chrome reads every REMB as the limit of its whole connection, so a
     * layer's REMB must not be capped by the receivers of that layer (the small tiles' low estimates would stop the
     * upper layers); a receiver's bandwidth is met by the layer it is given instead.
     */
    PublisherStream asLayer() {
        layer = true;
        return this;
    }

    /** Whether this stream's reports carry a REMB (not with transport-cc: the browser would take it as a cap). */
    void sendRemb(boolean send) {
        remb = send;
    }

    public long ssrc() {
        return ssrc;
    }

    public MediaKind kind() {
        return kind;
    }

    /** Subscribers must wait for a keyframe before forwarding (VP8 streams). */
    public boolean keyframeGated() {
        return codec.keyframeGated();
    }

    public String participantId() {
        return participantId;
    }

    /** Packets kept for NACK answering, in the publisher's numbering. */
    PacketCache cache() {
        return cache;
    }

    /**
     * A plain (already unprotected) RTP packet of this stream: count, cache, fan out.
     * The caller may reuse {@code buf} afterwards.
     *
     * @return whether this packet ends an outage: the stream was silent for {@link #RESUMED_AFTER_NANOS} or more and
     *     packets were lost meanwhile (the publisher kept sending into a path that was gone)
     */
    public synchronized boolean onRtp(byte[] buf, int off, int len, long now) {
        boolean afterSilence = receivedAny && now - lastPacketAt >= RESUMED_AFTER_NANOS;
        lastPacketAt = now;
        receivedAny = true;
        int seq = RtpFields.sequenceNumber(buf, off);
        long extended = loss.received(seq, now);
        boolean lostMeanwhile = extended - highestSequence > 1;
        highestSequence = Math.max(highestSequence, extended);
        reception.received(extended, RtpFields.timestamp(buf, off), now);
        counters.packets.increment();
        counters.bytes.add(len);
        rate.add(len, now);
        cache.store(seq, buf, off, len, now);
        boolean keyframe = codec.startsKeyframe(buf, off, len); // once, not per subscriber
        if (keyframe) {
            keyframes.keyframeArrived();
            keyframeStart = extended;
            keyframeAt = now;
        } else if (afterSilence && lostMeanwhile && shown()) {
            // the publisher kept sending while its path was gone (a network change, an outage): its receivers lost
            // frames that are too old to repair, so they start again from a keyframe, asked for before they notice.
            // A layer nobody is shown needs none: its receivers ask when they switch to it
            requestKeyframe(now, KeyframeCause.STREAM_RESUMED);
        }
        for (Subscriber s : subscribers) {
            s.forward(this, buf, off, len, keyframe, now);
        }
        return afterSilence && lostMeanwhile;
    }

    /**
     * A retransmission (RTX, already unwrapped) of this stream: taken as the original if it fills a gap still asked
     * for, and counted as a repair; dropped if the packet arrived already or was given up on (it would come too late,
     * or overwrite a newer packet's cache slot).
     *
     * @return whether it repaired a gap
     */
    public synchronized boolean onRetransmission(byte[] buf, int off, int len, long now) {
        if (!loss.isMissing(RtpFields.sequenceNumber(buf, off))) {
            counters.duplicateRepairs.increment();
            return false;
        }
        counters.repaired.increment();
        onRtp(buf, off, len, now);
        return true;
    }

    /** A keyframe at most this old is sent again from the cache to a copy that starts (see below). */
    static final long REPLAY_AGE_NANOS = 500_000_000L;

    /** The most packets (the keyframe and what followed it) sent again at once to a copy that starts. */
    static final int REPLAY_MAX_PACKETS = 160;

    /**
     * Starts {@code subscriber}'s copy from the newest keyframe in the cache, if it came within
     * {@link #REPLAY_AGE_NANOS} and the cache still holds it and every packet since: those are forwarded to it now, in
     * order, and it decodes at once instead of waiting a round trip for a keyframe of its own. Its join asked for a
     * keyframe when its answer was sent; that keyframe usually arrives while its DTLS handshake is still running, and
     * used to be spent on nobody, the copy asking again when keyed and the request waiting out the rate limit
     * (docs/sfu.md, "Starting a picture").
     *
     * @return whether the copy was started; if not, the caller asks for a keyframe
     */
    public synchronized boolean replayLatestKeyframe(Subscriber subscriber, long now) {
        if (!keyframeGated() || keyframeStart < 0 || now - keyframeAt > REPLAY_AGE_NANOS) {
            return false;
        }
        long count = highestSequence - keyframeStart + 1;
        if (count > REPLAY_MAX_PACKETS) {
            return false;
        }
        for (long seq = keyframeStart; seq <= highestSequence; seq++) {
            if (!cache.contains((int) seq)) {
                return false; // a gap: a keyframe asked for now starts the copy cleanly
            }
        }
        byte[] buf = new byte[PacketCache.SLOT_SIZE + 16]; // once per start of a copy, not per packet
        for (long seq = keyframeStart; seq <= highestSequence; seq++) {
            // held, as checked above under this same monitor, and a slot always fits the buffer
            subscriber.forward(this, buf, 0, cache.load((int) seq, buf, 0), seq == keyframeStart, now);
        }
        return true;
    }

    /** An SR from the publisher for this SSRC, remembered for the next RR's LSR/DLSR. */
    public synchronized void onSenderReport(RtcpPacket.SenderReport sr, long now) {
        reception.senderReport(sr.ntpTimestamp(), now);
    }

    /**
     * Adds a subscriber and, if its copy flows already, asks the publisher for a keyframe at once, so the
     * newcomer can start decoding without waiting for the next periodic one (a held copy asks when it is placed).
     */
    public void addSubscriber(Subscriber subscriber, long now) {
        subscriber.switchTo(this);
        subscribers.addIfAbsent(subscriber); // subscribing twice must not send every packet twice
        if (subscriber.route().flows()) {
            requestKeyframe(now, KeyframeCause.NEW_SUBSCRIBER);
        }
    }

    /** Whether some receiver is shown this stream now (its copy flows from here, not from another layer). */
    boolean shown() {
        for (Subscriber s : subscribers) {
            if (s.source() == this && s.route().flows()) {
                return true;
            }
        }
        return false;
    }

    /** The rate this stream arrives at, bit/s over the last second: what a receiver's downlink must carry for it. */
    public synchronized long bitrate(long now) {
        return rate.bitsPerSecond(now);
    }

    /** Whether a packet arrived at or after {@code since} (a System.nanoTime() value). */
    public boolean receivedSince(long since) {
        return receivedAny && lastPacketAt - since >= 0;
    }

    /** Feeds {@code subscriber} without making this its source: it waits here for a keyframe to switch to. */
    void addPendingSubscriber(Subscriber subscriber) {
        subscribers.addIfAbsent(subscriber);
    }

    public void removeSubscriber(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public List<Subscriber> subscribers() {
        return List.copyOf(subscribers);
    }

    /**
     * A subscriber needs a keyframe (its PLI/FIR, a join, a switch); rate-limited upstream.
     *
     * @param cause why, logged at DEBUG with each request sent (how an operator or a test finds where requests come
     *              from)
     */
    public synchronized void requestKeyframe(long now, KeyframeCause cause) {
        if (kind != MediaKind.VIDEO) {
            return;
        }
        Optional<RtcpPacket> request = keyframes.request(now);
        if (request.isPresent()) {
            sendKeyframeRequest(request.get(), cause);
        } else {
            heldBackCause = cause;
        }
    }

    private void sendKeyframeRequest(RtcpPacket request, KeyframeCause cause) {
        counters.keyframeRequests.increment();
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) { // no arguments built on the packet loop when it is off
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "keyframe request to {0} ssrc {1}: {2}",
                    participantId,
                    Long.toString(ssrc),
                    cause);
        }
        feedback.sendRtcp(List.of(request));
    }

    /**
     * Timer work, called every few ms by the loop: due NACKs, a held-back keyframe request,
     * and each report interval an RR with a REMB.
     */
    public synchronized void tick(long now) {
        List<Integer> due = loss.due(now);
        if (!due.isEmpty()) {
            counters.nacks.add(due.size());
            feedback.sendRtcp(List.of(new RtcpPacket.GenericNack(localSsrc, ssrc, due)));
        }
        keyframes.tick(now).ifPresent(request -> sendKeyframeRequest(request, heldBackCause));
        if (reportTimer.due(now)) {
            Optional.ofNullable(receiverReport(now)).ifPresent(feedback::sendRtcp);
        }
    }

    /** RR for this stream plus a REMB of the new estimate; null before the first packet. */
    List<RtcpPacket> receiverReport(long now) {
        RtcpPacket.ReportBlock block = reception.reportBlock(ssrc, now);
        if (block == null) {
            return null;
        }
        long lostNow = reception.cumulativeLost();
        counters.lost.add(lostNow - reportedLost);
        reportedLost = lostNow;
        List<RtcpPacket> out = new ArrayList<>(2);
        out.add(new RtcpPacket.ReceiverReport(localSsrc, List.of(block)));
        if (kind == MediaKind.VIDEO) {
            // Upstream loss sets our own estimate; the weakest subscriber caps it (galene's rule),
            // so one publisher is never pushed past what its receivers can take.
            long bitrate = estimator.update(block.fractionLost() / 256.0, now);
            for (Subscriber s : subscribers) {
                bitrate = layer ? bitrate : Math.min(bitrate, s.downlinkLimit());
            }
            bitrate = Math.max(bitrate, minBitrate);
            counters.bitrateEstimate(bitrate);
            if (remb) {
                out.add(new RtcpPacket.Remb(localSsrc, bitrate, List.of(ssrc)));
            }
        }
        return out;
    }

    public StreamStats stats() {
        return counters.snapshot();
    }

    public synchronized long missingNow() {
        return loss.missingCount();
    }
}
