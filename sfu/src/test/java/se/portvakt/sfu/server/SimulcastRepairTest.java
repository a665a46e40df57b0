package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.F;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.H;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.MID_ID;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.Q;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.drain;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.layerOf;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.layerPacket;
import static se.portvakt.sfu.server.UdpSfuTest.DTLS_RECORD;
import static se.portvakt.sfu.server.UdpSfuTest.check;
import static se.portvakt.sfu.server.UdpSfuTest.chromeOffer;
import static se.portvakt.sfu.server.UdpSfuTest.receive;
import static se.portvakt.sfu.server.UdpSfuTest.receivingOffer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.demux.PacketDemux;
import se.portvakt.sfu.demux.PacketKind;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtcp.RtcpParser;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.stats.StreamStats;

/**
 * Upstream repair of simulcast layers through the real loop: Chrome's layer RTX streams have no FID group, only the
 * repaired-rtp-stream-id extension (RFC 8852), so the SFU pairs each RTX SSRC with its layer by that rid, NACKs every
 * packet a layer lost on the way in, and takes the unwrapped retransmissions as the originals.
 */
class SimulcastRepairTest {
    /** Chrome's ids in the captured offer: repaired-rtp-stream-id, and VP8's RTX payload type (apt=96). */
    static final int RRID_ID = 11;

    static final int RTX_PT = 97;
    static final long Q_RTX = 0x2222_0001L;
    static final long H_RTX = 0x2222_0002L;

    UdpSfu sfu;
    final List<DatagramSocket> clients = new ArrayList<>();
    int rtxSeq = 100;

    @AfterEach
    void tearDown() {
        clients.forEach(DatagramSocket::close);
        if (sfu != null) {
            sfu.close();
        }
    }

    /** An RTX packet as Chrome sends a simulcast layer's: mid and repaired rid in one-byte extensions, then the OSN. */
    byte[] rtx(long rtxSsrc, String repairedRid, byte[] original) {
        byte[] ext = {
            (byte) 0xBE,
            (byte) 0xDE,
            0,
            1,
            (byte) (MID_ID << 4),
            '1',
            (byte) (RRID_ID << 4),
            (byte) repairedRid.charAt(0)
        };
        int originalPayload = 12 + 4 * (((original[14] & 0xFF) << 8) | (original[15] & 0xFF)) + 4;
        if ((original[0] & 0x10) == 0) {
            originalPayload = 12;
        }
        int payloadLength = original.length - 16 - originalPayload;
        byte[] packet = new byte[12 + ext.length + 2 + payloadLength + 16];
        packet[0] = (byte) 0x90;
        RtpFields.setPayloadType(packet, 0, RTX_PT);
        RtpFields.setSequenceNumber(packet, 0, rtxSeq++);
        RtpFields.setTimestamp(packet, 0, RtpFields.timestamp(original, 0));
        RtpFields.setSsrc(packet, 0, rtxSsrc);
        System.arraycopy(ext, 0, packet, 12, ext.length);
        int osn = RtpFields.sequenceNumber(original, 0);
        packet[12 + ext.length] = (byte) (osn >> 8);
        packet[12 + ext.length + 1] = (byte) osn;
        System.arraycopy(original, originalPayload, packet, 12 + ext.length + 2, payloadLength);
        return packet;
    }

