package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.sfu.server.UdpSfuTest.DTLS_RECORD;
import static se.portvakt.sfu.server.UdpSfuTest.check;
import static se.portvakt.sfu.server.UdpSfuTest.chromeOffer;
import static se.portvakt.sfu.server.UdpSfuTest.receive;
import static se.portvakt.sfu.server.UdpSfuTest.receivingOffer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.ForwardedStream;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.demux.PacketDemux;
import se.portvakt.sfu.demux.PacketKind;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtcp.RtcpParser;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.sdp.SdpParser;
import se.portvakt.sfu.srtp.SrtpSession;

/**
 * Chrome's simulcast offer (rids q, h, f; no a=ssrc) through the real loop: the three layers, learnt from the
 * rid and mid header extensions of their first packets, make one track and one copy per receiver, which starts
 * low and moves to the top layer at its keyframe when the receiver prefers "high".
 */
class SimulcastThroughTheSfuTest {
    static final long Q = 0x1111_0001L;
    static final long H = 0x1111_0002L;
    static final long F = 0x1111_0003L;
    /** Chrome's extmap ids in the captured offer. */
    static final int MID_ID = 4;

    static final int RID_ID = 10;

    UdpSfu sfu;
    final List<DatagramSocket> clients = new ArrayList<>();

    @AfterEach
    void tearDown() {
        clients.forEach(DatagramSocket::close);
        if (sfu != null) {
            sfu.close();
        }
    }

    static Stream<Arguments> simulcastLines() {
        return Stream.of(
                Arguments.of("send q;h;f", List.of("q", "h", "f")),
                Arguments.of("send ~q;f", List.of("q", "f")), // paused at first: still a layer
                Arguments.of("send q,x;h", List.of("q", "h")), // alternatives: the first counts
                Arguments.of("recv a send b;c", List.of("b", "c")),
                Arguments.of("recv a;b", List.of()));
    }

    @ParameterizedTest
    @MethodSource("simulcastLines")
    void layersAreTheSendStreamsInTheOrderOfASimulcastLine(String simulcast, List<String> rids) {
        String sdp = chromeOffer().replace("a=simulcast:send q;h;f", "a=simulcast:" + simulcast);
        assertThat(Negotiated.sendRids(SdpParser.parse(sdp).media().get(1))).isEqualTo(rids);
    }

    /** A VP8 packet as Chrome sends a layer's first packets: mid and rid in one-byte extensions. */
    static byte[] layerPacket(long ssrc, String rid, int seq, boolean keyframe, boolean named) {
        byte[] ext = named
                ? new byte[] {
                    (byte) 0xBE,
                    (byte) 0xDE,
                    0,
                    1,
                    (byte) (MID_ID << 4),
                    '1',
                    (byte) (RID_ID << 4),
                    (byte) rid.charAt(0)
                }
                : new byte[0];
        byte[] packet = new byte[12 + ext.length + 100 + 16];
        packet[0] = (byte) (named ? 0x90 : 0x80);
        RtpFields.setPayloadType(packet, 0, 96);
        RtpFields.setSequenceNumber(packet, 0, seq);
        RtpFields.setTimestamp(packet, 0, seq * 3000L);
        RtpFields.setSsrc(packet, 0, ssrc);
        System.arraycopy(ext, 0, packet, 12, ext.length);
        int payload = 12 + ext.length;
        packet[payload] = 0x10; // VP8 descriptor: start of partition 0
        packet[payload + 1] = (byte) (keyframe ? 0x50 : 0x51);
        packet[payload + 50] = rid.getBytes(StandardCharsets.US_ASCII)[0]; // which layer, for the assertions
        return packet;
    }

