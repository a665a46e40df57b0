package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.F;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.H;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.Q;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.drain;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.layerOf;
import static se.portvakt.sfu.server.SimulcastThroughTheSfuTest.layerPacket;
import static se.portvakt.sfu.server.UdpSfuTest.DTLS_RECORD;
import static se.portvakt.sfu.server.UdpSfuTest.check;
import static se.portvakt.sfu.server.UdpSfuTest.chromeOffer;
import static se.portvakt.sfu.server.UdpSfuTest.receive;
import static se.portvakt.sfu.server.UdpSfuTest.receivingOffer;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.bandwidth.DownlinkEstimator;
import se.portvakt.sfu.rtcp.RtcpEncoder;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.srtp.SrtpSession;

/**
 * With the downlink budget on ({@code SfuSettings.withDownlinkBudget}), two receivers of one simulcast camera, both wanting it on their stage: the one whose reports say half of what we
 * send it is lost drops to audio only at once (its link cannot carry even the low layer next to the audio reserve),
 * while the other keeps the top layer.
 */
class DownlinkThroughTheSfuTest {
    UdpSfu sfu;
    final List<DatagramSocket> clients = new ArrayList<>();
    int seq = 1;

    @AfterEach
    void tearDown() {
        clients.forEach(DatagramSocket::close);
        if (sfu != null) {
            sfu.close();
        }
    }

    DatagramSocket connect(ParticipantAnswer answer) throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(2000);
        clients.add(socket);
        byte[] nominating = check(answer, true, new byte[12]);
        socket.send(new DatagramPacket(nominating, nominating.length, sfu.localAddress()));
        assertThat(receive(socket)).isPresent();
        socket.send(new DatagramPacket(DTLS_RECORD, DTLS_RECORD.length, sfu.localAddress()));
        return socket;
    }

    /** Every layer's next packet, each layer starting a keyframe every fifth. */
    void sendRound(DatagramSocket alice, SrtpSession browser, boolean named) throws Exception {
        for (Object[] layer : new Object[][] {{Q, "q"}, {H, "h"}, {F, "f"}}) {
            byte[] p = layerPacket((long) layer[0], (String) layer[1], seq, seq % 5 == 1, named);
            int len = browser.protectRtp(p, 0, p.length - 16);
            alice.send(new DatagramPacket(p, len, sfu.localAddress()));
        }
        seq++;
        Thread.sleep(10);
    }

    @Test
    void aReceiverWhoseReportsShowHeavyLossDropsToAudioOnlyWhileTheOtherKeepsTheTopLayer() throws Exception {
        UdpSfuTest.KeysOnFirstRecord dtls = new UdpSfuTest.KeysOnFirstRecord();
        sfu = UdpSfu.start(SfuSettings.loopback().withDownlinkBudget(), dtls, Clock.systemUTC());
        sfu.createMeeting("m1");
        DatagramSocket bob = connect(sfu.addParticipant("m1", "bob", receivingOffer()));
        DatagramSocket carol = connect(sfu.addParticipant("m1", "carol", receivingOffer()));
        DatagramSocket alice = connect(sfu.addParticipant("m1", "alice", chromeOffer()));
        SrtpSession bobBrowser = dtls.browserSide(0);
        SrtpSession carolBrowser = dtls.browserSide(1);
        SrtpSession aliceBrowser = dtls.browserSide(2);

        for (int i = 0; i < 3; i++) {
            sendRound(alice, aliceBrowser, true);
        }
        Thread.sleep(50);
        sfu.addParticipant("m1", "bob", receivingOffer());
        sfu.addParticipant("m1", "carol", receivingOffer());
        sfu.preferLayers("m1", "bob", Map.of("1", "high"));
        sfu.preferLayers("m1", "carol", Map.of("1", "high"));
        while (seq <= 20) {
            sendRound(alice, aliceBrowser, false);
        }
        List<byte[]> bobBefore = drain(bob, bobBrowser, new ArrayList<>());
        List<byte[]> carolBefore = drain(carol, carolBrowser, new ArrayList<>());
        assertThat(layerOf(bobBefore.get(bobBefore.size() - 1)))
                .as("bob on the top layer")
                .isEqualTo('f');
        assertThat(layerOf(carolBefore.get(carolBefore.size() - 1))).isEqualTo('f');
        long bobCopy = RtpFields.ssrc(bobBefore.get(0), 0);

        send(bob, bobBrowser, bobCopy, 0); // the estimator's first report only sets where it counts from
        // loss that persists: one lossy report alone holds, the first cuts stop at one picture, and reports within
        // SETTLE_NANOS of a cut count for nothing (300 ms apart here: five after each cut)
        int reports = DownlinkEstimator.PERSISTENT_REPORTS + 2 * (int) (DownlinkEstimator.SETTLE_NANOS / 300_000_000L);
        for (int report = 0; report < reports; report++) {
            for (int i = 0; i < 30; i++) { // 300 ms of media to bob, half of it "lost"
                sendRound(alice, aliceBrowser, false);
            }
            send(bob, bobBrowser, bobCopy, 128);
        }
        Thread.sleep(300); // the next share, within 250 ms
        drain(bob, bobBrowser, new ArrayList<>());
        drain(carol, carolBrowser, new ArrayList<>());
        for (int i = 0; i < 15; i++) {
            sendRound(alice, aliceBrowser, false);
        }
        List<byte[]> bobAfter = drain(bob, bobBrowser, new ArrayList<>());
        List<byte[]> carolAfter = drain(carol, carolBrowser, new ArrayList<>());
        assertThat(bobAfter).as("bob: audio only, his camera copy paused").isEmpty();
        assertThat(carolAfter)
                .hasSize(15)
                .allSatisfy(p -> assertThat(layerOf(p)).isEqualTo('f'));
        assertThat(sfu.stats("m1").streams())
                .as("bob's copy is not ended, only paused")
                .anyMatch(s -> s.ssrc() == bobCopy);
    }

    void send(DatagramSocket from, SrtpSession browser, long copySsrc, int fractionLost) throws Exception {
        byte[] plain = RtcpEncoder.encode(List.of(new RtcpPacket.ReceiverReport(
                0x0B0B0B0BL, List.of(new RtcpPacket.ReportBlock(copySsrc, fractionLost, 0, 0, 0, 0, 0)))));
        byte[] buf = Arrays.copyOf(plain, plain.length + 32);
        int len = browser.protectRtcp(buf, 0, plain.length);
        from.send(new DatagramPacket(buf, len, sfu.localAddress()));
    }
}
