package se.portvakt.sfu.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RtpRewriterTest {

    static Stream<Arguments> rewrites() {
        return Stream.of(
                Arguments.of("plain shift", 1000, 90000L, 5, 100L, 1005, 90100L),
                Arguments.of("sequence wraps", 65530, 0L, 10, 0L, 4, 0L),
                Arguments.of("negative sequence offset", 3, 0L, -5, 0L, 65534, 0L),
                Arguments.of("timestamp wraps", 0, 0xFFFFFF00L, 0, 0x200L, 0, 0x100L),
                Arguments.of("negative timestamp offset", 0, 10L, 0, -20L, 0, 0xFFFFFFF6L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewrites")
    void rewritesInPlaceModuloFieldWidth(
            String name, int seq, long ts, int seqOffset, long tsOffset, int expectedSeq, long expectedTs) {
        byte[] p = RtpParserTest.CHROME_VP8.clone();
        RtpFields.setSequenceNumber(p, 0, seq);
        RtpFields.setTimestamp(p, 0, ts);
        RtpRewriter rewriter = new RtpRewriter(0xCAFEBABEL);
        rewriter.offsets(seqOffset, tsOffset);
        rewriter.rewrite(p, 0);
        assertThat(RtpFields.sequenceNumber(p, 0)).isEqualTo(expectedSeq);
        assertThat(RtpFields.timestamp(p, 0)).isEqualTo(expectedTs);
        assertThat(RtpFields.ssrc(p, 0)).isEqualTo(0xCAFEBABEL);
    }

    @Test
    void withZeroOffsetsOnlyTheSsrcBytesChange() {
        byte[] original = RtpParserTest.CHROME_VP8.clone();
        byte[] p = original.clone();
        new RtpRewriter(1).rewrite(p, 0);
        for (int i = 0; i < p.length; i++) {
            if (i < 8 || i >= 12) {
                assertThat(p[i]).as("byte %d", i).isEqualTo(original[i]);
            }
        }
        assertThat(RtpFields.ssrc(p, 0)).isEqualTo(1);
        RtpHeader h = RtpParser.tryParse(p, 0, p.length).orElseThrow();
        assertThat(h.marker()).isTrue();
        assertThat(h.payloadType()).isEqualTo(96);
        assertThat(h.extensions()).hasSize(3);
    }

    @Test
    void payloadTypeAndMarkerSettersKeepEachOther() {
        byte[] p = RtpParserTest.CHROME_VP8.clone();
        RtpFields.setPayloadType(p, 0, 100);
        assertThat(RtpFields.marker(p, 0)).isTrue();
        RtpFields.setMarker(p, 0, false);
        assertThat(RtpFields.payloadType(p, 0)).isEqualTo(100);
        assertThat(RtpFields.marker(p, 0)).isFalse();
    }

    @Test
    void strippingTheExtensionKeepsHeaderAndPayload() {
        byte[] original = RtpParserTest.CHROME_VP8.clone();
        RtpHeader before = RtpParser.tryParse(original, 0, original.length).orElseThrow();
        byte[] p = original.clone();

        int len = RtpFields.stripExtension(p, 0, p.length);

        RtpHeader after = RtpParser.tryParse(p, 0, len).orElseThrow();
        assertThat(after.extensions()).isEmpty();
        assertThat(len).isEqualTo(original.length - (before.payloadOffset() - 12));
        assertThat(after.sequenceNumber()).isEqualTo(before.sequenceNumber());
        assertThat(after.marker()).isTrue();
        assertThat(java.util.Arrays.copyOfRange(p, after.payloadOffset(), len))
                .isEqualTo(java.util.Arrays.copyOfRange(original, before.payloadOffset(), original.length));
        assertThat(RtpFields.stripExtension(p, 0, len))
                .as("nothing left to strip")
                .isEqualTo(len);
    }

    @Test
    void anExtensionLongerThanThePacketIsLeftAlone() {
        byte[] p = RtpParserTest.CHROME_VP8.clone();
        assertThat(RtpFields.stripExtension(p, 0, 20)).isEqualTo(20);
    }
}
