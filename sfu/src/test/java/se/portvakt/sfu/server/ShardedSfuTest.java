package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.portvakt.sfu.server.UdpSfuTest.DTLS_RECORD;
import static se.portvakt.sfu.server.UdpSfuTest.check;
import static se.portvakt.sfu.server.UdpSfuTest.publishingOffer;
import static se.portvakt.sfu.server.UdpSfuTest.receive;
import static se.portvakt.sfu.server.UdpSfuTest.receivingOffer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.demux.PacketDemux;
import se.portvakt.sfu.demux.PacketKind;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.sdp.SdpParser;
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.transport.NoDtls;

/** Two packet loops on 127.0.0.1: meetings placed whole on one loop each, answered and forwarded there. */
class ShardedSfuTest {

    ShardedSfu sfu;
    final List<DatagramSocket> clients = new ArrayList<>();

    @AfterEach
    void tearDown() {
        clients.forEach(DatagramSocket::close);
        if (sfu != null) {
            sfu.close();
        }
    }

    @Test
    void eachMeetingIsAnsweredWithItsOwnLoopsPort() {
        sfu = ShardedSfu.start(SfuSettings.loopback().withLoops(2), new NoDtls(), Clock.systemUTC());
        sfu.createMeeting("m1");
        sfu.addParticipant("m1", "alice", receivingOffer());
        sfu.createMeeting("m2");

        assertThat(sfu.localAddresses()).hasSize(2).doesNotHaveDuplicates();
        assertThat(sfu.loopOf("m1")).as("the first meeting on an empty SFU").contains(0);
        assertThat(sfu.loopOf("m2")).as("the loop without participants").contains(1);
        for (String meeting : List.of("m1", "m2")) {
            ParticipantAnswer answer = sfu.addParticipant(meeting, "bob", receivingOffer());
            int loop = sfu.loopOf(meeting).orElseThrow();
            assertThat(candidatePorts(answer))
                    .as(meeting + "'s answer names only its loop's port")
                    .containsOnly(sfu.localAddresses().get(loop).getPort());
        }
        assertThat(sfu.totals().participants()).isEqualTo(3);
        assertThat(sfu.totals().meetings()).isEqualTo(2);
    }

