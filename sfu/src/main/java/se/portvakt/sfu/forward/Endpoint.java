package se.portvakt.sfu.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import se.portvakt.sfu.bandwidth.DownlinkEstimator;
import se.portvakt.sfu.codec.CodecHandler;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtcp.RtcpParser;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.rtx.RtxUnwrap;
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.stats.StreamStats;
import se.portvakt.sfu.twcc.TransportCcReceiver;
import se.portvakt.sfu.twcc.TransportSequence;

/**
 * One participant as the forwarder sees it: the streams it publishes (by their SSRC) and the
 * streams it receives (by our SSRC), over one {@link SrtpTransport}. Routes its plain RTP to
 * its publisher streams and its RTCP feedback to the right stream on either side.
 *
 * <p>Thread-safety: the maps are concurrent; streams do their own locking.
 */
public final class Endpoint {
    private final String participantId;
    private final long localSsrc;
    private final SrtpTransport transport;
    private final StreamSettings settings;
    private final Map<Long, PublisherStream> published = new ConcurrentHashMap<>();
    private final Map<Long, Subscriber> subscribed = new ConcurrentHashMap<>();
    private final LongAdder unknownSsrc = new LongAdder();
    private final LongAdder ignoredFeedback = new LongAdder();
    private final LongAdder beforeKeys = new LongAdder();
    /** Indexed by payload type: the apt of an RTX payload type, -1 for others. */
    private final int[] aptByRtxPayloadType = new int[128];

    private final Map<Long, Long> mediaByRtxSsrc = new ConcurrentHashMap<>();
    private final LongAdder rtxIgnored = new LongAdder();
    /** This participant publishes simulcast layers: an RTX SSRC without a FID group cannot be matched by guess. */
    private volatile boolean layered;
    /** Transport-wide feedback to this participant, or null while transport-cc is not negotiated. */
    private TransportCcReceiver transportCc;

    private int transportCcId = -1;
    /** What this participant's downlink carries, from its reports on what we send it. */
    private final DownlinkEstimator downlink = new DownlinkEstimator();
    /** What retransmissions to this participant may add to its link; guarded by {@code downlink}'s monitor. */
    private final RepairBudget repairs = new RepairBudget();
    /** Stateless apart from its malformed counter, so one is shared. */
    private static final RtcpParser RTCP = new RtcpParser();

    /** @param localSsrc our SSRC as the sender of RTCP feedback to this participant */
    public Endpoint(String participantId, long localSsrc, SrtpTransport transport, StreamSettings settings) {
        this.participantId = participantId;
        this.localSsrc = localSsrc;
        this.transport = transport;
        this.settings = settings;
        java.util.Arrays.fill(aptByRtxPayloadType, -1);
    }

    /**
     * The media SSRC an RTX SSRC repairs: as declared, else the only video stream published
     * (Chrome without simulcast); null when it cannot be told (simulcast without FID groups).
     */
    private Long mediaSsrcOf(long rtxSsrc) {
        Long media = mediaByRtxSsrc.get(rtxSsrc);
        if (media != null) {
            return media;
        }
        if (layered) {
            return null; // a simulcast layer's RTX SSRC is paired by its repaired-rid (StreamDiscovery)
        }
        Long only = null;
        for (PublisherStream p : published.values()) {
            if (p.kind() == MediaKind.VIDEO) {
                if (only != null) {
                    return null;
                }
                only = p.ssrc();
            }
        }
        return only;
    }

    public String participantId() {
        return participantId;
    }

    /** Our SSRC as the sender of feedback to this participant. */
    public long localSsrc() {
        return localSsrc;
    }

    public SrtpTransport transport() {
        return transport;
    }

    /** Declares a stream this participant sends (from its SDP, or learnt at its first packet). */
    public PublisherStream publish(long ssrc, MediaKind kind, boolean usePli) {
        return publish(ssrc, kind, usePli, CodecHandler.OPAQUE);
    }

