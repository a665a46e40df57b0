package se.portvakt.sfu.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RtpParserTest {

    /**
     * A VP8 packet laid out as Chrome sends it with BUNDLE: one-byte extensions
     * abs-send-time (id 2, 3 bytes), transport-cc (id 3, 2 bytes), mid (id 4, "0"),
     * then padding to a word; hand-built from the RFC 8285 layout.
     */
    static final byte[] CHROME_VP8 = hex("""
            90e0 1a2b 0001e240 5e1f2a3c
            bede 0003
            22 0c4f7d  31 0102  40 30  000000
            9010 8000 deadbeef""");

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(
                        "minimal, pt 0, no payload",
                        hex("8000 0001 00000000 00000001"),
                        new Expect(false, 0, 1, 0, 1, List.of(), -1, 0, 12, 0, 0)),
                Arguments.of(
                        "marker, pt 111, payload",
                        hex("80ef ffff ffffffff ffffffff 0102 03"),
                        new Expect(true, 111, 0xFFFF, 0xFFFFFFFFL, 0xFFFFFFFFL, List.of(), -1, 0, 12, 3, 0)),
                Arguments.of(
                        "two CSRCs",
                        hex("8260 0010 00000064 0000000a 0000000b 0000000c aa"),
                        new Expect(false, 96, 16, 100, 10, List.of(11L, 12L), -1, 0, 20, 1, 0)),
                Arguments.of(
                        "padding 3",
                        hex("a060 0010 00000064 0000000a aabb 0000 03"),
                        new Expect(false, 96, 16, 100, 10, List.of(), -1, 0, 12, 2, 3)),
                Arguments.of(
                        "padding equal to rest",
                        hex("a060 0010 00000064 0000000a 0000 02"),
                        new Expect(false, 96, 16, 100, 10, List.of(), -1, 0, 12, 1, 2)),
                Arguments.of(
                        "Chrome VP8 with one-byte extensions",
                        CHROME_VP8,
                        new Expect(true, 96, 0x1a2b, 123456, 0x5e1f2a3cL, List.of(), 0xBEDE, 3, 28, 8, 0)),
                Arguments.of(
                        "two-byte extensions, appbits 0",
                        hex("9060 0001 00000001 00000002 1000 0002 0700 0403 aabbcc00 ff"),
                        new Expect(false, 96, 1, 1, 2, List.of(), 0x1000, 2, 24, 1, 0)),
                Arguments.of(
                        "one-byte stop id 15",
                        hex("9060 0001 00000001 00000002 bede 0001 10 aa f0 00 ff"),
                        new Expect(false, 96, 1, 1, 2, List.of(), 0xBEDE, 1, 20, 1, 0)),
                Arguments.of(
                        "unknown profile kept opaque",
                        hex("9060 0001 00000001 00000002 abcd 0001 01020304"),
                        new Expect(false, 96, 1, 1, 2, List.of(), 0xABCD, 0, 20, 0, 0)),
                Arguments.of(
                        "empty extension block",
                        hex("9060 0001 00000001 00000002 bede 0000 ff"),
                        new Expect(false, 96, 1, 1, 2, List.of(), 0xBEDE, 0, 16, 1, 0)));
    }

    record Expect(
            boolean marker,
            int pt,
            int seq,
            long ts,
            long ssrc,
            List<Long> csrcs,
            int profile,
            int extensionCount,
            int payloadOffset,
            int payloadLength,
            int padding) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesValidPackets(String name, byte[] packet, Expect e) {
        RtpHeader h = new RtpParser().parse(packet, 0, packet.length).orElseThrow();
        assertThat(new Expect(
                        h.marker(),
                        h.payloadType(),
                        h.sequenceNumber(),
                        h.timestamp(),
                        h.ssrc(),
                        h.csrcs(),
                        h.extensionProfile(),
                        h.extensions().size(),
                        h.payloadOffset(),
                        h.payloadLength(),
                        h.paddingLength()))
                .isEqualTo(e);
    }

    @Test
    void oneByteExtensionsCarryIdsOffsetsAndData() {
        RtpHeader h = RtpParser.tryParse(CHROME_VP8, 0, CHROME_VP8.length).orElseThrow();
        assertThat(h.extensions()).extracting(HeaderExtension::id).containsExactly(2, 3, 4);
        assertThat(h.extension(2).orElseThrow().data()).isEqualTo(hex("0c4f7d"));
        assertThat(h.extension(3).orElseThrow().data()).isEqualTo(hex("0102"));
        assertThat(h.extension(4).orElseThrow().data()).isEqualTo("0".getBytes());
        assertThat(h.extension(2).orElseThrow().offset()).isEqualTo(17);
        assertThat(h.extension(11)).isEmpty();
    }

    @Test
    void twoByteExtensionsAllowZeroLengthAndLongIds() {
        byte[] p = hex("9060 0001 00000001 00000002 1000 0002 0700 0403 aabbcc00 ff");
        RtpHeader h = RtpParser.tryParse(p, 0, p.length).orElseThrow();
        assertThat(h.extensions()).extracting(HeaderExtension::id).containsExactly(7, 4);
        assertThat(h.extension(7).orElseThrow().data()).isEmpty();
        assertThat(h.extension(4).orElseThrow().data()).isEqualTo(hex("aabbcc"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("11 bytes", hex("8060 0001 00000001 000000")),
                Arguments.of("version 1", hex("4060 0001 00000001 00000002")),
                Arguments.of("version 3", hex("c060 0001 00000001 00000002")),
                Arguments.of("CSRC count past the end", hex("8360 0001 00000001 00000002 00000003")),
                Arguments.of("extension header cut", hex("9060 0001 00000001 00000002 bede")),
                Arguments.of("extension length past the end", hex("9060 0001 00000001 00000002 bede 0002 10aa0000")),
                Arguments.of("one-byte element past block", hex("9060 0001 00000001 00000002 bede 0001 30aabbcc ff")),
                Arguments.of("two-byte element past block", hex("9060 0001 00000001 00000002 1000 0001 0105aabb")),
                Arguments.of("padding count zero", hex("a060 0001 00000001 00000002 aa00")),
                Arguments.of("padding longer than packet", hex("a060 0001 00000001 00000002 aa09")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedPacketsAreDroppedAndCounted(String name, byte[] packet) {
        RtpParser parser = new RtpParser();
        assertThat(parser.parse(packet, 0, packet.length)).isEmpty();
        assertThat(parser.malformed()).isEqualTo(1);
    }

    @Test
    void parsesAtAnOffsetAndRejectsRangesOutsideTheBuffer() {
        byte[] shifted = new byte[CHROME_VP8.length + 7];
        System.arraycopy(CHROME_VP8, 0, shifted, 7, CHROME_VP8.length);
        RtpParser parser = new RtpParser();
        assertThat(parser.parse(shifted, 7, CHROME_VP8.length).orElseThrow().payloadOffset())
                .isEqualTo(28);
        assertThat(parser.parse(shifted, 7, CHROME_VP8.length + 1)).isEmpty();
        assertThat(parser.parse(shifted, -1, 12)).isEmpty();
        assertThat(parser.malformed()).isEqualTo(2);
    }

    @Test
    void randomGarbageNeverThrows() {
        Random random = new Random(3550);
        RtpParser parser = new RtpParser();
        for (int i = 0; i < 50_000; i++) {
            byte[] junk = new byte[random.nextInt(60)];
            random.nextBytes(junk);
            if (junk.length > 0) junk[0] = (byte) (0x80 | (junk[0] & 0x3F));
            parser.parse(junk, 0, junk.length);
        }
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }
}