    @Test
    void aNewMeetingGoesToTheLoopCarryingFewerParticipants() {
        sfu = ShardedSfu.start(SfuSettings.loopback().withLoops(2), new NoDtls(), Clock.systemUTC());
        sfu.createMeeting("big");
        sfu.createMeeting("small");
        for (int i = 0; i < 3; i++) {
            sfu.addParticipant("big", "p" + i, receivingOffer());
        }
        sfu.addParticipant("small", "q", receivingOffer());

        sfu.createMeeting("third");

        assertThat(sfu.loopOf("third")).isEqualTo(sfu.loopOf("small"));
        sfu.closeMeeting("third");
        assertThat(sfu.loopOf("third")).as("closed: placed nowhere").isEmpty();
        assertThatThrownBy(() -> sfu.addParticipant("third", "x", receivingOffer()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no meeting third");
    }

    @Test
    void mediaOfAMeetingOnTheSecondLoopIsForwardedThere() throws Exception {
        UdpSfuTest.KeysOnFirstRecord dtls = new UdpSfuTest.KeysOnFirstRecord();
        sfu = ShardedSfu.start(SfuSettings.loopback().withLoops(2), dtls, Clock.systemUTC());
        sfu.createMeeting("first");
        sfu.createMeeting("second");
        assertThat(sfu.loopOf("second")).contains(1);
        ParticipantAnswer aliceAnswer = sfu.addParticipant("second", "alice", publishingOffer());
        ParticipantAnswer bobAnswer = sfu.addParticipant("second", "bob", receivingOffer());
        InetSocketAddress secondLoop = sfu.localAddresses().get(1);
        DatagramSocket alice = client();
        DatagramSocket bob = client();
        for (Object[] peer : new Object[][] {{alice, aliceAnswer}, {bob, bobAnswer}}) {
            DatagramSocket socket = (DatagramSocket) peer[0];
            send(socket, check((ParticipantAnswer) peer[1], true, new byte[12]), secondLoop);
            assertThat(receive(socket))
                    .as("the second loop answers its meeting's checks")
                    .isPresent();
            send(socket, DTLS_RECORD, secondLoop);
        }
        SrtpSession aliceBrowser = dtls.browserSide(0);
        SrtpSession bobBrowser = dtls.browserSide(1);

        // a check to the first loop's port: that loop does not know the meeting's credentials (401, unsigned)
        send(
                alice,
                check(aliceAnswer, false, new byte[12]),
                sfu.localAddresses().get(0));
        byte[] refused = receive(alice).orElseThrow();
        assertThat(new PacketDemux().classify(refused, 0, refused.length)).isEqualTo(PacketKind.STUN);
        assertThat(refused[0] & 0xff).as("an error response class (0x0111)").isEqualTo(0x01);
        assertThat(refused[1] & 0xff).isEqualTo(0x11);

        for (int seq = 1; seq <= 10; seq++) {
            byte[] packet = new byte[12 + 100 + 16];
            packet[0] = (byte) 0x80;
            RtpFields.setPayloadType(packet, 0, 96);
            RtpFields.setSequenceNumber(packet, 0, seq);
            RtpFields.setTimestamp(packet, 0, seq * 3000L);
            RtpFields.setSsrc(packet, 0, 0xA1A1A1A1L);
            packet[12] = 0x10;
            packet[13] = (byte) (seq == 1 ? 0x50 : 0x51);
            send(alice, Arrays.copyOf(packet, aliceBrowser.protectRtp(packet, 0, 112)), secondLoop);
        }
        int forwarded = 0;
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (forwarded < 10 && System.nanoTime() < deadline) {
            Optional<byte[]> datagram = receive(bob);
            if (datagram.isPresent()
                    && new PacketDemux().classify(datagram.get(), 0, datagram.get().length) == PacketKind.RTP) {
                assertThat(bobBrowser.unprotectRtp(datagram.get(), 0, datagram.get().length))
                        .isEqualTo(112);
                forwarded++;
            }
        }
        assertThat(forwarded).isEqualTo(10);
        // the loop counts a packet just after its send returns, and Bob may read it before that
        while (sfu.stats("second").packetsOut() < 10 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(sfu.stats("second").packetsOut()).isEqualTo(10);
        assertThat(sfu.totals().packetsIn()).as("the loops' totals summed").isEqualTo(10);
    }

    @Test
    void aLoopThatCannotBindClosesTheOnesAlreadyStarted() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int first = taken.getLocalPort() - 1;
            SfuSettings settings = new SfuSettings(
                            new InetSocketAddress("127.0.0.1", first),
                            null,
                            java.time.Duration.ofMillis(10),
                            se.portvakt.sfu.forward.StreamSettings.DEFAULTS)
                    .withLoops(2);

            assertThatThrownBy(() -> ShardedSfu.start(settings, new NoDtls(), Clock.systemUTC()))
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
            try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", first))) {
                assertThat(again.getLocalPort())
                        .as("the first loop let its port go")
                        .isEqualTo(first);
            }
        }
    }

    private static List<Integer> candidatePorts(ParticipantAnswer answer) {
        return SdpParser.parse(answer.answerSdp()).media().stream()
                .flatMap(m -> m.attributes("candidate").stream())
                .map(candidate -> Integer.parseInt(candidate.split(" ")[5]))
                .distinct()
                .toList();
    }

    private DatagramSocket client() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(2000);
        clients.add(socket);
        return socket;
    }

    private static void send(DatagramSocket from, byte[] datagram, InetSocketAddress to) throws IOException {
        from.send(new DatagramPacket(datagram, datagram.length, to));
    }
}
