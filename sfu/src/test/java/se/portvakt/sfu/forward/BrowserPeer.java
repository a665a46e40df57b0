package se.portvakt.sfu.forward;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import se.portvakt.sfu.demux.PacketDemux;
import se.portvakt.sfu.demux.PacketKind;
import se.portvakt.sfu.rtcp.RtcpEncoder;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtcp.RtcpParser;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.srtp.SrtpKeys;
import se.portvakt.sfu.srtp.SrtpProfile;
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.transport.PacketSink;

/**
 * The far end of an in-memory link: a browser's SRTP session keyed like the SFU's (both
 * halves of one DTLS export, as in SrtpSessionTest), receiving what the SFU sends through a
 * link that can drop datagrams on purpose.
 */
final class BrowserPeer implements PacketSink {
    final SrtpSession browser;
    final SrtpSession sfuSide;
    final SrtpTransport transport;
    final List<byte[]> rtp = new ArrayList<>();
    final List<RtcpPacket> rtcp = new ArrayList<>();
    /** Given the index of each RTP datagram the SFU sends, true drops it. */
    IntPredicate dropRtp = i -> false;

    int rtpDatagrams;
    int dropped;

    BrowserPeer(long seed, SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new Random(seed).nextBytes(material);
        sfuSide = SrtpSession.open(SrtpKeys.fromDtls(profile, material, true));
        browser = SrtpSession.open(SrtpKeys.fromDtls(profile, material, false));
        transport = new SrtpTransport(sfuSide, this);
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        byte[] datagram = Arrays.copyOfRange(buf, off, off + len);
        PacketKind kind = new PacketDemux().classify(datagram, 0, len);
        if (kind == PacketKind.RTP) {
            if (dropRtp.test(rtpDatagrams++)) {
                dropped++;
                return;
            }
            int plain = browser.unprotectRtp(datagram, 0, len);
            if (plain < 0) {
                throw new AssertionError("SFU sent RTP the browser cannot unprotect");
            }
            rtp.add(Arrays.copyOf(datagram, plain));
        } else if (kind == PacketKind.RTCP) {
            int plain = browser.unprotectRtcp(datagram, 0, len);
            if (plain < 0) {
                throw new AssertionError("SFU sent RTCP the browser cannot unprotect");
            }
            rtcp.addAll(new RtcpParser().parse(datagram, 0, plain).orElseThrow());
        } else {
            throw new AssertionError("unexpected " + kind);
        }
    }

    /** What the browser would put on the wire: an SRTP packet, with room the SFU may reuse. */
    byte[] protectRtp(byte[] plain) {
        byte[] buf = Arrays.copyOf(plain, plain.length + 16);
        int len = browser.protectRtp(buf, 0, plain.length);
        return Arrays.copyOf(buf, len);
    }

    byte[] protectRtcp(RtcpPacket... packets) {
        byte[] plain = RtcpEncoder.encode(List.of(packets));
        byte[] buf = Arrays.copyOf(plain, plain.length + 20);
        int len = browser.protectRtcp(buf, 0, plain.length);
        return Arrays.copyOf(buf, len);
    }

    /** A plain RTP packet: V=2, payload type 96, a payload derived from the sequence number. */
    static byte[] rtp(long ssrc, int seq, long timestamp, int payload) {
        byte[] p = new byte[12 + payload];
        p[0] = (byte) 0x80;
        RtpFields.setPayloadType(p, 0, 96);
        RtpFields.setSequenceNumber(p, 0, seq & 0xFFFF);
        RtpFields.setTimestamp(p, 0, timestamp & 0xFFFFFFFFL);
        RtpFields.setSsrc(p, 0, ssrc);
        for (int i = 12; i < p.length; i++) {
            p[i] = (byte) (seq * 13 + i);
        }
        return p;
    }

    List<Integer> sequenceNumbers() {
        return rtp.stream().map(p -> RtpFields.sequenceNumber(p, 0)).toList();
    }

    <T extends RtcpPacket> List<T> rtcp(Class<T> type) {
        return rtcp.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
