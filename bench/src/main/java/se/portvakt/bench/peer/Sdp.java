package se.portvakt.bench.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import se.portvakt.sfu.dtls.Fingerprint;
import se.portvakt.sfu.ice.IceCredentials;
import se.portvakt.sfu.sdp.MediaDescription;
import se.portvakt.sfu.sdp.SdpParser;
import se.portvakt.sfu.sdp.SessionDescription;

/**
 * The generator's SDP, modelled on Chromium 156's (sfu/src/test/resources/sdp/chrome-156-offer.sdp) cut down to
 * Opus and VP8 as Portvakt's client offers: BUNDLE, rtcp-mux, rtcp-rsize, Chrome's header extension ids, our
 * host candidate in every section; and the server's side read back (candidate, ICE credentials, fingerprint).
 */
public final class Sdp {
    private static final String EXTMAPS_AUDIO = """
            a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            """;
    private static final String EXTMAPS_COMMON = """
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            """;
    private static final String OPUS = """
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1
            """;
    private static final String VP8 = """
            a=rtpmap:96 VP8/90000
            a=rtcp-fb:96 goog-remb
            a=rtcp-fb:96 transport-cc
            a=rtcp-fb:96 ccm fir
            a=rtcp-fb:96 nack
            a=rtcp-fb:96 nack pli
            """;

    private Sdp() {}

    /** One m-section of an offer: a stream we send (sendonly) or a slot to receive one (recvonly). */
    public record Section(String mid, boolean video, OutgoingStream sending) {
        public static Section receive(String mid, boolean video) {
            return new Section(mid, video, null);
        }

        public static Section send(OutgoingStream stream) {
            return new Section(stream.mid(), stream.video(), stream);
        }
    }