    /** As above; {@code codec} says where subscribers may start (a VP8 stream's receivers start at a keyframe). */
    public PublisherStream publish(long ssrc, MediaKind kind, boolean usePli, CodecHandler codec) {
        PublisherStream stream = published.computeIfAbsent(
                ssrc, s -> new PublisherStream(participantId, s, kind, localSsrc, transport, usePli, codec, settings));
        stream.sendRemb(!transportCc());
        return stream;
    }

    /**
     * The negotiated extmap id of transport-wide sequence numbers, or -1: with one, this participant gets
     * transport-cc feedback for everything it sends and no REMB (one bandwidth feedback, as the answer said).
     */
    public synchronized void transportCc(int extensionId) {
        if (extensionId != transportCcId) {
            transportCcId = extensionId;
            transportCc = extensionId > 0 ? new TransportCcReceiver(localSsrc) : null;
        }
        published.values().forEach(p -> p.sendRemb(extensionId <= 0));
    }

    private synchronized boolean transportCc() {
        return transportCc != null;
    }

    /** A simulcast layer: as {@link #publish(long, MediaKind, boolean, boolean)}, and RTX is no longer guessed. */
    public PublisherStream publishLayer(long ssrc, MediaKind kind, boolean usePli, CodecHandler codec) {
        layered = true;
        PublisherStream stream = published.computeIfAbsent(
                ssrc,
                s -> new PublisherStream(participantId, s, kind, localSsrc, transport, usePli, codec, settings)
                        .asLayer());
        stream.sendRemb(!transportCc());
        return stream;
    }

    public PublisherStream published(long ssrc) {
        return published.get(ssrc);
    }

    public List<PublisherStream> publishedStreams() {
        return List.copyOf(published.values());
    }

    /** Starts sending {@code source} to this participant as our SSRC {@code ssrc}; asks for a keyframe. */
    public Subscriber subscribe(PublisherStream source, long ssrc, long now) {
        return subscribe(source, ssrc, Route.PASS_THROUGH, now);
    }

    /** As above, placed by {@code route} from the start (a browser: {@link Route#HELD} until its SDP has a slot). */
    public Subscriber subscribe(PublisherStream source, long ssrc, Route route, long now) {
        Subscriber subscriber = subscribed.computeIfAbsent(ssrc, s -> {
            Subscriber created = new Subscriber(participantId, s, source.kind(), transport, settings);
            created.route(route, now);
            return created;
        });
        source.addSubscriber(subscriber, now);
        return subscriber;
    }

    /** Stops the copy sent as our SSRC {@code ssrc}; returns it, or null if there was none. */
    public Subscriber unsubscribe(long ssrc) {
        Subscriber gone = subscribed.remove(ssrc);
        if (gone != null) {
            gone.detach();
        }
        return gone;
    }

    /**
     * This participant's media moved to a new path (a phone from Wi-Fi to 4G, an ICE restart): packets both ways
     * were lost while it moved, so each video it receives and each it sends starts again from a keyframe, asked for
     * now, instead of waiting for the browsers to give up repairing and ask themselves.
     */
    public void pathMoved(long now) {
        subscribed.values().forEach(s -> s.pathMoved(now));
        // only the layers someone is shown: a keyframe of each would crowd the new path while its estimate starts low
        published.values().stream()
                .filter(p -> p.kind() == MediaKind.VIDEO && p.shown())
                .forEach(p -> p.requestKeyframe(now, KeyframeCause.PATH_MOVED));
    }

    /** Every copy this participant receives. */
    public List<Subscriber> subscriptions() {
        return List.copyOf(subscribed.values());
    }

    /** Forgets a stream this participant stopped sending; returns it, or null if unknown. */
    public PublisherStream unpublish(long ssrc) {
        return published.remove(ssrc);
    }

    public Subscriber subscribed(long ssrc) {
        return subscribed.get(ssrc);
    }

    /** Declares an RTX payload type (RFC 4588) and the payload type it repairs (its apt). */
    public void rtxPayloadType(int rtxPayloadType, int associatedPayloadType) {
        aptByRtxPayloadType[rtxPayloadType & 0x7F] = associatedPayloadType;
    }

