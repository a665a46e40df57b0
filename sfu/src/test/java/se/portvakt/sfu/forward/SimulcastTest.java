package se.portvakt.sfu.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.sfu.forward.FanOutTest.FRAME;
import static se.portvakt.sfu.forward.FanOutTest.MS;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.codec.CodecHandler;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.srtp.SrtpProfile;

class SimulcastTest {
    static final long LOW = 0xA1;
    static final long MIDDLE = 0xA2;
    static final long HIGH = 0xA3;

    final BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
    final BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
    final Endpoint aliceEnd = new Endpoint("alice", 0x5F01, alice.transport, StreamSettings.DEFAULTS);
    final Endpoint bobEnd = new Endpoint("bob", 0x5F02, bob.transport, StreamSettings.DEFAULTS);

    static Stream<Arguments> choices() {
        return Stream.of(
                // wants high, layers active low..high, chosen index
                Arguments.of(false, new boolean[] {true, true, true}, 0),
                Arguments.of(true, new boolean[] {true, true, true}, 2),
                Arguments.of(true, new boolean[] {true, true, false}, 1), // top stopped (bandwidth): next below
                Arguments.of(true, new boolean[] {true, false, false}, 0),
                Arguments.of(false, new boolean[] {false, true, true}, 1), // bottom not seen yet: next above
                Arguments.of(false, new boolean[] {false, false, true}, 2),
                Arguments.of(true, new boolean[] {false, false, false}, -1),
                Arguments.of(true, new boolean[] {true, false}, 0),
                Arguments.of(false, new boolean[] {true}, 0),
                Arguments.of(true, new boolean[] {}, -1));
    }

    @ParameterizedTest
    @MethodSource("choices")
    void theLayerChosenIsThePreferredOneOrTheNearestActive(boolean high, boolean[] active, int chosen) {
        assertThat(LayerChoice.choose(high, active)).isEqualTo(chosen);
    }

    /** Sends one VP8 packet of {@code ssrc} at {@code now}; a keyframe start if {@code keyframe}. */
    void send(long ssrc, int seq, long timestamp, boolean keyframe, long now) {
        byte[] packet = BrowserPeer.rtp(ssrc, seq, timestamp, 60);
        packet[12] = 0x10; // VP8 descriptor: start of partition 0
        packet[13] = (byte) (keyframe ? 0x50 : 0x51); // frame tag: P bit clear on a keyframe
        packet[20] = (byte) ssrc; // which layer, for the assertions
        byte[] wire = alice.protectRtp(packet);
        aliceEnd.onSrtp(Arrays.copyOf(wire, 1600), 0, wire.length, false, now);
    }

    SimulcastTrack track() {
        SimulcastTrack track = new SimulcastTrack("alice", "1", List.of("q", "h", "f"));
        track.addLayer(0, aliceEnd.publishLayer(LOW, MediaKind.VIDEO, true, CodecHandler.VP8));
        track.addLayer(1, aliceEnd.publishLayer(MIDDLE, MediaKind.VIDEO, true, CodecHandler.VP8));
        track.addLayer(2, aliceEnd.publishLayer(HIGH, MediaKind.VIDEO, true, CodecHandler.VP8));
        return track;
    }

    @Test
    void aSwitchUpKeepsTheOldLayerFlowingUntilTheNewLayersKeyframeThenContinuesTheNumbering() {
        SimulcastTrack track = track();
        Subscriber copy = bobEnd.subscribe(track.layer(0), 0xB1, 0);
        long t = 0;
        for (int i = 0; i < 5; i++, t += FRAME) { // every layer sends; bob gets the low one from its keyframe
            send(LOW, 100 + i, 1000 + 3000L * i, i == 0, t);
            send(MIDDLE, 5000 + i, 70_000 + 3000L * i, i == 0, t);
            send(HIGH, 9000 + i, 900_000 + 3000L * i, i == 0, t);
        }
        assertThat(bob.rtp).hasSize(5).allSatisfy(p -> assertThat(p[20]).isEqualTo((byte) LOW));
        int plisBefore = alice.rtcp(RtcpPacket.PictureLossIndication.class).size();

        copy.preferHigh(true);
        track.choose(copy, t);
        assertThat(copy.pending()).isSameAs(track.layer(2));
        assertThat(alice.rtcp(RtcpPacket.PictureLossIndication.class))
                .hasSize(plisBefore + 1)
                .last()
                .isEqualTo(new RtcpPacket.PictureLossIndication(0x5F01, HIGH));
        for (int i = 5; i < 8; i++, t += FRAME) { // the high layer's keyframe has not come: still low
            send(LOW, 100 + i, 1000 + 3000L * i, false, t);
            send(HIGH, 9000 + i, 900_000 + 3000L * i, false, t);
        }
        assertThat(bob.rtp).hasSize(8).allSatisfy(p -> assertThat(p[20]).isEqualTo((byte) LOW));
        long lastLowAt = t - FRAME;
        send(HIGH, 9008, 900_000 + 3000L * 8, true, t); // the keyframe: the switch
        send(LOW, 108, 1000 + 3000L * 8, false, t);
        send(HIGH, 9009, 900_000 + 3000L * 9, false, t + FRAME);

        assertThat(bob.rtp).hasSize(10);
        assertThat(bob.rtp.subList(8, 10)).allSatisfy(p -> assertThat(p[20]).isEqualTo((byte) HIGH));
        assertThat(bob.sequenceNumbers()).containsExactly(100, 101, 102, 103, 104, 105, 106, 107, 108, 109);
        assertThat(bob.rtp).allSatisfy(p -> assertThat(RtpFields.ssrc(p, 0)).isEqualTo(0xB1));
        long lastLow = RtpFields.timestamp(bob.rtp.get(7), 0);
        long firstHigh = RtpFields.timestamp(bob.rtp.get(8), 0);
        assertThat(lastLow).isEqualTo(1000 + 3000L * 7);
        assertThat((firstHigh - lastLow) & 0xFFFFFFFFL)
                .as("the wall time between them at 90 kHz")
                .isEqualTo((t - lastLowAt) * 90_000 / 1_000_000_000L);
        assertThat((RtpFields.timestamp(bob.rtp.get(9), 0) - firstHigh) & 0xFFFFFFFFL)
                .isEqualTo(3000);
        assertThat(copy.source()).isSameAs(track.layer(2));
        assertThat(copy.pending()).isNull();
        assertThat(copy.layerSwitches()).isEqualTo(1);
        assertThat(track.layer(0).subscribers()).isEmpty();
        assertThat(track.copies()).containsExactly(copy);
    }

