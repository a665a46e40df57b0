package se.portvakt.sfu.demux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PacketDemuxTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("STUN binding request", packet(20, 0x00, 0x01), PacketKind.STUN),
                Arguments.of("STUN first byte 3", packet(20, 0x03, 0x00), PacketKind.STUN),
                Arguments.of("STUN too short", packet(19, 0x00, 0x01), PacketKind.UNKNOWN),
                Arguments.of("ZRTP 16", packet(20, 16, 0), PacketKind.UNKNOWN),
                Arguments.of("DTLS handshake 22", packet(13, 22, 0xFE), PacketKind.DTLS),
                Arguments.of("DTLS first byte 20", packet(13, 20, 0xFE), PacketKind.DTLS),
                Arguments.of("DTLS first byte 63", packet(13, 63, 0xFE), PacketKind.DTLS),
                Arguments.of("DTLS too short", packet(12, 22, 0xFE), PacketKind.UNKNOWN),
                Arguments.of("TURN channel 64", packet(20, 64, 0), PacketKind.UNKNOWN),
                Arguments.of("127 below RTP range", packet(20, 127, 96), PacketKind.UNKNOWN),
                Arguments.of("RTP pt 96", packet(12, 0x80, 96), PacketKind.RTP),
                Arguments.of("RTP pt 96 marker", packet(12, 0x80, 0x80 | 96), PacketKind.RTP),
                Arguments.of("RTP pt 111 with CSRC count", packet(16, 0x81, 111), PacketKind.RTP),
                Arguments.of("RTP first byte 191", packet(12, 191, 0), PacketKind.RTP),
                Arguments.of("RTP too short", packet(11, 0x80, 96), PacketKind.UNKNOWN),
                Arguments.of("RTCP SR 200", packet(28, 0x80, 200), PacketKind.RTCP),
                Arguments.of("RTCP RR 201 empty", packet(8, 0x80, 201), PacketKind.RTCP),
                Arguments.of("RTCP RTPFB 205", packet(16, 0x81, 205), PacketKind.RTCP),
                Arguments.of("RTCP PSFB 206", packet(12, 0x81, 206), PacketKind.RTCP),
                Arguments.of("RTCP 192 lowest", packet(8, 0x80, 192), PacketKind.RTCP),
                Arguments.of("RTCP 223 highest", packet(8, 0x80, 223), PacketKind.RTCP),
                Arguments.of("second byte 224 is RTP marker + pt 96", packet(12, 0x80, 224), PacketKind.RTP),
                Arguments.of("second byte 191 is RTP marker + pt 63", packet(12, 0x80, 191), PacketKind.RTP),
                Arguments.of("RTCP too short", packet(7, 0x80, 200), PacketKind.UNKNOWN),
                Arguments.of("first byte 192", packet(20, 192, 0), PacketKind.UNKNOWN),
                Arguments.of("first byte 255", packet(20, 255, 0), PacketKind.UNKNOWN),
                Arguments.of("empty", new byte[0], PacketKind.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifiesByFirstBytes(String name, byte[] datagram, PacketKind expected) {
        PacketDemux demux = new PacketDemux();
        assertThat(demux.classify(datagram, 0, datagram.length)).isEqualTo(expected);
        assertThat(demux.dropped()).isEqualTo(expected == PacketKind.UNKNOWN ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} at an offset")
    @MethodSource("cases")
    void honoursOffset(String name, byte[] datagram, PacketKind expected) {
        byte[] shifted = new byte[datagram.length + 5];
        System.arraycopy(datagram, 0, shifted, 5, datagram.length);
        assertThat(new PacketDemux().classify(shifted, 5, datagram.length)).isEqualTo(expected);
    }

    @Test
    void rangeOutsideTheBufferIsDroppedNotThrown() {
        PacketDemux demux = new PacketDemux();
        assertThat(demux.classify(new byte[10], 5, 20)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(demux.classify(new byte[10], -1, 5)).isEqualTo(PacketKind.UNKNOWN);
        assertThat(demux.dropped()).isEqualTo(2);
    }

    private static byte[] packet(int length, int first, int second) {
        byte[] p = new byte[length];
        if (length > 0) p[0] = (byte) first;
        if (length > 1) p[1] = (byte) second;
        return p;
    }
}
