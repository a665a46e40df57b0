package se.portvakt.sfu.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import se.portvakt.sfu.codec.CodecHandler;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.srtp.SrtpProfile;

class FanOutTest {
    static final long MS = 1_000_000L;
    static final long FRAME = 33 * MS;

    final StreamSettings settings = StreamSettings.DEFAULTS;

    private long nextLocalSsrc = 0x5F00_0000L;

    Endpoint endpoint(String id, BrowserPeer peer) {
        return new Endpoint(id, nextLocalSsrc++, peer.transport, settings);
    }

    /** The browser sends an RTCP compound; the SFU ingests it like the UDP loop. */
    static void feedback(BrowserPeer peer, Endpoint endpoint, long now, RtcpPacket... packets) {
        byte[] wire = peer.protectRtcp(packets);
        endpoint.onSrtp(Arrays.copyOf(wire, wire.length + 32), 0, wire.length, true, now);
    }

    /** The browser sends {@code count} packets from {@code firstSeq}; the SFU ingests them like the UDP loop. */
    static void publish(
            BrowserPeer peer, Endpoint endpoint, long ssrc, int firstSeq, long firstTs, int count, long startNanos) {
        for (int i = 0; i < count; i++) {
            byte[] wire = peer.protectRtp(BrowserPeer.rtp(ssrc, firstSeq + i, firstTs + 3000L * i, 400));
            byte[] buf = Arrays.copyOf(wire, 1600);
            endpoint.onSrtp(buf, 0, wire.length, false, startNanos + i * FRAME);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void onePublisherToThreeSubscribersEachWithItsOwnSsrcAndKeys(SrtpProfile profile) {
        BrowserPeer alice = new BrowserPeer(1, profile);
        Endpoint aliceEnd = endpoint("alice", alice);
        PublisherStream camera = aliceEnd.publish(0xA1, MediaKind.VIDEO, true);
        List<BrowserPeer> peers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BrowserPeer peer = new BrowserPeer(10 + i, profile);
            endpoint("sub" + i, peer).subscribe(camera, 0xB0 + i, 0);
            peers.add(peer);
        }
        publish(alice, aliceEnd, 0xA1, 1000, 555, 50, 0);

        for (int i = 0; i < 3; i++) {
            BrowserPeer peer = peers.get(i);
            assertThat(peer.rtp).hasSize(50);
            for (int n = 0; n < 50; n++) {
                byte[] got = peer.rtp.get(n);
                byte[] sent = BrowserPeer.rtp(0xA1, 1000 + n, 555 + 3000L * n, 400);
                assertThat(RtpFields.ssrc(got, 0)).isEqualTo(0xB0 + i);
                assertThat(RtpFields.sequenceNumber(got, 0)).isEqualTo(1000 + n);
                assertThat(Arrays.copyOfRange(got, 12, got.length))
                        .isEqualTo(Arrays.copyOfRange(sent, 12, sent.length));
            }
        }
        assertThat(camera.stats().packets()).isEqualTo(50);
        assertThat(camera.subscribers()).hasSize(3);
    }

    @Test
    void switchingSourcesKeepsSequenceNumbersAndTimestampsContinuous() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer carol = new BrowserPeer(3, SrtpProfile.AEAD_AES_128_GCM);
        Endpoint aliceEnd = endpoint("alice", alice);
        Endpoint bobEnd = endpoint("bob", bob);
        Endpoint carolEnd = endpoint("carol", carol);
        PublisherStream a = aliceEnd.publish(0xA1, MediaKind.VIDEO, true);
        PublisherStream b = bobEnd.publish(0xB1, MediaKind.VIDEO, true);
        carolEnd.subscribe(a, 0xC1, 0);

        publish(alice, aliceEnd, 0xA1, 65530, 4_000_000_000L, 10, 0); // crosses the 16-bit wrap
        carolEnd.subscribe(b, 0xC1, 330 * MS);
        publish(bob, bobEnd, 0xB1, 20_000, 12345, 10, 400 * MS);
        publish(alice, aliceEnd, 0xA1, 65540, 4_000_030_000L, 5, 400 * MS); // old source: no longer sent

        List<Integer> seqs = carol.sequenceNumbers();
        assertThat(seqs)
                .containsExactlyElementsOf(IntStream.range(65530, 65550)
                        .map(s -> s & 0xFFFF)
                        .boxed()
                        .toList());
        long lastOfAlice = RtpFields.timestamp(carol.rtp.get(9), 0);
        long firstOfBob = RtpFields.timestamp(carol.rtp.get(10), 0);
        // Alice's last packet went at 297 ms, Bob's first at 400 ms: 103 ms at 90 kHz.
        assertThat((firstOfBob - lastOfAlice) & 0xFFFFFFFFL).isEqualTo(103 * 90);
        for (int i = 11; i < 20; i++) {
            long step = (RtpFields.timestamp(carol.rtp.get(i), 0) - RtpFields.timestamp(carol.rtp.get(i - 1), 0))
                    & 0xFFFFFFFFL;
            assertThat(step).isEqualTo(3000);
            assertThat(RtpFields.ssrc(carol.rtp.get(i), 0)).isEqualTo(0xC1);
        }
        assertThat(a.subscribers()).isEmpty();
        assertThat(b.subscribers()).hasSize(1);
    }

