package se.portvakt.sfu.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.rtcp.RtcpPacket.FirEntry;
import se.portvakt.sfu.rtcp.RtcpPacket.ReportBlock;
import se.portvakt.sfu.rtcp.RtcpPacket.SdesChunk;
import se.portvakt.sfu.rtcp.RtcpPacket.SdesItem;

class RtcpParserTest {
    static final ReportBlock BLOCK = new ReportBlock(2, 5, -2, 0x1234, 16, 0xaabbccddL, 0x10000);

    /** Hand-built packets (layouts from RFC 3550, 4585, 5104 and the REMB draft) and what they decode to. */
    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(
                        "RR with one block",
                        "81c90007 00000001 00000002 05fffffe 00001234 00000010 aabbccdd 00010000",
                        new RtcpPacket.ReceiverReport(1, List.of(BLOCK))),
                Arguments.of(
                        "RR without blocks",
                        "80c90001 ffffffff",
                        new RtcpPacket.ReceiverReport(0xFFFFFFFFL, List.of())),
                Arguments.of(
                        "SR without blocks",
                        "80c80006 00000001 e8a1b2c3 80000000 0001e240 00000064 00002710",
                        new RtcpPacket.SenderReport(1, 0xe8a1b2c380000000L, 123456, 100, 10000, List.of())),
                Arguments.of(
                        "SR with one block",
                        "81c8000c 00000001 e8a1b2c3 80000000 0001e240 00000064 00002710"
                                + " 00000002 05fffffe 00001234 00000010 aabbccdd 00010000",
                        new RtcpPacket.SenderReport(1, 0xe8a1b2c380000000L, 123456, 100, 10000, List.of(BLOCK))),
                Arguments.of(
                        "SDES CNAME",
                        "81ca0004 00000001 0106616263646566 00000000",
                        new RtcpPacket.SourceDescription(
                                List.of(new SdesChunk(1, List.of(new SdesItem(SdesItem.CNAME, "abcdef")))))),
                Arguments.of(
                        "SDES two chunks, terminator ends a word exactly",
                        "82ca0005 00000001 01016100 00000002 01026162 00000000",
                        new RtcpPacket.SourceDescription(List.of(
                                new SdesChunk(1, List.of(new SdesItem(1, "a"))),
                                new SdesChunk(2, List.of(new SdesItem(1, "ab")))))),
                Arguments.of("BYE", "81cb0001 00000001", new RtcpPacket.Goodbye(List.of(1L), "")),
                Arguments.of(
                        "BYE with reason",
                        "81cb0003 00000001 04676f6e 65000000",
                        new RtcpPacket.Goodbye(List.of(1L), "gone")),
                Arguments.of(
                        "generic NACK 100, 101, 103",
                        "81cd0003 00000001 00000002 00640005",
                        new RtcpPacket.GenericNack(1, 2, List.of(100, 101, 103))),
                Arguments.of(
                        "generic NACK across the wrap",
                        "81cd0003 00000001 00000002 ffff8001",
                        new RtcpPacket.GenericNack(1, 2, List.of(65535, 0, 15))),
                Arguments.of("PLI", "81ce0002 00000001 00000002", new RtcpPacket.PictureLossIndication(1, 2)),
                Arguments.of(
                        "FIR",
                        "84ce0004 00000001 00000000 00000003 07000000",
                        new RtcpPacket.FullIntraRequest(1, List.of(new FirEntry(3, 7)))),
                Arguments.of(
                        "REMB 1 Mbit/s",
                        "8fce0005 00000001 00000000 52454d42 010bd090 00000003",
                        new RtcpPacket.Remb(1, 1_000_000, List.of(3L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesHandBuiltPackets(String name, String hex, RtcpPacket expected) {
        byte[] wire = hex(hex);
        assertThat(new RtcpParser().parse(wire, 0, wire.length).orElseThrow()).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void encodesToTheSameBytes(String name, String hex, RtcpPacket packet) {
        assertThat(RtcpEncoder.encode(packet)).isEqualTo(hex(hex));
    }

    @Test
    void compoundSrPlusSdesAsChromeSendsIt() {
        byte[] wire = hex("80c80006 00000001 e8a1b2c3 80000000 0001e240 00000064 00002710"
                + "81ca0004 00000001 0106616263646566 00000000");
        List<RtcpPacket> packets = RtcpParser.tryParse(wire, 0, wire.length).orElseThrow();
        assertThat(packets).hasSize(2);
        assertThat(packets.get(0)).isInstanceOf(RtcpPacket.SenderReport.class);
        assertThat(packets.get(1)).isInstanceOf(RtcpPacket.SourceDescription.class);
        assertThat(RtcpEncoder.encode(packets)).isEqualTo(wire);
    }

    @Test
    void transportCcHeaderIsDecodedAndTheRestKeptRaw() {
        byte[] wire = hex("8fcd0006 00000001 00000002 00010003 fffff005 20030404 04000000");
        RtcpPacket.TransportCcFeedback tcc = (RtcpPacket.TransportCcFeedback)
                RtcpParser.tryParse(wire, 0, wire.length).orElseThrow().get(0);
        assertThat(tcc.senderSsrc()).isEqualTo(1);
        assertThat(tcc.mediaSsrc()).isEqualTo(2);
        assertThat(tcc.baseSequence()).isEqualTo(1);
        assertThat(tcc.statusCount()).isEqualTo(3);
        assertThat(tcc.referenceTime()).isEqualTo(-16);
        assertThat(tcc.feedbackCount()).isEqualTo(5);
        assertThat(tcc.chunksAndDeltas()).isEqualTo(hex("20030404 04000000"));
        assertThat(RtcpEncoder.encode(tcc)).isEqualTo(wire);
    }

    @Test
    void unknownTypesAndFormatsAreKeptOpaque() {
        byte[] wire = hex("80cc0002 00000001 6e616d65 83ce0002 00000001 00000002");
        List<RtcpPacket> packets = RtcpParser.tryParse(wire, 0, wire.length).orElseThrow();
        assertThat(packets)
                .extracting(p -> ((RtcpPacket.Unknown) p).packetType())
                .containsExactly(204, 206);
        assertThat(RtcpEncoder.encode(packets)).isEqualTo(wire);
    }

    @Test
    void paddingOnTheLastPacketIsStripped() {
        byte[] wire = hex("a0c90002 00000001 00000004");
        assertThat(RtcpParser.tryParse(wire, 0, wire.length).orElseThrow())
                .containsExactly(new RtcpPacket.ReceiverReport(1, List.of()));
    }

    @Test
    void nackEncoderPacksRunsIntoBitmasks() {
        List<Integer> lost = List.of(10, 11, 26, 27, 100);
        byte[] wire = RtcpEncoder.encode(new RtcpPacket.GenericNack(1, 2, lost));
        assertThat(wire).isEqualTo(hex("81cd0005 00000001 00000002 000a8001 001b0000 00640000"));
        assertThat(RtcpParser.tryParse(wire, 0, wire.length).orElseThrow())
                .containsExactly(new RtcpPacket.GenericNack(1, 2, lost));
    }

    @Test
    void rembRoundsLargeBitratesToItsMantissa() {
        RtcpPacket.Remb remb = new RtcpPacket.Remb(1, 2_500_000_000L, List.of(5L, 6L));
        byte[] wire = RtcpEncoder.encode(remb);
        RtcpPacket.Remb back = (RtcpPacket.Remb)
                RtcpParser.tryParse(wire, 0, wire.length).orElseThrow().get(0);
        assertThat(back.ssrcs()).containsExactly(5L, 6L);
        // 2.5e9 needs exponent 14, so truncation loses less than 2^14 bit/s.
        assertThat(back.bitrate()).isBetween(2_500_000_000L - (1 << 14), 2_500_000_000L);
    }

    @Test
    void sdesTextLongerThanItsLengthByteIsNotEncoded() {
        RtcpPacket sdes =
                new RtcpPacket.SourceDescription(List.of(new SdesChunk(1, List.of(new SdesItem(1, "å".repeat(128))))));
        assertThatThrownBy(() -> RtcpEncoder.encode(sdes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtcpEncoder.encode(new RtcpPacket.Goodbye(List.of(1L), "x".repeat(256))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("three bytes", "80c900"),
                Arguments.of("version 1", "41c90001 00000001"),
                Arguments.of("length past the end", "81c90007 00000001"),
                Arguments.of("RR count larger than body", "81c90001 00000001"),
                Arguments.of("SR shorter than sender info", "80c80002 00000001 00000002"),
                Arguments.of("trailing bytes after a packet", "80c90001 00000001 0000"),
                Arguments.of("NACK without FCI", "81cd0002 00000001 00000002"),
                Arguments.of("PLI with FCI", "81ce0003 00000001 00000002 00000003"),
                Arguments.of("FIR with half an entry", "84ce0003 00000001 00000000 00000003"),
                Arguments.of("REMB SSRC count mismatch", "8fce0005 00000001 00000000 52454d42 020bd090 00000003"),
                Arguments.of("padding on a non-last packet", "a0c90001 00000001 80c90001 00000001"),
                Arguments.of("padding count zero", "a0c90001 00000000"),
                Arguments.of("padding longer than the body", "a0c90001 00000009"),
                Arguments.of("SDES item past the end", "81ca0002 00000001 01206162"),
                Arguments.of("SDES without terminator", "81ca0002 00000001 01026162"),
                Arguments.of("BYE reason past the end", "81cb0002 00000001 09676f6e"),
                // Found writing RtcpParserFuzzTest: decoded leniently, 0xFF became a three-byte replacement
                // character, and re-encoding a long such CNAME overflowed its length byte (sdes-cname-not-utf8).
                Arguments.of("SDES CNAME not UTF-8", "81ca0002 00000001 0101ff00"),
                Arguments.of("BYE reason not UTF-8", "81cb0002 00000001 01ff0000"),
                Arguments.of("transport-cc header cut", "8fcd0003 00000001 00000002 00010003"),
                Arguments.of("feedback without media SSRC", "81ce0001 00000001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedCompoundsAreDroppedAndCounted(String name, String hex) {
        byte[] wire = hex(hex);
        RtcpParser parser = new RtcpParser();
        assertThat(parser.parse(wire, 0, wire.length)).isEmpty();
        assertThat(parser.malformed()).isEqualTo(1);
    }

    @Test
    void randomGarbageNeverThrows() {
        Random random = new Random(4585);
        RtcpParser parser = new RtcpParser();
        byte[] seed = hex("81c90007 00000001 00000002 05fffffe 00001234 00000010 aabbccdd 00010000"
                + "8fce0005 00000001 00000000 52454d42 010bd090 00000003 81ca0004 00000001 0106616263646566 00000000");
        for (int i = 0; i < 50_000; i++) {
            byte[] junk = Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            for (int j = random.nextInt(4); j >= 0 && junk.length > 0; j--) {
                junk[random.nextInt(junk.length)] = (byte) random.nextInt(256);
            }
            parser.parse(junk, 0, junk.length);
        }
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }
}