    /**
     * Pairs an RTX SSRC with the media SSRC it repairs: a=ssrc-group:FID media rtx, or a simulcast layer named by
     * the RTX packets' repaired-rtp-stream-id.
     */
    public void rtxSsrc(long rtxSsrc, long mediaSsrc) {
        mediaByRtxSsrc.put(rtxSsrc, mediaSsrc);
    }

    public boolean isRtx(int payloadType) {
        return aptByRtxPayloadType[payloadType & 0x7F] >= 0;
    }

    /** A plain RTP packet from this participant; RTX is unwrapped into the stream it repairs. */
    public void onRtp(byte[] buf, int off, int len, long now) {
        onRtp(buf, off, len, now, now);
    }

    /** As {@link #onRtp(byte[], int, int, long)}, the packet having reached the host at {@code arrival}. */
    private void onRtp(byte[] buf, int off, int len, long now, long arrival) {
        recordTransportSequence(buf, off, len, arrival);
        int apt = aptByRtxPayloadType[RtpFields.payloadType(buf, off)];
        if (apt >= 0) {
            Long media = mediaSsrcOf(RtpFields.ssrc(buf, off));
            len = media == null ? RtxUnwrap.NOTHING : RtxUnwrap.unwrap(buf, off, len, apt, media);
            if (len == RtxUnwrap.NOTHING) {
                rtxIgnored.increment();
                return;
            }
        }
        PublisherStream stream = published.get(RtpFields.ssrc(buf, off));
        if (stream == null) {
            unknownSsrc.increment();
            return;
        }
        if (apt >= 0) {
            stream.onRetransmission(buf, off, len, now);
        } else if (stream.onRtp(buf, off, len, now) && stream.kind() == MediaKind.AUDIO) {
            // the participant's audio (sent every 20 ms) lost a second or more: its path was gone (a link down, a
            // network change) and what it received meanwhile is lost too, so each video it receives starts again
            // from a keyframe, asked for now rather than when its browser gives up repairing
            subscribed.values().forEach(s -> s.pathMoved(now));
        }
    }

    /** Every packet counts for transport-cc, whatever it turns out to be (RTX, a probe, an unknown SSRC). */
    private synchronized void recordTransportSequence(byte[] buf, int off, int len, long arrival) {
        if (transportCc != null) {
            int seq = TransportSequence.read(buf, off, len, transportCcId);
            if (seq != TransportSequence.NONE) {
                transportCc.received(seq, RtpFields.ssrc(buf, off), arrival);
            }
        }
    }

    /** Whether RTX packets from {@code rtxSsrc} have a media stream to repair (declared or learnt). */
    public boolean knowsRtxSsrc(long rtxSsrc) {
        return mediaByRtxSsrc.containsKey(rtxSsrc);
    }

    /**
     * A datagram from this participant that the demux classified as RTP or RTCP: unprotect in
     * place with its SRTP session, then route. Dropped (counted by the session) if it fails.
     *
     * @return the plain length now at {@code buf[off...]}, or -1 if dropped
     */
    public int onSrtp(byte[] buf, int off, int len, boolean rtcp, long now) {
        return onSrtp(buf, off, len, rtcp, now, now);
    }

    /**
     * As {@link #onSrtp(byte[], int, int, boolean, long)}, the datagram having reached the host at {@code arrival}
     * (the kernel's stamp, earlier than {@code now} when it waited for the loop): what transport-cc reports.
     */
    public int onSrtp(byte[] buf, int off, int len, boolean rtcp, long now, long arrival) {
        SrtpSession session = transport.session();
        if (session == null) {
            beforeKeys.increment();
            return -1;
        }
        int plain = rtcp ? session.unprotectRtcp(buf, off, len) : session.unprotectRtp(buf, off, len);
        if (plain == SrtpSession.FAILED) {
            return -1;
        }
        if (rtcp) {
            RTCP.parse(buf, off, plain).ifPresent(packets -> onRtcp(packets, now));
        } else {
            onRtp(buf, off, plain, now, arrival);
        }
        return plain;
    }

