package se.portvakt.sfu.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodecHandlerTest {

    /** RTP header (12 bytes), VP8 descriptor with S=1 PID=0, payload header with P=0: a keyframe's first packet. */
    private static final byte[] VP8_KEYFRAME_START = {(byte) 0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 7, 0x10, 0x00, 0, 0};

    @Test
    void encodingNamesChooseTheirHandlerAndUnknownOnesAreOpaque() {
        assertThat(CodecHandler.forEncoding("VP8")).isEqualTo(CodecHandler.VP8);
        assertThat(CodecHandler.forEncoding("vp8")).isEqualTo(CodecHandler.VP8);
        assertThat(CodecHandler.forEncoding("opus")).isEqualTo(CodecHandler.OPAQUE);
        assertThat(CodecHandler.forEncoding("H264")).isEqualTo(CodecHandler.OPAQUE);
    }

    @Test
    void onlyAGatedCodecReadsKeyframes() {
        assertThat(CodecHandler.VP8.keyframeGated()).isTrue();
        assertThat(CodecHandler.VP8.startsKeyframe(VP8_KEYFRAME_START, 0, VP8_KEYFRAME_START.length))
                .isTrue();
        assertThat(CodecHandler.OPAQUE.keyframeGated()).isFalse();
        assertThat(CodecHandler.OPAQUE.startsKeyframe(VP8_KEYFRAME_START, 0, VP8_KEYFRAME_START.length))
                .isFalse();
    }
}
