package se.portvakt.sfu.sdp;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers a browser's offer as an ICE-lite, BUNDLE-only, rtcp-mux-only SFU (RFC 8829 JSEP
 * section 5.3, RFC 8843, RFC 5763 for setup). Every payload type, extmap id, mid and rid in
 * the answer is echoed from the offer; nothing numeric is invented here.
 *
 * <p>An m-section is accepted only if it is RTP audio or video, is in the offer's first BUNDLE
 * group, offers rtcp-mux and shares a codec with us; others are rejected with port 0 and left
 * out of the answer's BUNDLE group.
 *
 * <p>The browser offers its own tracks as sendonly m-sections and asks for the others' media with recvonly ones;
 * a recvonly m-section answered sendonly carries the {@link Outgoing} stream placed there, one without a stream
 * is answered inactive. We retransmit in the original stream, so RTX is not offered in what we send.
 */
public final class IceLiteAnswerer {
    private IceLiteAnswerer() {}

    public static SessionDescription answer(SessionDescription offer, AnswerOptions options) {
        return answer(offer, options, Map.of());
    }

    /** As above, sending {@code outgoing} (by the browser's mid) in its receive m-sections. */
    public static SessionDescription answer(
            SessionDescription offer, AnswerOptions options, Map<String, Outgoing> outgoing) {
        List<String> offeredBundle = offer.bundleMids();
        List<String> accepted = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        for (MediaDescription m : offer.media()) {
            List<Codec> codecs = acceptedCodecs(m, options);
            String mid = m.mid().orElse("");
            boolean ok = !m.rejected()
                    && m.isRtp()
                    && (m.kind().equals("audio") || m.kind().equals("video"))
                    && offeredBundle.contains(mid)
                    && m.has("rtcp-mux")
                    && !codecs.isEmpty();
            if (ok) {
                accepted.add(mid);
                media.add(acceptedMedia(m, codecs, options, outgoing.get(mid)));
            } else {
                media.add(rejectedMedia(m));
            }
        }
        List<SdpAttribute> session = new ArrayList<>();
        session.add(SdpAttribute.of("ice-lite"));
        if (!accepted.isEmpty()) {
            session.add(new SdpAttribute("group", "BUNDLE " + String.join(" ", accepted)));
        }
        if (offer.attribute("extmap-allow-mixed").isPresent()) {
            session.add(SdpAttribute.of("extmap-allow-mixed"));
        }
        String origin = "- " + options.sessionId() + " " + options.version() + " IN IP4 0.0.0.0";
        return new SessionDescription(origin, "-", List.copyOf(session), List.copyOf(media));
    }

    /** Supported codecs in offer order, then the RTX entries that repair one of them. */
    static List<Codec> acceptedCodecs(MediaDescription m, AnswerOptions options) {
        List<Codec> offered = m.codecs();
        Set<Integer> chosen = new HashSet<>();
        for (Codec c : offered) {
            if (!c.isRtx() && options.supportsCodec(c.name())) {
                chosen.add(c.payloadType());
            }
        }
        List<Codec> out = new ArrayList<>();
        for (Codec c : offered) {
            boolean repairsChosen = c.isRtx()
                    && c.associatedPayloadType().isPresent()
                    && chosen.contains(c.associatedPayloadType().getAsInt());
            if (chosen.contains(c.payloadType()) || repairsChosen) {
                List<String> feedback = c.feedback().stream()
                        .filter(options.feedback()::contains)
                        // one bandwidth feedback: transport-cc where the section has it, else REMB
                        .filter(fb -> !fb.equals(options.transportCc(m) ? "goog-remb" : "transport-cc"))
                        .toList();
                String fmtp = m.kind().equals("video") && !c.isRtx() ? withStartBitrate(c.fmtp()) : c.fmtp();
                out.add(new Codec(c.payloadType(), c.name(), c.clockRate(), c.channels(), fmtp, feedback));
            }
        }
        return out;
    }

    /**
     * Where Chrome's send-side estimator starts, kbit/s ({@code x-google-start-bitrate}, read from the answer's video
     * codecs), instead of its own 300: it starts there again on every new route, and at 300 a phone that had just
     * moved to 4G held its camera back for a second or more with transport-cc (lab case 5, docs/sfu.md). About what
     * a camera's two layers send; Jitsi starts at 800.
     */
    static final int START_BITRATE_KBPS = 1000;

    private static String withStartBitrate(String fmtp) {
        String start = "x-google-start-bitrate=" + START_BITRATE_KBPS;
        return fmtp.isEmpty() ? start : fmtp + ";" + start;
    }

