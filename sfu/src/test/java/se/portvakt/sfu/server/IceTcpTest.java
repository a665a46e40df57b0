package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.sfu.server.UdpSfuTest.DTLS_RECORD;
import static se.portvakt.sfu.server.UdpSfuTest.check;
import static se.portvakt.sfu.server.UdpSfuTest.publishingOffer;
import static se.portvakt.sfu.server.UdpSfuTest.receivingOffer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.stun.StunDecoder;
import se.portvakt.sfu.stun.StunMessage;
import se.portvakt.sfu.stun.StunMessageType;

/** ICE over TCP (RFC 6544 passive, RFC 4571 framing) on a real loopback port beside the UDP one. */
class IceTcpTest {
    /**
     * How long a read waits for the SFU's answer: every read here expects one, so this is a limit, not a pause; on a
     * busy 2-core machine a cold SFU took over 2 s to answer (a test failed 2 runs in 3 beside a full test run).
     */
    static final int ANSWER_MS = 10_000;

    UdpSfu sfu;
    final List<AutoCloseable> peers = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable peer : peers) {
            peer.close();
        }
        if (sfu != null) {
            sfu.close();
        }
    }

    UdpSfu start(UdpSfuTest.KeysOnFirstRecord dtls) {
        return UdpSfu.start(
                SfuSettings.loopback().withTcp(new InetSocketAddress("127.0.0.1", 0)), dtls, Clock.systemUTC());
    }

    /** A browser's TCP connection to the SFU's passive candidate. */
    final class TcpPeer implements AutoCloseable {
        final Socket socket;
        final DataOutputStream out;
        final DataInputStream in;

        TcpPeer() throws IOException {
            socket = new Socket();
            socket.connect(sfu.tcpAddress().orElseThrow(), 5000);
            socket.setSoTimeout(ANSWER_MS);
            out = new DataOutputStream(socket.getOutputStream());
            in = new DataInputStream(socket.getInputStream());
            peers.add(this);
        }

        void send(byte[] packet) throws IOException {
            out.writeShort(packet.length);
            out.write(packet);
            out.flush();
        }

        Optional<byte[]> receive() throws IOException {
            try {
                byte[] frame = new byte[in.readUnsignedShort()];
                in.readFully(frame);
                return Optional.of(frame);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
        }

        /** True once the SFU closed this connection (end of stream before the deadline). */
        boolean closedBySfuWithin(long millis) throws IOException {
            long deadline = System.currentTimeMillis() + millis;
            socket.setSoTimeout(200);
            while (System.currentTimeMillis() < deadline) {
                try {
                    if (in.read() < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    // still open
                } catch (EOFException | java.net.SocketException e) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void theAnswerCarriesAPassiveTcpCandidateBelowTheUdpOne() {
        sfu = start(new UdpSfuTest.KeysOnFirstRecord());
        sfu.createMeeting("m1");
        String answer = sfu.addParticipant("m1", "alice", publishingOffer()).answerSdp();
        assertThat(answer)
                .contains("a=candidate:1 1 udp 2130706431 127.0.0.1 "
                        + sfu.localAddress().getPort() + " typ host")
                .contains("a=candidate:2 1 tcp 2124414975 127.0.0.1 "
                        + sfu.tcpAddress().orElseThrow().getPort() + " typ host tcptype passive");
    }

    @Test
    void aReceiverOnTcpGetsWhatAUdpPublisherSends() throws Exception {
        UdpSfuTest.KeysOnFirstRecord dtls = new UdpSfuTest.KeysOnFirstRecord();
        sfu = start(dtls);
        sfu.createMeeting("m1");
        ParticipantAnswer aliceAnswer = sfu.addParticipant("m1", "alice", publishingOffer());
        ParticipantAnswer bobAnswer = sfu.addParticipant("m1", "bob", receivingOffer());
        DatagramSocket alice = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        alice.setSoTimeout(ANSWER_MS);
        peers.add(alice::close);
        byte[] aliceCheck = check(aliceAnswer, true, new byte[12]);
        alice.send(new DatagramPacket(aliceCheck, aliceCheck.length, sfu.localAddress()));
        alice.receive(new DatagramPacket(new byte[2048], 2048));
        alice.send(new DatagramPacket(DTLS_RECORD, DTLS_RECORD.length, sfu.localAddress()));

        TcpPeer bob = new TcpPeer();
        byte[] txid = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        bob.send(check(bobAnswer, true, txid));
        byte[] reply = bob.receive().orElseThrow();
        StunMessage response = StunDecoder.decode(reply, 0, reply.length).orElseThrow();
        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
        assertThat(response.transactionId()).isEqualTo(txid);
        assertThat(response.xorMappedAddress()).contains((InetSocketAddress) bob.socket.getLocalSocketAddress());
        bob.send(DTLS_RECORD);
        // the loop handles one connection's packets in order: a check answered after the record means the keys
        // are in place, so the keyframe below is not dropped for a subscriber without keys (on a warm JVM the
        // first packet used to overtake them, and a subscriber waiting for a keyframe got nothing)
        byte[] after = {2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        bob.send(check(bobAnswer, false, after));
        assertThat(bob.receive()).isPresent();
        alice.send(new DatagramPacket(aliceCheck, aliceCheck.length, sfu.localAddress()));
        alice.receive(new DatagramPacket(new byte[2048], 2048));

        SrtpSession aliceBrowser = dtls.browserSide(0);
        SrtpSession bobBrowser = dtls.browserSide(1);
        for (int seq = 1; seq <= 20; seq++) {
            byte[] packet = new byte[12 + 200 + 16];
            packet[0] = (byte) 0x80;
            RtpFields.setPayloadType(packet, 0, 96);
            RtpFields.setSequenceNumber(packet, 0, seq);
            RtpFields.setTimestamp(packet, 0, seq * 3000L);
            RtpFields.setSsrc(packet, 0, 0xA1A1A1A1L);
            Arrays.fill(packet, 12, 212, (byte) seq);
            packet[12] = 0x10;
            packet[13] = (byte) (seq == 1 ? 0x50 : 0x51);
            int len = aliceBrowser.protectRtp(packet, 0, 212);
            alice.send(new DatagramPacket(packet, len, sfu.localAddress()));
            Thread.sleep(5);
        }
        List<Integer> sequenceNumbers = new ArrayList<>();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (sequenceNumbers.size() < 20 && System.nanoTime() < deadline) {
            Optional<byte[]> frame = bob.receive();
            if (frame.isPresent() && new PacketDemux().classify(frame.get(), 0, frame.get().length) == PacketKind.RTP) {
                byte[] rtp = frame.get();
                assertThat(bobBrowser.unprotectRtp(rtp, 0, rtp.length)).isEqualTo(212);
                sequenceNumbers.add(RtpFields.sequenceNumber(rtp, 0));
            }
        }
        assertThat(sequenceNumbers)
                .as("every packet, in order, one frame each")
                .hasSize(20)
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(sfu.stats("m1").packetsOut()).isEqualTo(20);
    }

    @Test
    void aConnectionThatSendsGarbageIsClosedAndTheOthersCarryOn() throws Exception {
        sfu = start(new UdpSfuTest.KeysOnFirstRecord());
        sfu.createMeeting("m1");
        ParticipantAnswer answer = sfu.addParticipant("m1", "alice", publishingOffer());
        TcpPeer good = new TcpPeer();
        TcpPeer bad = new TcpPeer();
        bad.out.writeShort(0xFFFF); // a frame longer than any packet of ours
        bad.out.write(new byte[64]);
        bad.out.flush();
        assertThat(bad.closedBySfuWithin(10_000)).isTrue();

        good.send(check(answer, true, new byte[12]));
        byte[] reply = good.receive().orElseThrow();
        assertThat(StunDecoder.decode(reply, 0, reply.length).orElseThrow().type())
                .isEqualTo(StunMessageType.BINDING_SUCCESS);
    }

    @Test
    void leavingClosesTheParticipantsConnection() throws Exception {
        sfu = start(new UdpSfuTest.KeysOnFirstRecord());
        sfu.createMeeting("m1");
        ParticipantAnswer answer = sfu.addParticipant("m1", "alice", publishingOffer());
        TcpPeer alice = new TcpPeer();
        alice.send(check(answer, true, new byte[12]));
        assertThat(alice.receive()).isPresent();
        sfu.removeParticipant("m1", "alice");
        assertThat(alice.closedBySfuWithin(10_000)).isTrue();
    }
}
