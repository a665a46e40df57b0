package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.ForwardedStream;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.demux.PacketDemux;
import se.portvakt.sfu.demux.PacketKind;
import se.portvakt.sfu.ice.IceCredentials;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtcp.RtcpParser;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.sdp.Direction;
import se.portvakt.sfu.sdp.Fingerprint;
import se.portvakt.sfu.sdp.SdpParser;
import se.portvakt.sfu.srtp.SrtpKeys;
import se.portvakt.sfu.srtp.SrtpProfile;
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.stats.MeetingStats;
import se.portvakt.sfu.stun.StunDecoder;
import se.portvakt.sfu.stun.StunEncoder;
import se.portvakt.sfu.stun.StunIntegrity;
import se.portvakt.sfu.stun.StunMessage;
import se.portvakt.sfu.stun.StunMessageType;
import se.portvakt.sfu.transport.DtlsAssociation;
import se.portvakt.sfu.transport.DtlsLayer;
import se.portvakt.sfu.transport.NoDtls;
import se.portvakt.sfu.transport.PacketSink;

/** Real UDP on 127.0.0.1 through the receive loop: STUN, the DTLS hook, and forwarded SRTP. */
class UdpSfuTest {
    static final SrtpProfile PROFILE = SrtpProfile.AEAD_AES_128_GCM;

    UdpSfu sfu;
    final List<DatagramSocket> clients = new ArrayList<>();

    @AfterEach
    void tearDown() {
        clients.forEach(DatagramSocket::close);
        if (sfu != null) {
            sfu.close();
        }
    }

