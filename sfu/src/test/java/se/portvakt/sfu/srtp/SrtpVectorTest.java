package se.portvakt.sfu.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference packets of libsrtp's validation driver (srtp_validate, srtp_validate_gcm): the
 * AES-CM one uses the RFC 3711 appendix B.3 master key and salt, so passing it also checks the
 * key derivation end to end. SSRC 0xcafebabe, sequence 0x1234, sixteen bytes of 0xab.
 */
class SrtpVectorTest {
    static final String RTP_PLAIN = "800f1234 decafbad cafebabe abababab abababab abababab abababab";
    static final String RTCP_PLAIN = "81c8000b cafebabe abababab abababab abababab abababab";

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(
                        SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                        "e1f97a0d3e018be0d64fa32c06de4139",
                        "0ec675ad498afeebb6960b3aabe6",
                        "800f1234 decafbad cafebabe 4e55dc4c e79978d8 8ca4d215 949d2402 b78d6acc 99ea179b 8dbb",
                        "81c8000b cafebabe 7128035b e487b9bd bef89041 f977a5a8 80000001 993e08cd 54d6c123 0798"),
                Arguments.of(
                        SrtpProfile.AEAD_AES_128_GCM,
                        "000102030405060708090a0b0c0d0e0f",
                        "a0a1a2a3a4a5a6a7a8a9aaab",
                        "800f1234 decafbad cafebabe c5002ede 04cfdd2e b91159e0 880aa06e d2976826 f796b201"
                                + " df3131a1 27e8a392",
                        "81c8000b cafebabe c98b8b5d f0392a55 852b6c21 ac8e7025 c52c6fbe a2b3b446 ea31123b"
                                + " a88ce61e 80000001"));
    }

    @ParameterizedTest(name = "{0} protects RTP")
    @MethodSource("vectors")
    void protectsTheReferenceRtpPacket(SrtpProfile profile, String key, String salt, String srtp, String srtcp) {
        try (SrtpSession session = SrtpSession.open(keys(profile, key, salt))) {
            byte[] buf = withRoom(hex(RTP_PLAIN), profile.rtpOverhead());
            int len = session.protectRtp(buf, 0, hex(RTP_PLAIN).length);
            assertThat(Arrays.copyOf(buf, len)).isEqualTo(hex(srtp));
        }
    }

    @ParameterizedTest(name = "{0} unprotects RTP")
    @MethodSource("vectors")
    void unprotectsTheReferenceRtpPacket(SrtpProfile profile, String key, String salt, String srtp, String srtcp) {
        try (SrtpSession session = SrtpSession.open(keys(profile, key, salt))) {
            byte[] buf = hex(srtp);
            int len = session.unprotectRtp(buf, 0, buf.length);
            assertThat(Arrays.copyOf(buf, len)).isEqualTo(hex(RTP_PLAIN));
        }
    }

    @ParameterizedTest(name = "{0} protects RTCP")
    @MethodSource("vectors")
    void protectsTheReferenceRtcpPacket(SrtpProfile profile, String key, String salt, String srtp, String srtcp) {
        try (SrtpSession session = SrtpSession.open(keys(profile, key, salt))) {
            // The SRTCP index is the sender's packet counter: libsrtp's reference packet carries
            // index 1, jitsi-srtp starts at 0, so one packet goes out first.
            byte[] first = withRoom(hex(RTCP_PLAIN), profile.rtcpOverhead());
            assertThat(session.protectRtcp(first, 0, hex(RTCP_PLAIN).length)).isPositive();
            byte[] buf = withRoom(hex(RTCP_PLAIN), profile.rtcpOverhead());
            int len = session.protectRtcp(buf, 0, hex(RTCP_PLAIN).length);
            assertThat(Arrays.copyOf(buf, len)).isEqualTo(hex(srtcp));
        }
    }

    @ParameterizedTest(name = "{0} unprotects RTCP")
    @MethodSource("vectors")
    void unprotectsTheReferenceRtcpPacket(SrtpProfile profile, String key, String salt, String srtp, String srtcp) {
        try (SrtpSession session = SrtpSession.open(keys(profile, key, salt))) {
            byte[] buf = hex(srtcp);
            int len = session.unprotectRtcp(buf, 0, buf.length);
            assertThat(Arrays.copyOf(buf, len)).isEqualTo(hex(RTCP_PLAIN));
        }
    }

    /** The same master key both ways, as in libsrtp's driver where one policy protects and unprotects. */
    static SrtpKeys keys(SrtpProfile profile, String key, String salt) {
        return new SrtpKeys(profile, hex(key), hex(salt), hex(key), hex(salt));
    }

    static byte[] withRoom(byte[] packet, int room) {
        return Arrays.copyOf(packet, packet.length + room);
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }
}
