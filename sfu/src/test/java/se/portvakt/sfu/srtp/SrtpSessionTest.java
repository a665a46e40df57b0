package se.portvakt.sfu.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpSessionTest {

    /** Both ends of one DTLS association: the same exported material, split by role. */
    static SrtpSession[] pair(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new Random(5764).nextBytes(material);
        return new SrtpSession[] {
            SrtpSession.open(SrtpKeys.fromDtls(profile, material, true)),
            SrtpSession.open(SrtpKeys.fromDtls(profile, material, false))
        };
    }

    static byte[] rtp(int seq, int payloadBytes) {
        byte[] p = new byte[12 + payloadBytes + 16];
        p[0] = (byte) 0x80;
        p[1] = 96;
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        p[8] = 0x11;
        p[11] = 0x22;
        for (int i = 12; i < 12 + payloadBytes; i++) {
            p[i] = (byte) (i * 7 + seq);
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpRoundTripsBetweenServerAndClient(SrtpProfile profile) {
        SrtpSession[] ends = pair(profile);
        for (int seq = 65500; seq < 65600; seq++) { // crosses the rollover
            byte[] packet = rtp(seq & 0xFFFF, 1000);
            byte[] plain = Arrays.copyOf(packet, 1012);
            int len = ends[0].protectRtp(packet, 0, 1012);
            assertThat(len).isEqualTo(1012 + profile.rtpOverhead());
            assertThat(Arrays.copyOfRange(packet, 12, 1012)).isNotEqualTo(Arrays.copyOfRange(plain, 12, 1012));
            assertThat(ends[1].unprotectRtp(packet, 0, len)).isEqualTo(1012);
            assertThat(Arrays.copyOf(packet, 1012)).isEqualTo(plain);
        }
        assertThat(ends[1].rejected()).isZero();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpRoundTripsAtAnOffset(SrtpProfile profile) {
        SrtpSession[] ends = pair(profile);
        byte[] buf = new byte[100];
        byte[] rr = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 9};
        System.arraycopy(rr, 0, buf, 10, rr.length);
        int len = ends[1].protectRtcp(buf, 10, rr.length);
        assertThat(len).isEqualTo(rr.length + profile.rtcpOverhead());
        assertThat(ends[0].unprotectRtcp(buf, 10, len)).isEqualTo(rr.length);
        assertThat(Arrays.copyOfRange(buf, 10, 18)).isEqualTo(rr);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperedReplayedTruncatedAndWrongKeyPacketsAreRejected(SrtpProfile profile) {
        SrtpSession[] ends = pair(profile);
        byte[] packet = rtp(1, 100);
        int len = ends[0].protectRtp(packet, 0, 112);

        byte[] tampered = packet.clone();
        tampered[50] ^= 1;
        assertThat(ends[1].unprotectRtp(tampered, 0, len)).isEqualTo(SrtpSession.FAILED);

        byte[] replay = packet.clone();
        assertThat(ends[1].unprotectRtp(packet, 0, len)).isEqualTo(112);
        assertThat(ends[1].unprotectRtp(replay, 0, len)).isEqualTo(SrtpSession.FAILED);

        assertThat(ends[1].unprotectRtp(new byte[5], 0, 5)).isEqualTo(SrtpSession.FAILED);
        // A session cannot open its own output: it protects with the local key, unprotects with the remote.
        byte[] own = rtp(2, 100);
        int ownLen = ends[0].protectRtp(own, 0, 112);
        assertThat(ends[0].unprotectRtp(own, 0, ownLen)).isEqualTo(SrtpSession.FAILED);

        assertThat(ends[1].rejected()).isEqualTo(3);
    }

    @Test
    void warmUpMovesTheCipherBenchmarkOutOfTheFirstPacket() {
        SrtpSession.warmUp();
        for (SrtpProfile profile : SrtpProfile.values()) {
            SrtpSession session = pair(profile)[0];
            long start = System.nanoTime();
            session.protectRtp(rtp(1, 1000), 0, 1012);
            // Unwarmed, jitsi-srtp spends about 3 s benchmarking AES providers here.
            assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectRefusesABufferWithoutRoomForTheTag(SrtpProfile profile) {
        SrtpSession session = pair(profile)[0];
        byte[] tight = Arrays.copyOf(rtp(1, 10), 22);
        assertThatThrownBy(() -> session.protectRtp(tight, 0, 22)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aResentPacketIsProtectedAgainAndAcceptedOnceByAReceiverThatMissedIt(SrtpProfile profile) {
        SrtpSession[] ends = pair(profile);
        for (int seq = 1; seq <= 3; seq++) {
            byte[] packet = rtp(seq, 100);
            int len = ends[0].protectRtp(packet, 0, 112);
            if (seq != 2) { // 2 is lost on the way
                assertThat(ends[1].unprotectRtp(packet, 0, len)).isEqualTo(112);
            }
        }
        byte[] resent = rtp(2, 100);
        int len = ends[0].protectRtp(resent, 0, 112);
        assertThat(len)
                .as("the sender may protect an old index again (NACK answering)")
                .isPositive();
        byte[] duplicate = resent.clone();
        assertThat(ends[1].unprotectRtp(resent, 0, len)).isEqualTo(112);
        assertThat(ends[1].unprotectRtp(duplicate, 0, len))
                .as("the receiver still rejects replays")
                .isEqualTo(SrtpSession.FAILED);
    }
}