    static String chromeOffer() {
        try (InputStream in = UdpSfuTest.class.getResourceAsStream("/sdp/chrome-156-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chrome's offer without simulcast: its camera declared by a=ssrc as 0xA1A1A1A1, as Chrome does then. */
    static String publishingOffer() {
        return withoutLines(chromeOffer(), "a=rid:", "a=simulcast:")
                .replace(
                        "a=msid:ef5b0c69-b9a8-45fe-9b05-5436dadc5784 9f44f14e-fb32-4e65-a52b-86bcc9ec0109\r\n",
                        "a=msid:ef5b0c69-b9a8-45fe-9b05-5436dadc5784 9f44f14e-fb32-4e65-a52b-86bcc9ec0109\r\n"
                                + "a=ssrc:" + 0xA1A1A1A1L + " cname:NMVgbtL758QVoRu9\r\n");
    }

    /** The same browser asking only to receive: an audio and a video slot, nothing of its own. */
    static String receivingOffer() {
        return withoutLines(chromeOffer(), "a=rid:", "a=simulcast:", "a=ssrc", "a=msid:")
                .replace("a=sendonly", "a=recvonly");
    }

    static String withoutLines(String sdp, String... prefixes) {
        StringBuilder out = new StringBuilder();
        for (String line : sdp.split("\r\n")) {
            if (Arrays.stream(prefixes).noneMatch(line::startsWith)) {
                out.append(line).append("\r\n");
            }
        }
        return out.toString();
    }

    DatagramSocket client() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(2000);
        clients.add(socket);
        return socket;
    }

    void send(DatagramSocket from, byte[] datagram) throws IOException {
        from.send(new DatagramPacket(datagram, datagram.length, sfu.localAddress()));
    }

    static Optional<byte[]> receive(DatagramSocket socket) throws IOException {
        byte[] buf = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(packet);
            return Optional.of(Arrays.copyOf(buf, packet.getLength()));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
    }

    /** A check as Chrome sends it, signed with our password, optionally nominating. */
    static byte[] check(ParticipantAnswer answer, boolean nominate, byte[] transactionId) {
        StunEncoder e = new StunEncoder(StunMessageType.BINDING_REQUEST, transactionId)
                .username(answer.localIce().ufrag() + ":" + answer.remoteIce().ufrag())
                .iceControlling(7)
                .priority(1845501695L);
        if (nominate) {
            e.useCandidate();
        }
        return e.encode(StunIntegrity.shortTermKey(answer.localIce().pwd()), true);
    }

    @Test
    void answersStunBindingRequestsOnTheRealPort() throws IOException {
        sfu = UdpSfu.start(SfuSettings.loopback(), new NoDtls(), Clock.systemUTC());
        sfu.createMeeting("m1");
        ParticipantAnswer answer = sfu.addParticipant("m1", "alice", chromeOffer());
        assertThat(SdpParser.parse(answer.answerSdp()).iceLite()).isTrue();
        assertThat(answer.answerSdp())
                .contains("a=ice-ufrag:" + answer.localIce().ufrag())
                .contains("a=candidate:1 1 udp 2130706431 127.0.0.1 "
                        + sfu.localAddress().getPort() + " typ host");
        assertThat(answer.remoteIce()).isEqualTo(new IceCredentials("4ukl", "5GuTrCH5hmtCJuhQb3UjHbeJ"));

        DatagramSocket browser = client();
        byte[] txid = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2};
        send(browser, check(answer, true, txid));
        byte[] reply = receive(browser).orElseThrow();
        StunMessage response = StunDecoder.decode(reply, 0, reply.length).orElseThrow();
        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
        assertThat(response.transactionId()).isEqualTo(txid);
        assertThat(response.xorMappedAddress()).contains((InetSocketAddress) browser.getLocalSocketAddress());
        assertThat(StunIntegrity.verifyIntegrity(
                        response, StunIntegrity.shortTermKey(answer.localIce().pwd())))
                .isTrue();

        // A check signed with the wrong password gets 401; a datagram of noise gets nothing.
        byte[] forged = new StunEncoder(StunMessageType.BINDING_REQUEST, txid)
                .username(answer.localIce().ufrag() + ":4ukl")
                .iceControlling(7)
                .priority(1)
                .encode(StunIntegrity.shortTermKey("not-the-password-at-all"), true);
        send(browser, forged);
        byte[] error = receive(browser).orElseThrow();
        assertThat(StunDecoder.decode(error, 0, error.length).orElseThrow().type())
                .isEqualTo(StunMessageType.BINDING_ERROR);
        send(browser, new byte[] {(byte) 0xFF, 1, 2, 3});
        browser.setSoTimeout(200);
        assertThat(receive(browser)).isEmpty();
    }

    /**
     * Stands in for {@code se.portvakt.sfu.dtls}: the first DTLS record from a peer "completes
     * the handshake" and hands over keys split from a fixed per-participant export.
     */
    static final class KeysOnFirstRecord implements DtlsLayer {
        final List<byte[]> materials = new CopyOnWriteArrayList<>();

        @Override
        public Fingerprint fingerprint() {
            return new NoDtls().fingerprint();
        }

        @Override
        public DtlsAssociation accept(Fingerprint remote, PacketSink toPeer, Consumer<SrtpKeys> onKeys) {
            byte[] material = new byte[PROFILE.keyingMaterialLength()];
            new Random(materials.size() + 1).nextBytes(material);
            materials.add(material);
            return new DtlsAssociation() {
                boolean done;

                @Override
                public void receive(byte[] buf, int off, int len) {
                    if (!done) {
                        done = true;
                        onKeys.accept(SrtpKeys.fromDtls(PROFILE, material, true));
                    }
                }

                @Override
                public void close() {}
            };
        }

        SrtpSession browserSide(int participantIndex) {
            return SrtpSession.open(SrtpKeys.fromDtls(PROFILE, materials.get(participantIndex), false));
        }
    }

    /** A fake DTLS record: content type 22 (handshake), DTLS 1.2, enough bytes for the demux. */
    static final byte[] DTLS_RECORD = {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1};

    @Test
    void mediaFromOnePublisherReachesTheOtherParticipantThroughTheLoop() throws Exception {
        KeysOnFirstRecord dtls = new KeysOnFirstRecord();
        sfu = UdpSfu.start(SfuSettings.loopback(), dtls, Clock.systemUTC());
        sfu.createMeeting("m1");
        ParticipantAnswer aliceAnswer = sfu.addParticipant("m1", "alice", publishingOffer());
        ParticipantAnswer bobAnswer = sfu.addParticipant("m1", "bob", receivingOffer());
        assertThat(bobAnswer.streams())
                .extracting(ForwardedStream::mid, ForwardedStream::participantId, ForwardedStream::source)
                .containsExactlyInAnyOrder(tuple("0", "alice", "microphone"), tuple("1", "alice", "camera"));
        assertThat(bobAnswer.needsMoreSlots()).isFalse();
        DatagramSocket alice = client();
        DatagramSocket bob = client();
        for (Object[] peer : new Object[][] {{alice, aliceAnswer}, {bob, bobAnswer}}) {
            DatagramSocket socket = (DatagramSocket) peer[0];
            send(socket, check((ParticipantAnswer) peer[1], true, new byte[12]));
            assertThat(receive(socket)).isPresent();
            send(socket, DTLS_RECORD);
        }
        SrtpSession aliceBrowser = dtls.browserSide(0);
        SrtpSession bobBrowser = dtls.browserSide(1);

        List<byte[]> bobGot = new ArrayList<>();
        for (int seq = 1; seq <= 20; seq++) {
            byte[] packet = new byte[12 + 200 + 16];
            packet[0] = (byte) 0x80;
            RtpFields.setPayloadType(packet, 0, 96); // VP8 in Chrome's offer
            RtpFields.setSequenceNumber(packet, 0, seq);
            RtpFields.setTimestamp(packet, 0, seq * 3000L);
            RtpFields.setSsrc(packet, 0, 0xA1A1A1A1L);
            Arrays.fill(packet, 12, 212, (byte) seq);
            packet[12] = 0x10; // VP8 descriptor: start of partition 0
            packet[13] = (byte) (seq == 1 ? 0x50 : 0x51); // frame tag: the first is a keyframe
            int len = aliceBrowser.protectRtp(packet, 0, 212);
            send(alice, Arrays.copyOf(packet, len));
            Thread.sleep(5);
        }
        // A padding-only RTX probe (pt 97, apt=96 in the offer) on another SSRC: not a new stream.
        byte[] probe = new byte[12 + 2 + 4 + 16];
        probe[0] = (byte) 0xA0;
        RtpFields.setPayloadType(probe, 0, 97);
        RtpFields.setSequenceNumber(probe, 0, 1);
        RtpFields.setSsrc(probe, 0, 0xB2B2B2B2L);
        probe[17] = 4;
        send(alice, Arrays.copyOf(probe, aliceBrowser.protectRtp(probe, 0, 18)));
        alice.setSoTimeout(300);
        bob.setSoTimeout(300);
        // until everything arrived, not for a fixed time: on a loaded machine the loop may be late
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (bobGot.size() < 20 && System.nanoTime() < deadline) {
            Optional<byte[]> d = receive(bob);
            if (d.isEmpty()) {
                continue;
            }
            byte[] datagram = d.get();
            if (new PacketDemux().classify(datagram, 0, datagram.length) == PacketKind.RTP) {
                int len = bobBrowser.unprotectRtp(datagram, 0, datagram.length);
                assertThat(SdpParser.parse(bobAnswer.answerSdp()).media().get(1).attributes("ssrc"))
                        .as("bob's answer announced the SSRC he receives on")
                        .anySatisfy(a -> assertThat(a).startsWith(RtpFields.ssrc(datagram, 0) + " "));
                assertThat(len).isEqualTo(212);
                bobGot.add(Arrays.copyOf(datagram, len));
            }
        }
        assertThat(bobGot).hasSize(20);
        long bobSsrc = RtpFields.ssrc(bobGot.get(0), 0);
        assertThat(bobSsrc).isNotEqualTo(0xA1A1A1A1L);
        for (int i = 0; i < 20; i++) {
            assertThat(RtpFields.sequenceNumber(bobGot.get(i), 0)).isEqualTo(i + 1);
            assertThat(RtpFields.ssrc(bobGot.get(i), 0)).isEqualTo(bobSsrc);
            assertThat(bobGot.get(i)[100]).isEqualTo((byte) (i + 1));
        }

        MeetingStats stats = sfu.stats("m1");
        assertThat(stats.participants()).isEqualTo(2);
        assertThat(stats.packetsIn()).isEqualTo(20);
        assertThat(stats.packetsOut()).isEqualTo(20);
        // one when bob's copy was placed (alice not nominated yet: lost); bob's DTLS finishing needs another, which
        // alice's first packet, a keyframe, serves if it comes within the 500 ms limit (KeyframeRequesterTest)
        assertThat(stats.keyframeRequestsIn()).isBetween(1L, 2L);
        assertThat(stats.streams())
                .as("alice's microphone and camera in, bob's copies out; the RTX probe made none")
                .hasSize(4);

        sfu.removeParticipant("m1", "bob");
        assertThat(sfu.stats("m1").participants()).isEqualTo(1);
        assertThat(sfu.totals()).satisfies(t -> {
            assertThat(t.packetsOut())
                    .as("bob's copy ended; what it sent still counts")
                    .isEqualTo(20);
            assertThat(t.packetsIn()).isEqualTo(20);
            assertThat(t.participants()).isEqualTo(1);
        });
        sfu.closeMeeting("m1");
        assertThat(sfu.totals().packetsIn()).as("totals never shrink").isEqualTo(20);
        assertThat(sfu.totals().meetings()).isZero();
    }

    @Test
    void anIceRestartMovesTheConnectionToANewPathAndKeepsItsStreamsAndKeys() throws Exception {
        KeysOnFirstRecord dtls = new KeysOnFirstRecord();
        sfu = UdpSfu.start(SfuSettings.loopback(), dtls, Clock.systemUTC());
        sfu.createMeeting("m1");
        ParticipantAnswer aliceAnswer = sfu.addParticipant("m1", "alice", publishingOffer());
        ParticipantAnswer bobAnswer = sfu.addParticipant("m1", "bob", receivingOffer());
        DatagramSocket alice = client();
        DatagramSocket bob = client();
        for (Object[] peer : new Object[][] {{alice, aliceAnswer}, {bob, bobAnswer}}) {
            DatagramSocket socket = (DatagramSocket) peer[0];
            send(socket, check((ParticipantAnswer) peer[1], true, new byte[12]));
            assertThat(receive(socket)).isPresent();
            send(socket, DTLS_RECORD);
        }
        SrtpSession aliceBrowser = dtls.browserSide(0);
        SrtpSession bobBrowser = dtls.browserSide(1);
        sendVideo(alice, aliceBrowser, 1, 5);
        assertThat(receivedVideo(bob, bobBrowser, 5)).as("before the restart").containsExactly(1, 2, 3, 4, 5);

        // Alice's network changes: her browser restarts ICE from another address with new credentials
        ParticipantAnswer restarted =
                sfu.negotiate("m1", "alice", publishingOffer().replace("4ukl", "n3w1"), Map.of());
        assertThat(restarted.joined()).isFalse();
        assertThat(restarted.localIce()).isNotEqualTo(aliceAnswer.localIce());
        assertThat(sfu.stats("m1").participants()).isEqualTo(2);
        assertThat(sfu.stats("m1").streams())
                .as("alice's two streams and bob's copies of them, as before")
                .hasSize(4);
        DatagramSocket aliceMoved = client();
        send(aliceMoved, check(aliceAnswer, true, new byte[12]));
        byte[] refused = receive(aliceMoved).orElseThrow();
        assertThat(StunDecoder.decode(refused, 0, refused.length).orElseThrow().type())
                .as("the old credentials are gone")
                .isEqualTo(StunMessageType.BINDING_ERROR);
        send(aliceMoved, check(restarted, true, new byte[12]));
        byte[] accepted = receive(aliceMoved).orElseThrow();
        assertThat(StunDecoder.decode(accepted, 0, accepted.length)
                        .orElseThrow()
                        .type())
                .isEqualTo(StunMessageType.BINDING_SUCCESS);
        assertThat(keyframeRequested(aliceMoved, aliceBrowser, 0xA1A1A1A1L))
                .as("what Bob missed while Alice moved is replaced by a keyframe, asked for at once on her new path")
                .isTrue();

        // no new DTLS handshake: the same SRTP keys carry on from the new address
        sendVideo(aliceMoved, aliceBrowser, 6, 5);
        assertThat(receivedVideo(bob, bobBrowser, 5)).as("after the restart").containsExactly(6, 7, 8, 9, 10);
        assertThat(dtls.materials).as("no second DTLS association").hasSize(2);
    }

    /** VP8 packets {@code first}.. from a publisher (the first one a keyframe), protected with its keys. */
    void sendVideo(DatagramSocket from, SrtpSession keys, int first, int count) throws Exception {
        for (int seq = first; seq < first + count; seq++) {
            byte[] packet = new byte[12 + 200 + 16];
            packet[0] = (byte) 0x80;
            RtpFields.setPayloadType(packet, 0, 96);
            RtpFields.setSequenceNumber(packet, 0, seq);
            RtpFields.setTimestamp(packet, 0, seq * 3000L);
            RtpFields.setSsrc(packet, 0, 0xA1A1A1A1L);
            packet[12] = 0x10;
            packet[13] = (byte) (seq == 1 ? 0x50 : 0x51);
            send(from, Arrays.copyOf(packet, keys.protectRtp(packet, 0, 212)));
            Thread.sleep(5);
        }
    }

    @Test
    void aRestartsFirstCheckFromANewAddressMovesThePathWhenTheOldOneIsSilentWithoutWaitingForTheNomination()
            throws Exception {
        KeysOnFirstRecord dtls = new KeysOnFirstRecord();
        sfu = UdpSfu.start(SfuSettings.loopback(), dtls, Clock.systemUTC());
        sfu.createMeeting("m1");
        ParticipantAnswer aliceAnswer = sfu.addParticipant("m1", "alice", publishingOffer());
        ParticipantAnswer bobAnswer = sfu.addParticipant("m1", "bob", receivingOffer());
        DatagramSocket alice = client();
        DatagramSocket bob = client();
        for (Object[] peer : new Object[][] {{alice, aliceAnswer}, {bob, bobAnswer}}) {
            DatagramSocket socket = (DatagramSocket) peer[0];
            send(socket, check((ParticipantAnswer) peer[1], true, new byte[12]));
            assertThat(receive(socket)).isPresent();
            send(socket, DTLS_RECORD);
        }
        SrtpSession aliceBrowser = dtls.browserSide(0);
        SrtpSession bobBrowser = dtls.browserSide(1);
        sendVideo(alice, aliceBrowser, 1, 5);
        assertThat(receivedVideo(bob, bobBrowser, 5)).containsExactly(1, 2, 3, 4, 5);

        ParticipantAnswer restarted =
                sfu.negotiate("m1", "alice", publishingOffer().replace("4ukl", "n3w1"), Map.of());
        Thread.sleep(UdpSfu.MOVE_WHEN_SILENT_NANOS / 1_000_000 + 200); // Alice's old network is gone: nothing from her
        DatagramSocket aliceMoved = client();
        send(aliceMoved, check(restarted, false, new byte[12]));
        byte[] accepted = receive(aliceMoved).orElseThrow();
        assertThat(StunDecoder.decode(accepted, 0, accepted.length)
                        .orElseThrow()
                        .type())
                .isEqualTo(StunMessageType.BINDING_SUCCESS);
        assertThat(keyframeRequested(aliceMoved, aliceBrowser, 0xA1A1A1A1L))
                .as("the path moved with the first check: the keyframe request goes the new way")
                .isTrue();
        sendVideo(aliceMoved, aliceBrowser, 6, 5);
        assertThat(receivedVideo(bob, bobBrowser, 5))
                .as("her media from the new address, before any nomination")
                .containsExactly(6, 7, 8, 9, 10);
    }

    /** Whether a PLI for {@code mediaSsrc} reaches the publisher at {@code at} within 15 s. */
    static boolean keyframeRequested(DatagramSocket at, SrtpSession keys, long mediaSsrc) throws IOException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<byte[]> d = receive(at);
            if (d.isEmpty() || new PacketDemux().classify(d.get(), 0, d.get().length) != PacketKind.RTCP) {
                continue;
            }
            int plain = keys.unprotectRtcp(d.get(), 0, d.get().length);
            boolean pli = plain > 0
                    && new RtcpParser()
                            .parse(d.get(), 0, plain).orElse(List.of()).stream()
                                    .anyMatch(p -> p instanceof RtcpPacket.PictureLossIndication request
                                            && request.mediaSsrc() == mediaSsrc);
            if (pli) {
                return true;
            }
        }
        return false;
    }

    /** The sequence numbers of the next {@code count} RTP packets a receiver gets (or fewer, after 15 s). */
    static List<Integer> receivedVideo(DatagramSocket at, SrtpSession keys, int count) throws IOException {
        List<Integer> got = new ArrayList<>();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (got.size() < count && System.nanoTime() < deadline) {
            Optional<byte[]> d = receive(at);
            if (d.isPresent() && new PacketDemux().classify(d.get(), 0, d.get().length) == PacketKind.RTP) {
                keys.unprotectRtp(d.get(), 0, d.get().length);
                got.add(RtpFields.sequenceNumber(d.get(), 0));
            }
        }
        return got;
    }

    @Test
    void loudAudioAnnouncesTheDominantSpeaker() throws Exception {
        KeysOnFirstRecord dtls = new KeysOnFirstRecord();
        sfu = UdpSfu.start(SfuSettings.loopback(), dtls, Clock.systemUTC());
        List<se.portvakt.sfu.DominantSpeakerChanged> events = new CopyOnWriteArrayList<>();
        sfu.onDominantSpeakerChanged(events::add);
        sfu.createMeeting("m1");
        ParticipantAnswer answer = sfu.addParticipant("m1", "alice", chromeOffer());
        DatagramSocket alice = client();
        send(alice, check(answer, true, new byte[12]));
        assertThat(receive(alice)).isPresent();
        send(alice, DTLS_RECORD);
        SrtpSession browser = dtls.browserSide(0);
        for (int seq = 1; seq <= 10; seq++) {
            // Opus (pt 111) with a one-byte extension block: id 1 (audio level, from the offer), level 20.
            byte[] packet = new byte[12 + 8 + 40 + 16];
            packet[0] = (byte) 0x90;
            RtpFields.setPayloadType(packet, 0, 111);
            RtpFields.setSequenceNumber(packet, 0, seq);
            RtpFields.setSsrc(packet, 0, 931849292L); // as the offer's a=ssrc declares
            byte[] extension = {(byte) 0xBE, (byte) 0xDE, 0, 1, 0x10, (byte) (0x80 | 20), 0, 0};
            System.arraycopy(extension, 0, packet, 12, extension.length);
            int len = browser.protectRtp(packet, 0, 60);
            send(alice, Arrays.copyOf(packet, len));
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (events.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events).containsExactly(new se.portvakt.sfu.DominantSpeakerChanged("m1", "alice"));
        assertThat(sfu.stats("m1").streams())
                .singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo("audio"));
    }

    /** A clock the test moves; read by the loop thread, so volatile. */
    static final class MovableClock extends Clock {
        private volatile java.time.Instant now = java.time.Instant.parse("2026-01-01T10:00:00Z");

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void aParticipantWhoseConsentLapsesIsRemovedAndReported() throws Exception {
        MovableClock clock = new MovableClock();
        sfu = UdpSfu.start(SfuSettings.loopback(), new NoDtls(), clock);
        List<se.portvakt.sfu.ParticipantDisconnected> gone = new CopyOnWriteArrayList<>();
        sfu.onParticipantDisconnected(gone::add);
        sfu.createMeeting("m1");
        ParticipantAnswer alice = sfu.addParticipant("m1", "alice", chromeOffer());
        ParticipantAnswer bob = sfu.addParticipant("m1", "bob", chromeOffer());
        DatagramSocket bobSocket = client();
        clock.advance(java.time.Duration.ofSeconds(20));
        send(bobSocket, check(bob, true, new byte[12])); // bob keeps consent fresh; alice never checks
        assertThat(receive(bobSocket)).isPresent();
        clock.advance(java.time.Duration.ofSeconds(11));
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (gone.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(gone).containsExactly(new se.portvakt.sfu.ParticipantDisconnected("m1", "alice"));
        assertThat(sfu.stats("m1").participants()).isEqualTo(1);
        send(bobSocket, check(alice, false, new byte[12]));
        byte[] reply = receive(bobSocket).orElseThrow();
        assertThat(StunDecoder.decode(reply, 0, reply.length).orElseThrow().type())
                .as("alice's credentials are gone")
                .isEqualTo(StunMessageType.BINDING_ERROR);
    }

    @Test
    void aBrowserQuietForSixSecondsIsReportedLostAndBackWhenHeardAgain() throws Exception {
        sfu = UdpSfu.start(SfuSettings.loopback(), new NoDtls(), Clock.systemUTC());
        List<se.portvakt.sfu.MediaPathChanged> changes = new CopyOnWriteArrayList<>();
        sfu.onMediaPathChanged(changes::add);
        sfu.createMeeting("m1");
        ParticipantAnswer alice = sfu.addParticipant("m1", "alice", chromeOffer());
        DatagramSocket aliceSocket = client();
        send(aliceSocket, check(alice, true, new byte[12]));
        assertThat(receive(aliceSocket)).isPresent();

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (changes.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(changes).containsExactly(new se.portvakt.sfu.MediaPathChanged("m1", "alice", true));

        send(aliceSocket, check(alice, false, new byte[12]));
        deadline = System.nanoTime() + 2_000_000_000L;
        while (changes.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(changes).endsWith(new se.portvakt.sfu.MediaPathChanged("m1", "alice", false));
        assertThat(sfu.stats("m1").participants())
                .as("still in: only consent lapsing removes")
                .isEqualTo(1);
    }

    @Test
    void unknownMeetingsAreRefusedAndASecondOfferRenegotiatesOrReplaces() {
        sfu = UdpSfu.start(SfuSettings.loopback(), new NoDtls(), Clock.systemUTC());
        assertThatThrownBy(() -> sfu.addParticipant("nope", "a", chromeOffer()))
                .isInstanceOf(IllegalArgumentException.class);
        sfu.createMeeting("m1");
        ParticipantAnswer first = sfu.addParticipant("m1", "a", chromeOffer());
        ParticipantAnswer again = sfu.addParticipant("m1", "a", chromeOffer());
        assertThat(again.localIce()).as("same connection, same credentials").isEqualTo(first.localIce());
        assertThat(SdpParser.parse(again.answerSdp()).origin().split(" ")[1])
                .isEqualTo(SdpParser.parse(first.answerSdp()).origin().split(" ")[1]);
        assertThat(first.joined()).isTrue();
        assertThat(again.joined()).isFalse();
        ParticipantAnswer restarted =
                sfu.addParticipant("m1", "a", chromeOffer().replace("4ukl", "9xyz"));
        assertThat(restarted.localIce())
                .as("an ICE restart: new credentials on both sides")
                .isNotEqualTo(first.localIce());
        assertThat(restarted.joined())
                .as("the same connection (same certificate) keeps its place")
                .isFalse();
        assertThat(SdpParser.parse(restarted.answerSdp()).origin().split(" ")[1])
                .isEqualTo(SdpParser.parse(first.answerSdp()).origin().split(" ")[1]);
        ParticipantAnswer reloaded = sfu.addParticipant(
                "m1", "a", chromeOffer().replace("4ukl", "7abc").replace("BD:3A:A4", "BE:3A:A4"));
        assertThat(reloaded.localIce()).as("a new connection starts over").isNotEqualTo(restarted.localIce());
        assertThat(reloaded.joined())
                .as("another certificate: a new connection")
                .isTrue();
        assertThat(sfu.stats("m1").participants()).isEqualTo(1);
        sfu.closeMeeting("m1");
        assertThatThrownBy(() -> sfu.stats("m1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEchoRoomSendsItsOneParticipantItsOwnStreamsAndRefusesAnyoneElse() {
        sfu = UdpSfu.start(SfuSettings.loopback(), new NoDtls(), Clock.systemUTC());
        String sendingAndReceiving = publishingOffer().replace("a=sendonly", "a=sendrecv");
        sfu.createMeeting("m1");
        assertThat(sfu.addParticipant("m1", "tester", sendingAndReceiving).streams())
                .as("in a meeting nobody receives themself")
                .isEmpty();

        List<RenegotiationNeeded> asked = new CopyOnWriteArrayList<>();
        sfu.onRenegotiationNeeded(asked::add);
        sfu.createEchoSession("echo-1");
        ParticipantAnswer echo = sfu.addParticipant("echo-1", "tester", sendingAndReceiving);

        assertThat(echo.streams())
                .extracting(ForwardedStream::participantId, ForwardedStream::kind)
                .containsExactlyInAnyOrder(tuple("tester", "audio"), tuple("tester", "video"));
        assertThat(echo.answerSdp()).contains("a=msid:tester ").doesNotContain("a=inactive");
        assertThatThrownBy(() -> sfu.addParticipant("echo-1", "intruder", receivingOffer()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sfu.stats("echo-1").participants()).isEqualTo(1);
        assertThat(sfu.addParticipant("echo-1", "tester", sendingAndReceiving).streams())
                .as("the tester's own re-offer is still answered")
                .hasSize(2);
        assertThat(asked)
                .as("the meetings' listeners never hear of an echo room")
                .isEmpty();
        sfu.closeMeeting("echo-1");
        assertThatThrownBy(() -> sfu.stats("echo-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAdvertisedAddressOnPortZeroTakesTheBoundPort() {
        InetSocketAddress bound = new InetSocketAddress("127.0.0.1", 40123);
        assertThat(UdpSfu.advertisedCandidate(null, bound)).isEqualTo(bound);
        assertThat(UdpSfu.advertisedCandidate(new InetSocketAddress("192.0.2.7", 0), bound))
                .isEqualTo(new InetSocketAddress("192.0.2.7", 40123));
        assertThat(UdpSfu.advertisedCandidate(new InetSocketAddress("192.0.2.7", 3478), bound))
                .isEqualTo(new InetSocketAddress("192.0.2.7", 3478));
    }

    @Test
    void newAndGoneStreamsAskTheOthersToOfferAgain() {
        sfu = UdpSfu.start(SfuSettings.loopback(), new NoDtls(), Clock.systemUTC());
        List<RenegotiationNeeded> asked = new CopyOnWriteArrayList<>();
        sfu.onRenegotiationNeeded(asked::add);
        sfu.createMeeting("m1");
        assertThat(sfu.addParticipant("m1", "alice", receivingOffer()).streams())
                .isEmpty();

        sfu.addParticipant("m1", "bob", publishingOffer());
        assertThat(asked).containsExactly(new RenegotiationNeeded("m1", "alice", 1, 1));
        ParticipantAnswer placed = sfu.addParticipant("m1", "alice", receivingOffer());
        assertThat(placed.streams()).extracting(ForwardedStream::participantId).containsOnly("bob");
        assertThat(placed.answerSdp()).contains("a=msid:bob ").doesNotContain("a=inactive");

        // bob stops his camera: the offer no longer sends it
        asked.clear();
        String cameraOff = publishingOffer()
                .replace(
                        "a=sendonly\r\na=msid:ef5b0c69-b9a8-45fe-9b05-5436dadc5784 9f44",
                        "a=inactive\r\na=msid:ef5b0c69-b9a8-45fe-9b05-5436dadc5784 9f44");
        sfu.negotiate("m1", "bob", cameraOff, Map.of());
        assertThat(asked).containsExactly(new RenegotiationNeeded("m1", "alice", 1, 0));
        ParticipantAnswer audioOnly = sfu.addParticipant("m1", "alice", receivingOffer());
        assertThat(audioOnly.streams()).extracting(ForwardedStream::kind).containsExactly("audio");
        assertThat(SdpParser.parse(audioOnly.answerSdp()).media().get(1).direction())
                .isEqualTo(Direction.INACTIVE);

        asked.clear();
        sfu.removeParticipant("m1", "bob");
        assertThat(asked).containsExactly(new RenegotiationNeeded("m1", "alice", 0, 0));
        assertThat(sfu.addParticipant("m1", "alice", receivingOffer()).streams())
                .isEmpty();
    }

    @Test
    void moreStreamsThanSlotsAsksForMoreAndALabelledScreenKeepsItsName() {
        sfu = UdpSfu.start(SfuSettings.loopback(), new NoDtls(), Clock.systemUTC());
        sfu.createMeeting("m1");
        sfu.negotiate("m1", "bob", publishingOffer(), Map.of("1", "screen"));
        sfu.negotiate(
                "m1",
                "carol",
                publishingOffer().replace(Long.toString(0xA1A1A1A1L), "12345").replace("931849292", "54321"),
                Map.of());

        ParticipantAnswer alice = sfu.addParticipant("m1", "alice", receivingOffer());

        assertThat(alice.audio()).isEqualTo(2);
        assertThat(alice.video()).isEqualTo(2);
        assertThat(alice.needsMoreSlots()).isTrue();
        assertThat(alice.streams()).hasSize(2);
        ParticipantAnswer bob = sfu.addParticipant("m1", "bob", publishingOffer());
        assertThat(bob.streams()).isEmpty();
        assertThat(sfu.addParticipant("m1", "carol", receivingOffer()).streams())
                .filteredOn(s -> s.kind().equals("video"))
                .extracting(ForwardedStream::source)
                .as("bob's re-offer without names keeps the default")
                .containsExactly("camera");
    }
}