    @Test
    void aNewSubscriberTriggersAKeyframeRequestAtOnceThenTheLimitApplies() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        BrowserPeer carol = new BrowserPeer(3, SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        Endpoint aliceEnd = endpoint("alice", alice);
        Endpoint bobEnd = endpoint("bob", bob);
        Endpoint carolEnd = endpoint("carol", carol);
        PublisherStream camera = aliceEnd.publish(0xA1, MediaKind.VIDEO, true);
        PublisherStream mic = aliceEnd.publish(0xA2, MediaKind.AUDIO, true);
        long t0 = 5_000 * MS;

        bobEnd.subscribe(camera, 0xB1, t0);
        bobEnd.subscribe(mic, 0xB2, t0);
        assertThat(alice.rtcp(RtcpPacket.PictureLossIndication.class))
                .as("join: at once, video only")
                .containsExactly(new RtcpPacket.PictureLossIndication(aliceEnd.localSsrc(), 0xA1));

        // Bob's browser sends PLIs 100 ms and 200 ms later, Carol joins at 300 ms: all merged.
        feedback(bob, bobEnd, t0 + 100 * MS, new RtcpPacket.PictureLossIndication(0xBB, 0xB1));
        feedback(
                bob,
                bobEnd,
                t0 + 200 * MS,
                new RtcpPacket.FullIntraRequest(0xBB, List.of(new RtcpPacket.FirEntry(0xB1, 1))));
        carolEnd.subscribe(camera, 0xC1, t0 + 300 * MS);
        aliceEnd.tick(t0 + 499 * MS, 0);
        assertThat(alice.rtcp(RtcpPacket.PictureLossIndication.class)).hasSize(1);
        aliceEnd.tick(t0 + 500 * MS, 0);
        assertThat(alice.rtcp(RtcpPacket.PictureLossIndication.class)).hasSize(2);
        aliceEnd.tick(t0 + 2000 * MS, 0);
        assertThat(alice.rtcp(RtcpPacket.PictureLossIndication.class)).hasSize(2);
        assertThat(camera.stats().keyframeRequests()).isEqualTo(2);
        assertThat(bobEnd.subscribed(0xB1).stats().keyframeRequests()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "back after 2 s with 70 packets lost on the way (a path that went away): asked for at once, 1100, 2000, true, 2",
        "back after 2 s with no number missing (an idle screen share): nothing asked, 1030, 2000, true, 1",
        "back after 300 ms with packets lost (NACK repairs those): nothing asked, 1100, 300, true, 1",
        "back after 2 s with packets lost on a layer nobody is shown: nothing asked, 1100, 2000, false, 0",
    })
    void aStreamBackAfterASilenceWithPacketsLostIsAskedForAKeyframe(
            String situation, int seqAfter, long silenceMs, boolean shown, int pliCount) {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
        Endpoint aliceEnd = endpoint("alice", alice);
        PublisherStream camera = aliceEnd.publish(0xA1, MediaKind.VIDEO, true);
        long t0 = 5_000 * MS;
        if (shown) {
            endpoint("bob", bob).subscribe(camera, 0xB1, t0);
        }
        sendThenFallSilent(alice, aliceEnd, 0xA1, t0, silenceMs, seqAfter);

        assertThat(alice.rtcp(RtcpPacket.PictureLossIndication.class))
                .as("the join's request, and one more only when frames were lost for good")
                .hasSize(pliCount);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "her audio back after 2 s with 100 packets lost (her link was down): Bob asked at once, 1100, 2000, 2",
        "her audio back after 2 s with none lost (nothing was sent): nothing asked, 1030, 2000, 1",
        "her audio back after 300 ms with packets lost (NACK's to repair): nothing asked, 1100, 300, 1",
    })
    void aReceiverWhoseAudioComesBackAfterAnOutageGetsKeyframesForWhatSheReceives(
            String situation, int seqAfter, long silenceMs, int pliCount) {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
        Endpoint aliceEnd = endpoint("alice", alice);
        Endpoint bobEnd = endpoint("bob", bob);
        aliceEnd.publish(0xA0, MediaKind.AUDIO, true);
        PublisherStream bobsCamera = bobEnd.publish(0xB1, MediaKind.VIDEO, true);
        long t0 = 5_000 * MS;
        aliceEnd.subscribe(bobsCamera, 0xA9, t0);
        sendThenFallSilent(alice, aliceEnd, 0xA0, t0, silenceMs, seqAfter);

        assertThat(bob.rtcp(RtcpPacket.PictureLossIndication.class))
                .as("the join's request, and one more only when Alice's path was gone")
                .hasSize(pliCount);
    }

    /** 30 packets from number 1000 at {@code t0}, then silence for {@code silenceMs}, then number {@code seqAfter}. */
    static void sendThenFallSilent(
            BrowserPeer peer, Endpoint endpoint, long ssrc, long t0, long silenceMs, int seqAfter) {
        publish(peer, endpoint, ssrc, 1000, 555, 30, t0);
        long lastAt = t0 + 29 * FRAME;
        publish(peer, endpoint, ssrc, seqAfter, 555 + 3000L * (seqAfter - 1000), 1, lastAt + silenceMs * MS);
    }

    @Test
    void publisherGetsNacksForGapsAndRrWithRembEachSecond() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        Endpoint aliceEnd = new Endpoint("alice", 0x5F00_0001L, alice.transport, settings);
        aliceEnd.publish(0xA1, MediaKind.VIDEO, true);
        aliceEnd.tick(0, 0); // starts the report timers
        long ssrc = 0xA1;
        for (int seq : new int[] {1, 2, 3, 6, 7, 8, 9, 10}) { // 4 and 5 lost upstream
            byte[] wire = alice.protectRtp(BrowserPeer.rtp(ssrc, seq, seq * 3000L, 300));
            aliceEnd.onSrtp(Arrays.copyOf(wire, 1600), 0, wire.length, false, seq * MS);
        }
        aliceEnd.tick(30 * MS, 0);
        assertThat(alice.rtcp(RtcpPacket.GenericNack.class))
                .containsExactly(new RtcpPacket.GenericNack(0x5F00_0001L, 0xA1, List.of(4, 5)));
        aliceEnd.tick(1000 * MS, 1_700_000_000_000L);
        RtcpPacket.ReceiverReport rr =
                alice.rtcp(RtcpPacket.ReceiverReport.class).get(0);
        assertThat(rr.ssrc()).isEqualTo(0x5F00_0001L);
        assertThat(rr.reports()).singleElement().satisfies(block -> {
            assertThat(block.ssrc()).isEqualTo(0xA1);
            assertThat(block.highestSequence()).isEqualTo(10);
            assertThat(block.cumulativeLost()).isEqualTo(2);
            assertThat(block.fractionLost()).isEqualTo(51); // 2 of 10
        });
        // 51/256 lost (over 10 %): cut by half the loss from the 300 kbit/s start, 270117 bit/s,
        // which REMB's 18-bit mantissa carries as 135058 << 1.
        assertThat(alice.rtcp(RtcpPacket.Remb.class))
                .containsExactly(new RtcpPacket.Remb(0x5F00_0001L, 270_116, List.of(0xA1L)));
        assertThat(aliceEnd.published(0xA1).stats().lost()).isEqualTo(2);
        assertThat(aliceEnd.published(0xA1).stats().bitrateEstimate()).isEqualTo(270_117);
    }

    @Test
    void subscriberGetsASenderReportEachSecondWithItsSsrcAndCounts() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
        Endpoint aliceEnd = endpoint("alice", alice);
        Endpoint bobEnd = endpoint("bob", bob);
        bobEnd.subscribe(aliceEnd.publish(0xA1, MediaKind.VIDEO, true), 0xB1, 0);
        bobEnd.tick(0, 0);
        publish(alice, aliceEnd, 0xA1, 100, 9000, 10, 0);
        bobEnd.tick(500 * MS, 1_700_000_000_000L);
        assertThat(bob.rtcp(RtcpPacket.SenderReport.class)).isEmpty();
        bobEnd.tick(1000 * MS, 1_700_000_000_000L);
        RtcpPacket.SenderReport sr = bob.rtcp(RtcpPacket.SenderReport.class).get(0);
        assertThat(sr.ssrc()).isEqualTo(0xB1);
        assertThat(sr.packetCount()).isEqualTo(10);
        assertThat(sr.octetCount()).isEqualTo(10 * 400);
        // Last packet (ts 9000 + 27000) went at 297 ms; the SR is at 1000 ms: + 703 ms at 90 kHz.
        assertThat(sr.rtpTimestamp()).isEqualTo(9000 + 27000 + 703 * 90);
    }

    @Test
    void nothingIsSentBeforeDtlsHandsOverTheKeys() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
        SrtpTransport pending = new SrtpTransport(bob);
        Endpoint aliceEnd = endpoint("alice", alice);
        Endpoint bobEnd = new Endpoint("bob", 7, pending, settings);
        bobEnd.subscribe(aliceEnd.publish(0xA1, MediaKind.VIDEO, true), 0xB1, 0);
        publish(alice, aliceEnd, 0xA1, 1, 0, 3, 0);
        assertThat(bob.rtp).isEmpty();
        assertThat(pending.droppedBeforeKeys())
                .as("the copy does not even try before the keys")
                .isZero();
        pending.srtpReady(bob.sfuSide);
        publish(alice, aliceEnd, 0xA1, 4, 9000, 3, 100 * MS);
        assertThat(bob.sequenceNumbers()).containsExactly(4, 5, 6);
    }

    @Test
    void anRtxRetransmissionFillsTheUpstreamGapAndIsForwardedAsTheOriginal() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
        Endpoint aliceEnd = endpoint("alice", alice);
        Endpoint bobEnd = endpoint("bob", bob);
        aliceEnd.rtxPayloadType(97, 96);
        aliceEnd.rtxSsrc(0xA2, 0xA1);
        PublisherStream camera = aliceEnd.publish(0xA1, MediaKind.VIDEO, true);
        bobEnd.subscribe(camera, 0xB1, 0);
        for (int seq : new int[] {1, 2, 4}) {
            byte[] wire = alice.protectRtp(BrowserPeer.rtp(0xA1, seq, seq * 3000L, 50));
            aliceEnd.onSrtp(Arrays.copyOf(wire, 1600), 0, wire.length, false, seq * MS);
        }
        aliceEnd.tick(30 * MS, 0);
        assertThat(alice.rtcp(RtcpPacket.GenericNack.class))
                .singleElement()
                .satisfies(n -> assertThat(n.lostSequenceNumbers()).containsExactly(3));

        // Alice's browser answers on its RTX stream: pt 97, SSRC 0xA2, its own seq, OSN 3 first.
        byte[] original = BrowserPeer.rtp(0xA1, 3, 9000, 50);
        byte[] rtx = new byte[original.length + 2];
        System.arraycopy(original, 0, rtx, 0, 12);
        se.portvakt.sfu.rtp.RtpFields.setPayloadType(rtx, 0, 97);
        se.portvakt.sfu.rtp.RtpFields.setSequenceNumber(rtx, 0, 500);
        se.portvakt.sfu.rtp.RtpFields.setSsrc(rtx, 0, 0xA2);
        rtx[12] = 0;
        rtx[13] = 3;
        System.arraycopy(original, 12, rtx, 14, original.length - 12);
        byte[] wire = alice.protectRtp(rtx);
        aliceEnd.onSrtp(Arrays.copyOf(wire, 1600), 0, wire.length, false, 40 * MS);

        assertThat(camera.missingNow()).isZero();
        assertThat(bob.sequenceNumbers()).containsExactly(1, 2, 4, 3);
        byte[] repaired = bob.rtp.get(3);
        assertThat(RtpFields.payloadType(repaired, 0)).isEqualTo(96);
        assertThat(RtpFields.ssrc(repaired, 0)).isEqualTo(0xB1);
        assertThat(Arrays.copyOfRange(repaired, 12, repaired.length))
                .isEqualTo(Arrays.copyOfRange(original, 12, original.length));
        assertThat(aliceEnd.publishedStreams()).hasSize(1);
    }

    @Test
    void subscribingTwiceToTheSameStreamSendsEachPacketOnce() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
        Endpoint aliceEnd = endpoint("alice", alice);
        Endpoint bobEnd = endpoint("bob", bob);
        PublisherStream camera = aliceEnd.publish(0xA1, MediaKind.VIDEO, true);
        bobEnd.subscribe(camera, 0xB1, 0);
        publish(alice, aliceEnd, 0xA1, 1, 0, 3, 0);
        bobEnd.subscribe(camera, 0xB1, 200 * MS);
        publish(alice, aliceEnd, 0xA1, 4, 9000, 3, 200 * MS);
        assertThat(bob.sequenceNumbers()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(camera.subscribers()).hasSize(1);
    }

    @Test
    void theWeakestSubscriberCapsTheRembToThePublisher() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer carol = new BrowserPeer(3, SrtpProfile.AEAD_AES_128_GCM);
        Endpoint aliceEnd = endpoint("alice", alice);
        Endpoint bobEnd = endpoint("bob", bob);
        Endpoint carolEnd = endpoint("carol", carol);
        PublisherStream camera = aliceEnd.publish(0xA1, MediaKind.VIDEO, true);
        bobEnd.subscribe(camera, 0xB1, 0);
        carolEnd.subscribe(camera, 0xC1, 0);
        aliceEnd.tick(0, 0);
        long t = 0;
        for (int second = 1; second <= 10; second++) {
            publish(alice, aliceEnd, 0xA1, second * 30, second * 90_000L, 30, t);
            t = second * 1000 * MS;
            // Bob sees no loss; Carol reports 40 % every second, and her browser's REMB says 400 kbit/s.
            feedback(
                    bob,
                    bobEnd,
                    t,
                    new RtcpPacket.ReceiverReport(
                            0xBB, List.of(new RtcpPacket.ReportBlock(0xB1, 0, 0, second * 30, 0, 0, 0))));
            feedback(
                    carol,
                    carolEnd,
                    t,
                    new RtcpPacket.ReceiverReport(
                            0xCC, List.of(new RtcpPacket.ReportBlock(0xC1, 102, 12 * second, second * 30, 0, 0, 0))));
            aliceEnd.tick(t, 0);
        }
        List<RtcpPacket.Remb> rembs = alice.rtcp(RtcpPacket.Remb.class);
        // Alone, alice's lossless uplink would have grown 300 kbit/s by 8 %/s to ~650 kbit/s;
        // Carol's 40 % loss has cut her limit from 2.5 Mbit/s by 20 % a second to ~270 kbit/s.
        long last = rembs.get(rembs.size() - 1).bitrate();
        assertThat(last).isBetween(250_000L, 280_000L);
        assertThat(carolEnd.subscribed(0xC1).downlinkLimit()).isBetween(250_000L, 280_000L);
        assertThat(bobEnd.subscribed(0xB1).downlinkLimit()).isEqualTo(2_500_000L);

        feedback(carol, carolEnd, t, new RtcpPacket.Remb(0xCC, 100_000, List.of(0xC1L)));
        aliceEnd.tick(t + 1000 * MS, 0);
        rembs = alice.rtcp(RtcpPacket.Remb.class);
        assertThat(rembs.get(rembs.size() - 1).bitrate()).isBetween(99_000L, 100_000L);
    }

    /** Alice publishes VP8 and Bob has just subscribed: his join asked Alice for a keyframe. */
    record Vp8Join(BrowserPeer alice, Endpoint aliceEnd, BrowserPeer bob, Subscriber toBob) {

        /** Alice's packets 1 to {@code last}, one frame each from {@code start}; only {@code keyframeAt} is a keyframe. */
        void frames(int last, int keyframeAt, long start) {
            frames(1, last, keyframeAt, start);
        }

        /** Alice's packets {@code first} to {@code last}, as {@link #frames(int, int, long)}. */
        void frames(int first, int last, int keyframeAt, long start) {
            for (int seq = first; seq <= last; seq++) {
                byte[] packet = BrowserPeer.rtp(0xA1, seq, seq * 3000L, 50);
                packet[12] = 0x10; // descriptor: start of partition 0
                packet[13] = (byte) (seq == keyframeAt ? 0x50 : 0x51);
                byte[] wire = alice.protectRtp(packet);
                aliceEnd.onSrtp(Arrays.copyOf(wire, 1600), 0, wire.length, false, start + seq * FRAME);
            }
        }
    }

    Vp8Join vp8Join() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
        Endpoint aliceEnd = endpoint("alice", alice);
        PublisherStream camera = aliceEnd.publish(0xA1, MediaKind.VIDEO, true, CodecHandler.VP8);
        Subscriber toBob = endpoint("bob", bob).subscribe(camera, 0xB1, 0);
        return new Vp8Join(alice, aliceEnd, bob, toBob);
    }

    @Test
    void aVp8SubscriberStartsAtTheKeyframeItsJoinAskedFor() {
        Vp8Join join = vp8Join();
        assertThat(join.alice().rtcp(RtcpPacket.PictureLossIndication.class)).hasSize(1);
        join.frames(6, 4, 0);
        assertThat(join.bob().sequenceNumbers()).containsExactly(4, 5, 6);
        assertThat(join.toBob().stats().waitedForKeyframe()).isEqualTo(3);
    }

    @Test
    void aVp8CopyStillWaitingASecondAfterItsRequestAsksAgainAndStartsAtTheKeyframe() {
        Vp8Join join = vp8Join();
        assertThat(join.alice().rtcp(RtcpPacket.PictureLossIndication.class))
                .as("the join's request (lost on its way, as far as Alice's browser is concerned)")
                .hasSize(1);
        // 2.5 s of delta frames from 1 s on, then the keyframe the repeated request brought
        int keyframeAt = 76;
        join.frames(keyframeAt + 2, keyframeAt, 1_000 * MS);
        assertThat(join.alice().rtcp(RtcpPacket.PictureLossIndication.class))
                .as("asked again once a second while held back, not for every held packet")
                .hasSize(3);
        assertThat(join.bob().sequenceNumbers()).containsExactly(keyframeAt, keyframeAt + 1, keyframeAt + 2);
        assertThat(join.toBob().stats().waitedForKeyframe()).isEqualTo(keyframeAt - 1);
    }

    /**
     * Bob's answer asked Alice for a keyframe; it arrives while his DTLS handshake still runs. When he is keyed he is
     * sent that keyframe and what followed it from the cache at once, and no second request waits out the limit.
     */
    @Test
    void aCopyKeyedAfterItsKeyframeArrivedStartsFromTheCachedKeyframeAtOnce() {
        Handshaking h = keyframeBeforeBobsKeys();
        Vp8Join join = h.join();
        assertThat(join.bob().rtp).isEmpty();

        h.transport().srtpReady(join.bob().sfuSide);
        join.toBob().connected(7 * FRAME);

        assertThat(join.bob().sequenceNumbers()).containsExactly(4, 5, 6);
        assertThat(join.alice().rtcp(RtcpPacket.PictureLossIndication.class))
                .as("only the join's request: the copy started from the cache")
                .hasSize(1);
        join.frames(7, 8, -1, 0); // Alice goes on: her next frames follow without a gap
        assertThat(join.bob().sequenceNumbers()).containsExactly(4, 5, 6, 7, 8);
    }

    @Test
    void aKeyframeTooOldOrWithAGapIsNotSentAgainAndTheCopyAsksForItsOwn() {
        Handshaking h = keyframeBeforeBobsKeys();
        Vp8Join join = h.join();
        h.transport().srtpReady(join.bob().sfuSide);

        // keyed 600 ms after the keyframe: too old to send again (its frames would all be late)
        join.toBob().connected(4 * FRAME + PublisherStream.REPLAY_AGE_NANOS + 100 * MS);

        assertThat(join.bob().rtp).isEmpty();
        assertThat(join.toBob().stats().keyframeRequests()).isZero();
        assertThat(h.camera().stats().keyframeRequests())
                .as("the join's request, and the copy's own (held by the limit or sent)")
                .isGreaterThanOrEqualTo(1);
        join.aliceEnd().tick(2_000 * MS, 0);
        assertThat(join.alice().rtcp(RtcpPacket.PictureLossIndication.class)).hasSize(2);
    }

    /** Bob's copy of Alice's VP8 camera, whose handshake is still running. */
    record Handshaking(Vp8Join join, PublisherStream camera, SrtpTransport transport) {}

    /** Alice's keyframe (4) and two more frames, all before Bob's DTLS handshake ends. */
    Handshaking keyframeBeforeBobsKeys() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
        Endpoint aliceEnd = endpoint("alice", alice);
        PublisherStream camera = aliceEnd.publish(0xA1, MediaKind.VIDEO, true, CodecHandler.VP8);
        SrtpTransport handshaking = new SrtpTransport(bob);
        Subscriber toBob = new Endpoint("bob", 7, handshaking, settings).subscribe(camera, 0xB1, 0);
        Vp8Join join = new Vp8Join(alice, aliceEnd, bob, toBob);
        join.frames(6, 4, 0);
        return new Handshaking(join, camera, handshaking);
    }
}
