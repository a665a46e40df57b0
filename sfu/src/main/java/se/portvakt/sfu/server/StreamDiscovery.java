package se.portvakt.sfu.server;

import java.util.List;
import se.portvakt.sfu.codec.CodecHandler;
import se.portvakt.sfu.forward.MediaKind;
import se.portvakt.sfu.forward.PublisherStream;
import se.portvakt.sfu.rtp.RtpFields;

/**
 * Streams no SDP declared, learnt from their first packet: the SSRC and payload type are in the clear in SRTP, so
 * a simulcast layer (named by its rid header extension) or an undeclared track becomes a published stream, and
 * the room's other participants are asked to offer again for it.
 */
final class StreamDiscovery {
    private final SfuEvents events;

    StreamDiscovery(SfuEvents events) {
        this.events = events;
    }

    /**
     * Chrome's simulcast RTX has no FID group: each RTX stream names the layer it repairs by its rid in the
     * repaired-rtp-stream-id extension (RFC 8852 section 3.2), next to the mid. Once the layer is known its RTX SSRC
     * is paired with it; until then (an RTX packet before the layer's first) the next RTX packet tries again.
     */
    private static void pairRepairStream(Participant p, long rtxSsrc, byte[] buf, int len) {
        Negotiated negotiated = p.current();
        if (negotiated.rridId() < 0) {
            return;
        }
        LayerName name = LayerName.read(buf, len, negotiated.midId(), negotiated.rridId())
                .orElse(null);
        if (name == null || name.rid() == null) {
            return;
        }
        String mid = name.mid();
        if (mid == null) { // Chrome may leave the mid out once it is known; with one simulcast section it is that one
            List<Negotiated.Sending> simulcast = negotiated.sending().stream()
                    .filter(Negotiated.Sending::simulcast)
                    .toList();
            mid = simulcast.size() == 1 ? simulcast.get(0).mid() : null;
        }
        PublisherStream layer = mid == null ? null : p.room().layer(p.id(), mid, name.rid());
        if (layer != null) {
            p.endpoint().rtxSsrc(rtxSsrc, layer.ssrc());
        }
    }

    /** One RTP packet (still protected) of {@code p}; a no-op for streams it already publishes. */
    void packet(Participant p, byte[] buf, int len, long now) {
        long ssrc = RtpFields.ssrc(buf, 0);
        if (p.endpoint().published(ssrc) != null) {
            return;
        }
        int pt = RtpFields.payloadType(buf, 0);
        if (p.endpoint().isRtx(pt)) {
            if (!p.endpoint().knowsRtxSsrc(ssrc)) {
                pairRepairStream(p, ssrc, buf, len);
            }
            return; // repairs a stream, is not one
        }
        Negotiated negotiated = p.current();
        MediaKind kind = negotiated.kinds().get(pt);
        if (kind == null) {
            return;
        }
        if (negotiated.sending().stream().anyMatch(Negotiated.Sending::simulcast)) {
            LayerName name = LayerName.read(buf, len, negotiated.midId(), negotiated.ridId())
                    .orElse(null);
            Negotiated.Sending section = name == null ? null : negotiated.simulcastSection(name.mid());
            if (section != null) {
                if (p.room().discoveredLayer(p, ssrc, section, name.rid(), now) != null) {
                    events.renegotiations(p.room());
                }
                return;
            }
            if (name != null && name.rid() != null
                    || name == null && negotiated.sending().stream().anyMatch(s -> s.simulcast() && s.kind() == kind)) {
                return; // a rid of a section no longer sent, or a packet that does not say which layer it is
            }
        }
        if (p.room()
                        .discovered(
                                p,
                                ssrc,
                                kind,
                                negotiated.pli().contains(pt),
                                negotiated.handlers().getOrDefault(pt, CodecHandler.OPAQUE),
                                now)
                != null) {
            events.renegotiations(p.room());
        }
    }
}
