package se.portvakt.sfu.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.nack.LossDetector;
import se.portvakt.sfu.nack.NackSettings;
import se.portvakt.sfu.rtcp.RtcpPacket;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.srtp.SrtpProfile;

/**
 * Drops packets on purpose on the in-memory link between the SFU and a subscriber; the
 * subscriber's browser side detects the gaps and NACKs (with the same LossDetector the SFU
 * uses upstream), and the SFU repairs them from the publisher stream's cache.
 */
class NackRepairTest {
    /** No repair budget: these tests are about the repair itself. */
    static final Subscriber.Repairs ANY = (bytes, now) -> true;

    static final long MS = 1_000_000L;

    /** name, which link datagrams to drop (by index), packets sent, first sequence number. */
    static Stream<Arguments> links() {
        return Stream.of(
                Arguments.of("every 7th", (java.util.function.IntPredicate) i -> i % 7 == 3, 300, 100),
                Arguments.of(
                        "bursts of 5 every 50",
                        (java.util.function.IntPredicate) i -> i % 50 >= 20 && i % 50 < 25,
                        300,
                        100),
                Arguments.of(
                        "across the sequence wrap", (java.util.function.IntPredicate) i -> i % 10 == 5, 200, 65450),
                Arguments.of(
                        "first retransmission lost too",
                        (java.util.function.IntPredicate) i -> i == 10 || i == 11,
                        60,
                        1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void subscriberLossIsRepairedFromTheCache(
            String name, java.util.function.IntPredicate drop, int count, int firstSeq) {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AEAD_AES_128_GCM);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AEAD_AES_128_GCM);
        bob.dropRtp = drop;
        Endpoint aliceEnd = new Endpoint("alice", 0x51, alice.transport, StreamSettings.DEFAULTS);
        Endpoint bobEnd = new Endpoint("bob", 0x52, bob.transport, StreamSettings.DEFAULTS);
        PublisherStream camera = aliceEnd.publish(0xA1, MediaKind.VIDEO, true);
        Subscriber toBob = bobEnd.subscribe(camera, 0xB1, 0);
        LossDetector bobsBrowser = new LossDetector(NackSettings.DEFAULTS);
        int seen = 0;

        long now = 0;
        for (int i = 0; i < count + 30; i++, now += 10 * MS) { // 30 more ticks let the last NACKs play out
            if (i < count) {
                byte[] wire = alice.protectRtp(BrowserPeer.rtp(0xA1, firstSeq + i, 3000L * i, 500));
                aliceEnd.onSrtp(Arrays.copyOf(wire, 1600), 0, wire.length, false, now);
            }
            for (; seen < bob.rtp.size(); seen++) {
                bobsBrowser.received(RtpFields.sequenceNumber(bob.rtp.get(seen), 0), now);
            }
            List<Integer> lost = bobsBrowser.due(now);
            if (!lost.isEmpty()) {
                byte[] wire = bob.protectRtcp(new RtcpPacket.GenericNack(0xBB, 0xB1, lost));
                bobEnd.onSrtp(Arrays.copyOf(wire, wire.length + 32), 0, wire.length, true, now);
            }
        }

        List<Integer> expected = IntStream.range(firstSeq, firstSeq + count)
                .map(s -> s & 0xFFFF)
                .sorted()
                .boxed()
                .toList();
        assertThat(bob.sequenceNumbers().stream().sorted().distinct().toList()).isEqualTo(expected);
        assertThat(bob.dropped).isPositive();
        assertThat(toBob.stats().retransmitted()).isEqualTo(bob.dropped);
        assertThat(toBob.stats().unrepairable()).isZero();
        assertThat(toBob.stats().nacks()).isEqualTo(bobsBrowser.requested());
        // Repairs are byte-identical to what the subscriber would have got the first time.
        for (byte[] got : bob.rtp) {
            int seq = RtpFields.sequenceNumber(got, 0);
            int i = (seq - firstSeq) & 0xFFFF;
            byte[] sent = BrowserPeer.rtp(0xA1, seq, 3000L * i, 500);
            assertThat(RtpFields.ssrc(got, 0)).isEqualTo(0xB1);
            assertThat(RtpFields.timestamp(got, 0)).isEqualTo(3000L * i);
            assertThat(Arrays.copyOfRange(got, 12, got.length)).isEqualTo(Arrays.copyOfRange(sent, 12, sent.length));
        }
    }

    @Test
    void nacksForEvictedUnsentOrPreSwitchNumbersCountAsUnrepairable() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        Endpoint aliceEnd = new Endpoint("alice", 0x51, alice.transport, StreamSettings.DEFAULTS);
        Endpoint bobEnd = new Endpoint("bob", 0x52, bob.transport, StreamSettings.DEFAULTS);
        PublisherStream camera = aliceEnd.publish(0xA1, MediaKind.VIDEO, true);
        Subscriber toBob = bobEnd.subscribe(camera, 0xB1, 0);
        bob.dropRtp = i -> i == 598 || i == 597;
        for (int seq = 0; seq < 600; seq++) {
            byte[] wire = alice.protectRtp(BrowserPeer.rtp(0xA1, seq, 0, 100));
            aliceEnd.onSrtp(Arrays.copyOf(wire, 1600), 0, wire.length, false, seq * MS);
        }
        // 10 was evicted by 522; 700 was never sent; 598 is still cached.
        toBob.onNack(List.of(10, 700, 598), ANY, 0);
        assertThat(toBob.stats().unrepairable()).isEqualTo(2);
        assertThat(toBob.stats().retransmitted()).isEqualTo(1);
        assertThat(bob.sequenceNumbers().get(bob.rtp.size() - 1)).isEqualTo(598);

        // After a switch to another source, 597 belongs to the old offsets: not answerable.
        BrowserPeer carol = new BrowserPeer(3, SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        Endpoint carolEnd = new Endpoint("carol", 0x53, carol.transport, StreamSettings.DEFAULTS);
        PublisherStream other = carolEnd.publish(0xC1, MediaKind.VIDEO, true);
        bobEnd.subscribe(other, 0xB1, 700 * MS);
        byte[] wire = carol.protectRtp(BrowserPeer.rtp(0xC1, 4000, 0, 100));
        carolEnd.onSrtp(Arrays.copyOf(wire, 1600), 0, wire.length, false, 700 * MS);
        assertThat(bob.sequenceNumbers().get(bob.rtp.size() - 1)).isEqualTo(600);
        toBob.onNack(List.of(597), ANY, 0);
        assertThat(toBob.stats().unrepairable()).isEqualTo(3);
    }

    @Test
    void nacksPastTheReceiversRepairBudgetAreHeldBack() {
        BrowserPeer alice = new BrowserPeer(1, SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        BrowserPeer bob = new BrowserPeer(2, SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        Endpoint aliceEnd = new Endpoint("alice", 0x51, alice.transport, StreamSettings.DEFAULTS);
        Endpoint bobEnd = new Endpoint("bob", 0x52, bob.transport, StreamSettings.DEFAULTS);
        PublisherStream camera = aliceEnd.publish(0xA1, MediaKind.VIDEO, true);
        Subscriber toBob = bobEnd.subscribe(camera, 0xB1, 0);
        bob.dropRtp = i -> i >= 10 && i < 20;
        for (int seq = 0; seq < 30; seq++) {
            byte[] wire = alice.protectRtp(BrowserPeer.rtp(0xA1, seq, 0, 100));
            aliceEnd.onSrtp(Arrays.copyOf(wire, 1600), 0, wire.length, false, seq * MS);
        }
        int[] allowed = {3};
        toBob.onNack(List.of(10, 11, 12, 13, 14, 15, 16, 17, 18, 19), (bytes, now) -> allowed[0]-- > 0, 30 * MS);
        assertThat(toBob.stats().retransmitted()).isEqualTo(3);
        assertThat(toBob.stats().heldBack()).isEqualTo(7);
        assertThat(toBob.stats().unrepairable()).isZero();
    }
}