    @Test
    void aLayerThatStopsSendingIsLeftForTheNearestActiveOne() {
        SimulcastTrack track = track();
        Subscriber copy = bobEnd.subscribe(track.layer(0), 0xB1, 0);
        copy.preferHigh(true);
        long t = 0;
        for (int i = 0; i < 3; i++, t += FRAME) {
            send(LOW, 100 + i, 3000L * i, i == 0, t);
            send(HIGH, 9000 + i, 3000L * i, i == 0, t);
        }
        track.choose(copy, t); // bob has seen a frame of the low layer: the switch waits for high's keyframe
        assertThat(copy.pending()).isSameAs(track.layer(2));
        send(HIGH, 9003, 9000, true, t);
        assertThat(copy.source()).isSameAs(track.layer(2));

        t += 1500 * MS; // the browser stopped the high layer (its bandwidth fell); the low one goes on
        send(LOW, 103, 9000, false, t);
        track.choose(copy, t);
        assertThat(copy.pending())
                .as("the middle layer never sent: the low one is the nearest active")
                .isSameAs(track.layer(0));
        send(LOW, 104, 12_000, true, t + FRAME);
        assertThat(copy.source()).isSameAs(track.layer(0));
        assertThat(RtpFields.sequenceNumber(bob.rtp.get(bob.rtp.size() - 1), 0))
                .isEqualTo(RtpFields.sequenceNumber(bob.rtp.get(bob.rtp.size() - 2), 0) + 1);
    }

    @Test
    void aCopyThatShowsNothingYetSwitchesAtOnceAndGoingBackCancelsAPendingSwitch() {
        SimulcastTrack track = track();
        Subscriber copy = bobEnd.subscribe(track.layer(0), 0xB1, 0);
        send(HIGH, 1, 0, true, 0);
        copy.preferHigh(true);
        track.choose(copy, 0);
        assertThat(copy.source())
                .as("nothing sent yet, so nothing to keep showing")
                .isSameAs(track.layer(2));
        assertThat(copy.pending()).isNull();
        send(HIGH, 2, 3000, true, FRAME);
        send(LOW, 7, 3000, true, FRAME);
        assertThat(bob.rtp).hasSize(1).allSatisfy(p -> assertThat(p[20]).isEqualTo((byte) HIGH));

        copy.preferHigh(false);
        track.choose(copy, 2 * FRAME);
        assertThat(copy.pending()).isSameAs(track.layer(0));
        copy.preferHigh(true);
        track.choose(copy, 2 * FRAME);
        assertThat(copy.pending()).isNull();
        assertThat(track.layer(0).subscribers())
                .as("no longer fed by the layer it will not switch to")
                .isEmpty();
        send(LOW, 8, 6000, true, 3 * FRAME);
        assertThat(bob.rtp).hasSize(1);
    }

    @Test
    void endingACopyDetachesItFromItsPendingLayerToo() {
        SimulcastTrack track = track();
        Subscriber copy = bobEnd.subscribe(track.layer(0), 0xB1, 0);
        send(LOW, 1, 0, true, 0);
        send(HIGH, 1, 0, false, 0);
        copy.preferHigh(true);
        track.choose(copy, FRAME);
        assertThat(track.layer(2).subscribers()).containsExactly(copy);
        bobEnd.unsubscribe(0xB1);
        assertThat(track.copies()).isEmpty();
    }

    @Test
    void aLayersRembIsNotCappedByItsReceiversWhoseBandwidthIsMetByTheLayerInstead() {
        SimulcastTrack track = track();
        bobEnd.subscribe(track.layer(0), 0xB1, 0);
        aliceEnd.tick(0, 0);
        long t = 0;
        for (int second = 1; second <= 5; second++) {
            for (int i = 0; i < 30; i++) {
                send(LOW, second * 30 + i, 3000L * (second * 30 + i), i == 0, t + i * FRAME);
            }
            t = second * 1000 * MS;
            // bob's browser estimates little: its REMB names the copy it gets
            byte[] wire = bob.protectRtcp(new RtcpPacket.Remb(0xBB, 60_000, List.of(0xB1L)));
            bobEnd.onSrtp(Arrays.copyOf(wire, wire.length + 32), 0, wire.length, true, t);
            aliceEnd.tick(t, 0);
        }
        List<RtcpPacket.Remb> rembs = alice.rtcp(RtcpPacket.Remb.class);
        assertThat(rembs).isNotEmpty();
        // the lossless uplink alone: 300 kbit/s grown by 8 % a second, never bob's 60 kbit/s
        assertThat(rembs.get(rembs.size() - 1).bitrate()).isGreaterThan(300_000L);
        assertThat(bobEnd.subscribed(0xB1).downlinkLimit()).isEqualTo(60_000L);
    }
}