    /**
     * An offer for the given sections.
     *
     * @param setup "actpass" as browsers offer; "active" makes the server the DTLS server (used with Janus,
     *              which answers an actpass offer as the DTLS client, a role this generator does not play)
     */
    public static String offer(Connection c, List<Section> sections, String setup) throws IOException {
        String stream = "bench-" + c.name();
        StringBuilder sdp = new StringBuilder();
        sdp.append("v=0\r\no=- ")
                .append(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
                .append(" 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE");
        sections.forEach(s -> sdp.append(' ').append(s.mid()));
        sdp.append("\r\na=extmap-allow-mixed\r\na=msid-semantic: WMS ")
                .append(stream)
                .append("\r\n");
        for (Section s : sections) {
            section(sdp, c, s.video(), s.mid(), setup, s.sending() == null ? "recvonly" : "sendonly");
            if (s.sending() != null) {
                String track = (s.video() ? "camera-" : "mic-") + s.sending().id();
                sdp.append("a=msid:").append(stream).append(' ').append(track).append("\r\n");
                sdp.append(lines(s.video() ? VP8 : OPUS));
                long ssrc = s.sending().ssrc();
                sdp.append("a=ssrc:")
                        .append(ssrc)
                        .append(" cname:")
                        .append(stream)
                        .append("\r\n");
                sdp.append("a=ssrc:")
                        .append(ssrc)
                        .append(" msid:")
                        .append(stream)
                        .append(' ')
                        .append(track)
                        .append("\r\n");
            } else {
                sdp.append(lines(s.video() ? VP8 : OPUS));
            }
        }
        return sdp.toString();
    }

    private static void section(
            StringBuilder sdp, Connection c, boolean video, String mid, String setup, String direction)
            throws IOException {
        InetSocketAddress local = c.localAddress();
        sdp.append("m=")
                .append(video ? "video" : "audio")
                .append(" 9 UDP/TLS/RTP/SAVPF ")
                .append(video ? "96" : "111")
                .append("\r\n");
        sdp.append("c=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n");
        sdp.append("a=candidate:1 1 udp 2122260223 ")
                .append(local.getAddress().getHostAddress())
                .append(' ')
                .append(local.getPort())
                .append(" typ host generation 0\r\n");
        sdp.append("a=end-of-candidates\r\n");
        IceCredentials ice = c.localIce();
        sdp.append("a=ice-ufrag:")
                .append(ice.ufrag())
                .append("\r\na=ice-pwd:")
                .append(ice.pwd())
                .append("\r\n");
        sdp.append("a=fingerprint:").append(c.fingerprint().toSdp()).append("\r\n");
        sdp.append("a=setup:").append(setup).append("\r\na=mid:").append(mid).append("\r\n");
        if (!video) {
            sdp.append(lines(EXTMAPS_AUDIO));
        }
        sdp.append(lines(EXTMAPS_COMMON));
        sdp.append('a').append('=').append(direction).append("\r\na=rtcp-mux\r\na=rtcp-rsize\r\n");
    }

    /**
     * The answer to a server's offer (Janus subscribing us): every audio and video m-section recvonly with the
     * first codec offered, its feedback and the offered header extensions; anything else rejected (port 0).
     */
    public static String answer(Connection c, String offerSdp) throws IOException {
        SessionDescription offer = SdpParser.parse(offerSdp);
        StringBuilder sdp = new StringBuilder();
        sdp.append("v=0\r\no=- ")
                .append(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
                .append(" 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        offer.attribute("group").ifPresent(g -> sdp.append("a=group:").append(g).append("\r\n"));
        sdp.append("a=msid-semantic: WMS *\r\n");
        InetSocketAddress local = c.localAddress();
        for (MediaDescription m : offer.media()) {
            boolean media = m.kind().equals("audio") || m.kind().equals("video");
            if (!media || m.port() == 0 || m.formats().isEmpty()) {
                sdp.append("m=")
                        .append(m.kind())
                        .append(" 0 ")
                        .append(m.protocol())
                        .append(' ')
                        .append(m.formats().isEmpty() ? "0" : m.formats().get(0))
                        .append("\r\n");
                sdp.append("c=IN IP4 0.0.0.0\r\n");
                m.mid().ifPresent(mid -> sdp.append("a=mid:").append(mid).append("\r\n"));
                continue;
            }
            String pt = m.formats().get(0);
            sdp.append("m=")
                    .append(m.kind())
                    .append(" 9 ")
                    .append(m.protocol())
                    .append(' ')
                    .append(pt)
                    .append("\r\n");
            sdp.append("c=IN IP4 0.0.0.0\r\n");
            sdp.append("a=candidate:1 1 udp 2122260223 ")
                    .append(local.getAddress().getHostAddress())
                    .append(' ')
                    .append(local.getPort())
                    .append(" typ host generation 0\r\na=end-of-candidates\r\n");
            IceCredentials ice = c.localIce();
            sdp.append("a=ice-ufrag:")
                    .append(ice.ufrag())
                    .append("\r\na=ice-pwd:")
                    .append(ice.pwd())
                    .append("\r\n");
            sdp.append("a=fingerprint:").append(c.fingerprint().toSdp()).append("\r\n");
            sdp.append("a=setup:active\r\n");
            m.mid().ifPresent(mid -> sdp.append("a=mid:").append(mid).append("\r\n"));
            for (String extmap : m.attributes("extmap")) {
                sdp.append("a=extmap:").append(extmap).append("\r\n");
            }
            sdp.append(m.direction().name().equals("INACTIVE") ? "a=inactive" : "a=recvonly")
                    .append("\r\n");
            sdp.append("a=rtcp-mux\r\n");
            if (m.has("rtcp-rsize")) {
                sdp.append("a=rtcp-rsize\r\n");
            }
            for (String name : List.of("rtpmap", "rtcp-fb", "fmtp")) {
                for (String value : m.attributes(name)) {
                    if (value.startsWith(pt + " ")) {
                        sdp.append("a=").append(name).append(':').append(value).append("\r\n");
                    }
                }
            }
            if (m.kind().equals("video")) {
                ssrcs(m).forEach(c::expectVideo);
            }
        }
        return sdp.toString();
    }

    /** The server's ICE host candidate (the first UDP IPv4 one), ICE credentials and DTLS fingerprint. */
    public record Remote(InetSocketAddress address, IceCredentials ice, Fingerprint fingerprint) {}

    public static Remote remote(String sdpText) {
        SessionDescription sdp = SdpParser.parse(sdpText);
        MediaDescription first = sdp.media().stream()
                .filter(m -> m.port() != 0)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no accepted m-section"));
        InetSocketAddress address = null;
        for (MediaDescription m : sdp.media()) {
            for (String candidate : m.attributes("candidate")) {
                String[] f = candidate.trim().split("\\s+");
                if (address == null
                        && f.length >= 8
                        && f[2].toLowerCase(Locale.ROOT).equals("udp")
                        && f[4].indexOf(':') < 0
                        && f[7].equals("host")) {
                    address = new InetSocketAddress(f[4], Integer.parseInt(f[5]));
                }
            }
        }
        if (address == null) {
            throw new IllegalArgumentException("no UDP IPv4 host candidate in the server's SDP");
        }
        IceCredentials ice = new IceCredentials(
                sdp.iceUfrag(first).orElseThrow(), sdp.icePwd(first).orElseThrow());
        se.portvakt.sfu.sdp.Fingerprint f = sdp.fingerprint(first).orElseThrow();
        return new Remote(address, ice, Fingerprint.parse(f.algorithm(), f.value()));
    }

    /** Video SSRCs the server announces sending (a=ssrc in its sendonly or sendrecv video sections). */
    public static List<Long> videoSsrcs(String sdpText) {
        return SdpParser.parse(sdpText).media().stream()
                .filter(m -> m.kind().equals("video") && m.port() != 0)
                .flatMap(m -> ssrcs(m).stream())
                .toList();
    }

    private static List<Long> ssrcs(MediaDescription m) {
        return m.attributes("ssrc").stream()
                .map(v -> Long.parseLong(v.trim().split("\\s+")[0]))
                .distinct()
                .toList();
    }

    private static String lines(String block) {
        return block.replace("\n", "\r\n");
    }
}
