package se.portvakt.sfu.rtcp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Any bytes as a decrypted RTCP compound: the parser never throws, and what it accepts survives the SFU's own
 * handling: the media-SSRC rewrite keeps it parseable, and encoding it parses back to packets that encode to the
 * same bytes (after the first encoding, which drops padding and unread trailers, nothing changes).
 * Seeds: the packets of {@code RtcpParserTest} (docs/fuzzing.md). Plain checks, no AssertJ: they run per input.
 */
class RtcpParserFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void parse(byte[] compound) {
        Optional<List<RtcpPacket>> parsed = RtcpParser.tryParse(compound, 0, compound.length);
        byte[] padded = new byte[compound.length + 6];
        System.arraycopy(compound, 0, padded, 4, compound.length);
        Optional<List<RtcpPacket>> shifted = RtcpParser.tryParse(padded, 4, compound.length);
        check(shifted.isPresent() == parsed.isPresent(), "an offset changes whether the compound parses");
        if (parsed.isEmpty()) {
            return;
        }
        List<RtcpPacket> packets = parsed.get();
        byte[] encoded = RtcpEncoder.encode(packets);
        check(Arrays.equals(RtcpEncoder.encode(shifted.get()), encoded), "an offset changes the parsed packets");

        byte[] rewritten = compound.clone();
        RtcpRewriter.rewriteMediaSsrcs(rewritten, 0, rewritten.length, ssrc -> ssrc ^ 0x5A5A5A5AL);
        check(
                RtcpParser.tryParse(rewritten, 0, rewritten.length)
                                .map(List::size)
                                .orElse(-1)
                        == packets.size(),
                "the media-SSRC rewrite broke the compound");

        List<RtcpPacket> again = RtcpParser.tryParse(encoded, 0, encoded.length)
                .orElseThrow(() -> new AssertionError("the encoded packets do not parse"));
        check(again.size() == packets.size(), "encoding changed the number of packets");
        check(Arrays.equals(RtcpEncoder.encode(again), encoded), "encode, parse, encode is not a fixpoint");
    }

    private static void check(boolean holds, String invariant) {
        if (!holds) {
            throw new AssertionError(invariant);
        }
    }
}
