package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.sfu.server.UdpSfuTest.DTLS_RECORD;
import static se.portvakt.sfu.server.UdpSfuTest.check;
import static se.portvakt.sfu.server.UdpSfuTest.chromeOffer;
import static se.portvakt.sfu.server.UdpSfuTest.receive;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.demux.PacketDemux;
import se.portvakt.sfu.demux.PacketKind;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtcp.RtcpParser;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.twcc.TransportCcChunks;

/**
 * With transport-cc turned on ({@code SfuSettings.withTransportCc}), Chrome's offer negotiates transport-wide
 * congestion control; through the real loop the SFU then answers every
 * transport sequence number it received (media, an RTX padding probe, a stream it does not know) with transport-cc
 * feedback, reports the lost one as lost, and sends RR without REMB.
 */
class TransportCcThroughTheSfuTest {
    /** Chrome's extmap ids in the captured offer: transport-wide sequence number, mid, rid. */
    static final int TCC_ID = 3;

    static final int MID_ID = 4;
    static final int RID_ID = 10;

    UdpSfu sfu;
    DatagramSocket alice;

    @AfterEach
    void tearDown() {
        if (alice != null) {
            alice.close();
        }
        if (sfu != null) {
            sfu.close();
        }
    }

    /** A packet of layer q with its transport-wide number; with {@code probe}, an RTX padding-only probe. */
    static byte[] packet(int transportSeq, int seq, boolean probe) {
        byte[] ext = {
            (byte) 0xBE,
            (byte) 0xDE,
            0,
            2,
            (byte) (MID_ID << 4),
            '1',
            (byte) (RID_ID << 4),
            'q',
            (byte) ((TCC_ID << 4) | 1),
            (byte) (transportSeq >> 8),
            (byte) transportSeq,
            0
        };
        int payload = probe ? 200 : 100;
        byte[] packet = new byte[12 + ext.length + payload + 16];
        packet[0] = (byte) (probe ? 0xB0 : 0x90); // padding bit for the probe
        RtpFields.setPayloadType(packet, 0, probe ? 97 : 96);
        RtpFields.setSequenceNumber(packet, 0, seq);
        RtpFields.setTimestamp(packet, 0, seq * 3000L);
        RtpFields.setSsrc(packet, 0, probe ? 0x2222_0001L : 0x1111_0001L);
        System.arraycopy(ext, 0, packet, 12, ext.length);
        if (probe) {
            packet[12 + ext.length + payload - 1] = (byte) payload; // all padding
        } else {
            packet[12 + ext.length] = 0x10;
            packet[12 + ext.length + 1] = (byte) (seq == 1 ? 0x50 : 0x51);
        }
        return packet;
    }

    @Test
    void everyTransportNumberIsAnsweredAndNoRembIsSent() throws Exception {
        UdpSfuTest.KeysOnFirstRecord dtls = new UdpSfuTest.KeysOnFirstRecord();
        sfu = UdpSfu.start(SfuSettings.loopback().withTransportCc(), dtls, Clock.systemUTC());
        sfu.createMeeting("m1");
        ParticipantAnswer answer = sfu.addParticipant("m1", "alice", chromeOffer());
        assertThat(answer.answerSdp())
                .contains("a=rtcp-fb:96 transport-cc")
                .doesNotContain("goog-remb")
                .contains("a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01");
        alice = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        alice.setSoTimeout(2000);
        byte[] nominating = check(answer, true, new byte[12]);
        alice.send(new DatagramPacket(nominating, nominating.length, sfu.localAddress()));
        assertThat(receive(alice)).isPresent();
        alice.send(new DatagramPacket(DTLS_RECORD, DTLS_RECORD.length, sfu.localAddress()));
        SrtpSession browser = dtls.browserSide(0);

        int transportSeq = 65_530; // across the wrap
        List<Integer> sent = new ArrayList<>();
        for (int seq = 1; seq <= 40; seq++, transportSeq++) {
            if (seq == 20) {
                continue; // lost on the way: its transport number never arrives
            }
            byte[] p = packet(transportSeq & 0xFFFF, seq, seq % 10 == 5);
            int len = browser.protectRtp(p, 0, p.length - 16);
            alice.send(new DatagramPacket(p, len, sfu.localAddress()));
            sent.add(transportSeq & 0xFFFF);
            Thread.sleep(3);
        }

        List<RtcpPacket> rtcp = new ArrayList<>();
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until && rtcp.stream().noneMatch(p -> p instanceof RtcpPacket.ReceiverReport)) {
            Optional<byte[]> d = receive(alice);
            if (d.isPresent() && new PacketDemux().classify(d.get(), 0, d.get().length) == PacketKind.RTCP) {
                byte[] datagram = d.get();
                rtcp.addAll(new RtcpParser()
                        .parse(datagram, 0, browser.unprotectRtcp(datagram, 0, datagram.length))
                        .orElseThrow());
            }
        }
        assertThat(rtcp).as("an RR came, with no REMB beside it").anyMatch(p -> p instanceof RtcpPacket.ReceiverReport);
        assertThat(rtcp).noneMatch(p -> p instanceof RtcpPacket.Remb);

        List<Integer> received = new ArrayList<>();
        List<Integer> lost = new ArrayList<>();
        for (RtcpPacket p : rtcp) {
            if (p instanceof RtcpPacket.TransportCcFeedback f) {
                int[] symbols = TransportCcChunks.decode(f.chunksAndDeltas(), f.statusCount())
                        .orElseThrow()
                        .symbols();
                for (int i = 0; i < symbols.length; i++) {
                    (symbols[i] == TransportCcChunks.NOT_RECEIVED ? lost : received)
                            .add((f.baseSequence() + i) & 0xFFFF);
                }
            }
        }
        assertThat(received).as("every number, the probes' included, in order").isEqualTo(sent);
        assertThat(lost).containsExactly((65_530 + 19) & 0xFFFF);
    }
}