    DatagramSocket client() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(2000);
        clients.add(socket);
        return socket;
    }

    void send(DatagramSocket from, SrtpSession browser, byte[] packet) throws Exception {
        byte[] copy = packet.clone(); // protect works in place; the test resends originals as RTX
        int len = browser.protectRtp(copy, 0, copy.length - 16);
        from.send(new DatagramPacket(copy, len, sfu.localAddress()));
        Thread.sleep(2);
    }

    /** What a browser does: each NACKed packet is resent once, on the layer's RTX stream. */
    void answerNacks(
            DatagramSocket alice,
            SrtpSession browser,
            List<RtcpPacket> got,
            Map<Integer, byte[]> sentQ,
            Map<Integer, byte[]> sentH)
            throws Exception {
        List<RtcpPacket> now = new ArrayList<>();
        for (Optional<byte[]> d = receive(alice); d.isPresent(); d = receive(alice)) {
            byte[] datagram = d.get();
            if (new PacketDemux().classify(datagram, 0, datagram.length) == PacketKind.RTCP) {
                now.addAll(new RtcpParser()
                        .parse(datagram, 0, browser.unprotectRtcp(datagram, 0, datagram.length))
                        .orElseThrow());
            }
        }
        Set<Integer> before = nacked(got, Q);
        Set<Integer> beforeH = nacked(got, H);
        got.addAll(now);
        for (int seq : nacked(now, Q)) {
            if (!before.contains(seq)) {
                send(alice, browser, rtx(Q_RTX, "q", sentQ.get(seq)));
            }
        }
        for (int seq : nacked(now, H)) {
            if (!beforeH.contains(seq)) {
                send(alice, browser, rtx(H_RTX, "h", sentH.get(seq)));
            }
        }
    }

    static Set<Integer> nacked(List<RtcpPacket> rtcp, long mediaSsrc) {
        Set<Integer> out = new TreeSet<>();
        for (RtcpPacket p : rtcp) {
            if (p instanceof RtcpPacket.GenericNack nack && nack.mediaSsrc() == mediaSsrc) {
                out.addAll(nack.lostSequenceNumbers());
            }
        }
        return out;
    }

    StreamStats in(long ssrc) {
        return sfu.stats("m1").streams().stream()
                .filter(s -> s.ssrc() == ssrc && s.direction() == StreamStats.Direction.IN)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyPacketALayerLostUpstreamIsNackedAndItsRtxByRepairedRidFillsTheGap() throws Exception {
        UdpSfuTest.KeysOnFirstRecord dtls = new UdpSfuTest.KeysOnFirstRecord();
        sfu = UdpSfu.start(SfuSettings.loopback(), dtls, Clock.systemUTC());
        sfu.createMeeting("m1");
        ParticipantAnswer bobAnswer = sfu.addParticipant("m1", "bob", receivingOffer());
        ParticipantAnswer aliceAnswer = sfu.addParticipant("m1", "alice", chromeOffer());
        DatagramSocket bob = client();
        DatagramSocket alice = client();
        for (Object[] peer : new Object[][] {{bob, bobAnswer}, {alice, aliceAnswer}}) {
            DatagramSocket socket = (DatagramSocket) peer[0];
            byte[] nominating = check((ParticipantAnswer) peer[1], true, new byte[12]);
            socket.send(new DatagramPacket(nominating, nominating.length, sfu.localAddress()));
            assertThat(receive(socket)).isPresent();
            socket.send(new DatagramPacket(DTLS_RECORD, DTLS_RECORD.length, sfu.localAddress()));
        }
        SrtpSession bobBrowser = dtls.browserSide(0);
        SrtpSession aliceBrowser = dtls.browserSide(1);

        for (int seq = 1; seq <= 3; seq++) { // the layers are learnt from their named first packets
            for (Object[] layer : new Object[][] {{Q, "q"}, {H, "h"}, {F, "f"}}) {
                send(alice, aliceBrowser, layerPacket((long) layer[0], (String) layer[1], seq, seq == 1, true));
            }
        }
        Thread.sleep(50);
        sfu.addParticipant("m1", "bob", receivingOffer()); // places alice's camera (low layer) for bob
        Map<Integer, byte[]> sentQ = new HashMap<>();
        Map<Integer, byte[]> sentH = new HashMap<>();
        Set<Integer> droppedQ = new TreeSet<>();
        Set<Integer> droppedH = new TreeSet<>();
        List<RtcpPacket> aliceGot = new ArrayList<>();
        alice.setSoTimeout(1);
        for (int seq = 4; seq <= 60; seq++) {
            byte[] q = layerPacket(Q, "q", seq, seq == 4, false);
            byte[] h = layerPacket(H, "h", seq, false, false);
            sentQ.put(seq, q);
            sentH.put(seq, h);
            if (seq % 5 == 0 && seq < 60) { // 5 % of each layer lost on the way in, in a different pattern
                droppedQ.add(seq);
            } else {
                send(alice, aliceBrowser, q);
            }
            if (seq % 7 == 3 && seq < 60) {
                droppedH.add(seq);
            } else {
                send(alice, aliceBrowser, h);
            }
            answerNacks(alice, aliceBrowser, aliceGot, sentQ, sentH);
        }
        for (int i = 0; i < 50; i++) { // the last gaps' NACKs come after the floor
            answerNacks(alice, aliceBrowser, aliceGot, sentQ, sentH);
        }
        send(alice, aliceBrowser, rtx(Q_RTX, "q", sentQ.get(4))); // seq 4 was never lost: a duplicate
        List<byte[]> bobGot = drain(bob, bobBrowser, new ArrayList<>());
        drain(alice, aliceBrowser, aliceGot);

        assertThat(nacked(aliceGot, Q)).as("every lost packet of the low layer").isEqualTo(droppedQ);
        assertThat(nacked(aliceGot, H))
                .as("every lost packet of the middle layer")
                .isEqualTo(droppedH);
        assertThat(in(Q).repaired()).isEqualTo(droppedQ.size());
        assertThat(in(H).repaired()).isEqualTo(droppedH.size());
        assertThat(in(Q).duplicateRepairs()).isEqualTo(1);
        assertThat(bobGot)
                .as("bob gets every packet of his layer from its keyframe on, the repairs as the originals")
                .hasSize(57)
                .allSatisfy(p -> assertThat(layerOf(p)).isEqualTo('q'));
        SfuTotals totals = sfu.totals();
        assertThat(totals.nacksUpstream()).isGreaterThanOrEqualTo(droppedQ.size() + droppedH.size());
        assertThat(totals.repairedUpstream()).isEqualTo(droppedQ.size() + droppedH.size());
    }
}