    /** What we do with an m-section the browser offered in {@code offered}: we receive what it sends. */
    static Direction answered(Direction offered, boolean weSend) {
        return switch (offered) {
            case SENDONLY -> Direction.RECVONLY;
            case SENDRECV -> weSend ? Direction.SENDRECV : Direction.RECVONLY;
            case RECVONLY -> weSend ? Direction.SENDONLY : Direction.INACTIVE;
            case INACTIVE -> Direction.INACTIVE;
        };
    }

    private static MediaDescription acceptedMedia(
            MediaDescription m, List<Codec> accepted, AnswerOptions options, Outgoing out) {
        Direction direction = answered(m.direction(), out != null);
        boolean weSend = direction == Direction.SENDONLY || direction == Direction.SENDRECV;
        List<Codec> codecs = weSend && direction == Direction.SENDONLY
                ? accepted.stream().filter(c -> !c.isRtx()).toList()
                : accepted;
        InetSocketAddress first = options.candidates().get(0).address();
        List<SdpAttribute> a = new ArrayList<>();
        a.add(new SdpAttribute("ice-ufrag", options.ice().ufrag()));
        a.add(new SdpAttribute("ice-pwd", options.ice().pwd()));
        a.add(new SdpAttribute("fingerprint", options.fingerprint().attributeValue()));
        // RFC 5763 section 5: the answerer picks active or passive; as DTLS server we stay passive.
        a.add(new SdpAttribute("setup", "passive"));
        a.add(new SdpAttribute("mid", m.mid().orElseThrow()));
        for (Extmap e : m.extmaps()) {
            if (options.extensionUris().contains(e.uri())
                    && (!e.uri().equals(AnswerOptions.TRANSPORT_CC_URI) || options.transportCc(m))) {
                a.add(new SdpAttribute("extmap", e.id() + " " + e.uri()));
            }
        }
        a.add(SdpAttribute.of(direction.attributeName()));
        if (weSend) {
            a.add(new SdpAttribute("msid", out.streamId() + " " + out.trackId()));
        }
        a.add(SdpAttribute.of("rtcp-mux"));
        if (m.has("rtcp-rsize")) {
            a.add(SdpAttribute.of("rtcp-rsize"));
        }
        for (Codec c : codecs) {
            String rtpmap = c.name() + "/" + c.clockRate() + (c.channels() > 0 ? "/" + c.channels() : "");
            a.add(new SdpAttribute("rtpmap", c.payloadType() + " " + rtpmap));
            for (String fb : c.feedback()) {
                a.add(new SdpAttribute("rtcp-fb", c.payloadType() + " " + fb));
            }
            if (!c.fmtp().isEmpty()) {
                a.add(new SdpAttribute("fmtp", c.payloadType() + " " + c.fmtp()));
            }
        }
        for (Rid rid : m.rids()) {
            // RFC 8853: accept each offered rid with the opposite direction, restrictions dropped.
            a.add(new SdpAttribute("rid", rid.id() + " " + (rid.direction().equals("send") ? "recv" : "send")));
        }
        m.simulcast().ifPresent(s -> a.add(new SdpAttribute("simulcast", reverseSimulcast(s))));
        if (weSend) {
            a.add(new SdpAttribute("ssrc", out.ssrc() + " cname:" + out.streamId()));
            a.add(new SdpAttribute("ssrc", out.ssrc() + " msid:" + out.streamId() + " " + out.trackId()));
        }
        int foundation = 1;
        for (HostCandidate c : options.candidates()) {
            a.add(new SdpAttribute("candidate", c.attributeValue(foundation++)));
        }
        a.add(SdpAttribute.of("end-of-candidates"));
        List<String> formats =
                codecs.stream().map(c -> Integer.toString(c.payloadType())).toList();
        return new MediaDescription(
                m.kind(), first.getPort(), m.protocol(), formats, connection(first), List.copyOf(a));
    }

    private static MediaDescription rejectedMedia(MediaDescription m) {
        List<SdpAttribute> a = new ArrayList<>();
        m.mid().ifPresent(mid -> a.add(new SdpAttribute("mid", mid)));
        return new MediaDescription(m.kind(), 0, m.protocol(), m.formats(), "IN IP4 0.0.0.0", List.copyOf(a));
    }

    /** "send q;h;f" becomes "recv q;h;f" (RFC 8853 section 5.3). */
    static String reverseSimulcast(String offered) {
        String[] parts = offered.trim().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(parts[i].equals("send") ? "recv" : "send").append(' ').append(parts[i + 1]);
        }
        return out.toString();
    }

    private static String connection(InetSocketAddress address) {
        return (address.getAddress() instanceof Inet6Address ? "IN IP6 " : "IN IP4 ")
                + address.getAddress().getHostAddress();
    }
}