    /** A plain RTCP compound from this participant, parsed. */
    public void onRtcp(List<RtcpPacket> packets, long now) {
        for (RtcpPacket p : packets) {
            if (p instanceof RtcpPacket.SenderReport sr) {
                PublisherStream stream = published.get(sr.ssrc());
                if (stream != null) {
                    stream.onSenderReport(sr, now);
                }
                reports(sr.reports(), now);
            } else if (p instanceof RtcpPacket.ReceiverReport rr) {
                reports(rr.reports(), now);
            } else if (p instanceof RtcpPacket.GenericNack nack) {
                Subscriber s = subscribed.get(nack.mediaSsrc());
                if (s != null) {
                    s.onNack(nack.lostSequenceNumbers(), this::mayRepair, now);
                }
            } else if (p instanceof RtcpPacket.PictureLossIndication pli) {
                Subscriber s = subscribed.get(pli.mediaSsrc());
                if (s != null) {
                    s.onKeyframeRequest(now);
                }
            } else if (p instanceof RtcpPacket.FullIntraRequest fir) {
                for (RtcpPacket.FirEntry e : fir.entries()) {
                    Subscriber s = subscribed.get(e.ssrc());
                    if (s != null) {
                        s.onKeyframeRequest(now);
                    }
                }
            } else if (p instanceof RtcpPacket.Remb remb) {
                for (long ssrc : remb.ssrcs()) {
                    Subscriber s = subscribed.get(ssrc);
                    if (s != null) {
                        s.onRemb(remb.bitrate());
                    }
                }
            } else {
                // transport-cc will drive layer choice; SDES and BYE need nothing.
                ignoredFeedback.increment();
            }
        }
    }

    private void reports(List<RtcpPacket.ReportBlock> blocks, long now) {
        int worstVideoLoss = -1;
        for (RtcpPacket.ReportBlock block : blocks) {
            Subscriber s = subscribed.get(block.ssrc());
            if (s != null) {
                s.onReceptionReport(block, now);
                if (s.kind() == MediaKind.VIDEO) {
                    worstVideoLoss = Math.max(worstVideoLoss, block.fractionLost());
                }
            }
        }
        if (worstVideoLoss >= 0) {
            long sent = transport.rtpBytesSent();
            synchronized (downlink) {
                downlink.report(worstVideoLoss / 256.0, sent, now);
            }
        }
    }

    /** Whether a retransmission of {@code bytes} to this participant fits its {@link RepairBudget} now. */
    private boolean mayRepair(int bytes, long now) {
        synchronized (downlink) {
            return repairs.take(bytes, downlink.bitrate(), now);
        }
    }

    /** This participant's downlink estimate, bit/s (see {@link DownlinkEstimator} for the rule). */
    public long downlinkEstimate() {
        synchronized (downlink) {
            return downlink.bitrate();
        }
    }

    /** Timer work for every stream of this participant. */
    public void tick(long now, long wallClockMillis) {
        for (RtcpPacket feedback : transportCcDue(now)) {
            transport.sendRtcp(List.of(feedback));
        }
        published.values().forEach(p -> p.tick(now));
        subscribed.values().forEach(s -> s.tick(now, wallClockMillis));
    }

    private synchronized List<RtcpPacket.TransportCcFeedback> transportCcDue(long now) {
        return transportCc == null ? List.of() : transportCc.due(now);
    }

    /** Detaches this participant's subscriptions from their sources and its streams from their subscribers. */
    public void close() {
        subscribed.values().forEach(Subscriber::detach);
        subscribed.clear();
        published.clear();
    }

    public List<StreamStats> stats() {
        List<StreamStats> out = new ArrayList<>();
        published.values().forEach(p -> out.add(p.stats()));
        subscribed.values().forEach(s -> out.add(s.stats()));
        return out;
    }

    /** RTX packets dropped: padding-only probes, or no known stream to repair. */
    public long rtxIgnored() {
        return rtxIgnored.sum();
    }

    public long unknownSsrc() {
        return unknownSsrc.sum();
    }
}