    DatagramSocket client() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(2000);
        clients.add(socket);
        return socket;
    }

    void send(DatagramSocket from, SrtpSession browser, byte[] packet) throws Exception {
        int len = browser.protectRtp(packet, 0, packet.length - 16);
        from.send(new DatagramPacket(packet, len, sfu.localAddress()));
        Thread.sleep(2);
    }

    /** What arrived for the browser within a short quiet period: plain RTP and RTCP. */
    static List<byte[]> drain(DatagramSocket socket, SrtpSession browser, List<RtcpPacket> rtcp) throws IOException {
        socket.setSoTimeout(300);
        List<byte[]> rtp = new ArrayList<>();
        for (Optional<byte[]> d = receive(socket); d.isPresent(); d = receive(socket)) {
            byte[] datagram = d.get();
            PacketKind kind = new PacketDemux().classify(datagram, 0, datagram.length);
            if (kind == PacketKind.RTP) {
                rtp.add(Arrays.copyOf(datagram, browser.unprotectRtp(datagram, 0, datagram.length)));
            } else if (kind == PacketKind.RTCP) {
                rtcp.addAll(new RtcpParser()
                        .parse(datagram, 0, browser.unprotectRtcp(datagram, 0, datagram.length))
                        .orElseThrow());
            }
        }
        return rtp;
    }

    static char layerOf(byte[] plain) {
        return (char) plain[12 + 50]; // the copy's header has no extensions
    }

    @Test
    void threeLayersMakeOneCopyThatStartsLowAndSwitchesUpAtTheTopLayersKeyframe() throws Exception {
        UdpSfuTest.KeysOnFirstRecord dtls = new UdpSfuTest.KeysOnFirstRecord();
        sfu = UdpSfu.start(SfuSettings.loopback(), dtls, Clock.systemUTC());
        List<RenegotiationNeeded> asked = new CopyOnWriteArrayList<>();
        sfu.onRenegotiationNeeded(asked::add);
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
        asked.clear();

        int seq = 1;
        for (; seq <= 5; seq++) {
            for (Object[] layer : new Object[][] {{Q, "q"}, {H, "h"}, {F, "f"}}) {
                send(alice, aliceBrowser, layerPacket((long) layer[0], (String) layer[1], seq, seq == 1, true));
            }
        }
        Thread.sleep(100);
        assertThat(asked)
                .as("three layers, one new video stream for bob")
                .containsExactly(new RenegotiationNeeded("m1", "bob", 1, 1));
        ParticipantAnswer placed = sfu.addParticipant("m1", "bob", receivingOffer());
        assertThat(placed.streams())
                .extracting(ForwardedStream::participantId, ForwardedStream::source)
                .contains(org.assertj.core.groups.Tuple.tuple("alice", "camera"))
                .hasSize(2);

        for (; seq <= 10; seq++) { // Chrome stops naming the layers once they are known; each starts a keyframe
            for (Object[] layer : new Object[][] {{Q, "q"}, {H, "h"}, {F, "f"}}) {
                send(alice, aliceBrowser, layerPacket((long) layer[0], (String) layer[1], seq, seq == 6, false));
            }
        }
        List<RtcpPacket> aliceGot = new ArrayList<>();
        List<byte[]> low = drain(bob, bobBrowser, new ArrayList<>());
        assertThat(low)
                .as("the low layer only, from its keyframe")
                .hasSize(5)
                .allSatisfy(p -> assertThat(layerOf(p)).isEqualTo('q'));
        drain(alice, aliceBrowser, aliceGot);
        aliceGot.clear();

        sfu.preferLayers("m1", "bob", Map.of("1", "high", "9", "low"));
        for (; seq <= 14; seq++) {
            send(alice, aliceBrowser, layerPacket(Q, "q", seq, false, false));
            send(alice, aliceBrowser, layerPacket(F, "f", seq, seq == 13, false));
        }
        drain(alice, aliceBrowser, aliceGot);
        assertThat(aliceGot)
                .as("the top layer was asked for a keyframe")
                .anySatisfy(p -> assertThat(p)
                        .isInstanceOfSatisfying(
                                RtcpPacket.PictureLossIndication.class,
                                pli -> assertThat(pli.mediaSsrc()).isEqualTo(F)));
        List<byte[]> switched = drain(bob, bobBrowser, new ArrayList<>());
        assertThat(switched)
                .extracting(SimulcastThroughTheSfuTest::layerOf)
                .as("low until the top layer's keyframe, then only the top layer")
                .containsExactly('q', 'q', 'q', 'f', 'f'); // q13 goes before f13
        List<Integer> seqs = Stream.concat(low.stream(), switched.stream())
                .map(p -> RtpFields.sequenceNumber(p, 0))
                .toList();
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
        }
        assertThat(sfu.stats("m1").streams())
                .as("alice's microphone and three layers in; bob's two copies out")
                .hasSize(6);
    }
}
