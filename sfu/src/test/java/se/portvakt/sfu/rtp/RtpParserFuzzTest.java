package se.portvakt.sfu.rtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import se.portvakt.sfu.rtx.RtxUnwrap;
import se.portvakt.sfu.speaker.AudioLevel;

/**
 * Any bytes as an RTP packet: the parser never throws, what it accepts describes the packet exactly (written back
 * from the parsed header it parses to the same header), and the in-place edits the forwarding path makes on an
 * accepted packet (rewrite, strip extensions, unwrap RTX, read the audio level) keep it a packet that parses.
 * Seeds: the packets of {@code RtpParserTest} (docs/fuzzing.md). Plain checks, no AssertJ: they run per input.
 */
class RtpParserFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void parse(byte[] packet) {
        Optional<RtpHeader> parsed = RtpParser.tryParse(packet, 0, packet.length);
        byte[] padded = new byte[packet.length + 5];
        System.arraycopy(packet, 0, padded, 2, packet.length);
        Optional<RtpHeader> shifted = RtpParser.tryParse(padded, 2, packet.length);
        check(shifted.isPresent() == parsed.isPresent(), "an offset changes whether the packet parses");
        if (parsed.isEmpty()) {
            return;
        }
        RtpHeader h = parsed.get();
        check(same(shifted.get(), h, true), "an offset changes the parsed header");
        check(h.payloadOffset() >= 12 + 4 * h.csrcs().size() && h.payloadLength() >= 0, "payload bounds");
        check(h.payloadOffset() + h.payloadLength() + h.paddingLength() == packet.length, "lengths add up");
        for (HeaderExtension e : h.extensions()) {
            check(
                    Arrays.equals(packet, e.offset(), e.offset() + e.data().length, e.data(), 0, e.data().length),
                    "extension " + e.id() + " data is not at its offset");
        }

        byte[] written = write(h, packet);
        RtpHeader back = RtpParser.tryParse(written, 0, written.length)
                .orElseThrow(() -> new AssertionError("the packet written from its header does not parse"));
        check(same(back, h, false), "the packet written from its header parses differently");

        forwardingEdits(packet, h);
    }

    private static void forwardingEdits(byte[] packet, RtpHeader h) {
        byte[] rewritten = packet.clone();
        RtpRewriter rewriter = new RtpRewriter(0xCAFEBABEL);
        rewriter.offsets(1000, 90_000);
        rewriter.rewrite(rewritten, 0);
        int stripped = RtpFields.stripExtension(rewritten, 0, rewritten.length);
        RtpHeader bare = RtpParser.tryParse(rewritten, 0, stripped)
                .orElseThrow(() -> new AssertionError("rewritten and stripped, the packet does not parse"));
        check(
                bare.ssrc() == 0xCAFEBABEL
                        && bare.sequenceNumber() == ((h.sequenceNumber() + 1000) & 0xFFFF)
                        && bare.extensionProfile() == -1,
                "rewrite and strip");
        check(
                Arrays.equals(
                        rewritten,
                        bare.payloadOffset(),
                        bare.payloadOffset() + bare.payloadLength(),
                        packet,
                        h.payloadOffset(),
                        h.payloadOffset() + h.payloadLength()),
                "stripping changed the payload");

        byte[] rtx = packet.clone();
        int unwrapped = RtxUnwrap.unwrap(rtx, 0, rtx.length, 96, 0x1234L);
        if (unwrapped != RtxUnwrap.NOTHING) {
            RtpHeader original = RtpParser.tryParse(rtx, 0, unwrapped)
                    .orElseThrow(() -> new AssertionError("the unwrapped RTX packet does not parse"));
            int osn = ((packet[h.payloadOffset()] & 0xFF) << 8) | (packet[h.payloadOffset() + 1] & 0xFF);
            check(
                    original.sequenceNumber() == osn
                            && original.payloadLength() == h.payloadLength() - 2
                            && original.ssrc() == 0x1234L
                            && original.payloadType() == 96,
                    "RTX unwrap");
        }

        for (int id = 1; id <= 14; id++) {
            int expected = h.extensionProfile() != RtpHeader.ONE_BYTE_PROFILE
                    ? AudioLevel.NONE
                    : h.extension(id).map(e -> e.data()[0] & 0x7F).orElse(AudioLevel.NONE);
            int level = AudioLevel.read(packet, 0, packet.length, id);
            check(level == expected, "audio level under id " + id + ": " + level + ", parser says " + expected);
        }
    }

    /** Equal headers; extension offsets compared only when the layout must be identical. */
    private static boolean same(RtpHeader a, RtpHeader b, boolean sameLayout) {
        if (a.marker() != b.marker()
                || a.payloadType() != b.payloadType()
                || a.sequenceNumber() != b.sequenceNumber()
                || a.timestamp() != b.timestamp()
                || a.ssrc() != b.ssrc()
                || !a.csrcs().equals(b.csrcs())
                || a.extensionProfile() != b.extensionProfile()
                || a.payloadLength() != b.payloadLength()
                || a.paddingLength() != b.paddingLength()
                || (sameLayout && a.payloadOffset() != b.payloadOffset())) {
            return false;
        }
        List<HeaderExtension> x = a.extensions();
        List<HeaderExtension> y = b.extensions();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i).id() != y.get(i).id()
                    || !Arrays.equals(x.get(i).data(), y.get(i).data())
                    || (sameLayout && x.get(i).offset() != y.get(i).offset())) {
                return false;
            }
        }
        return true;
    }

    /** The packet as the header describes it: elements written back in the header's form, payload and padding copied. */
    private static byte[] write(RtpHeader h, byte[] packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean extension = h.extensionProfile() >= 0;
        out.write(0x80
                | (h.paddingLength() > 0 ? 0x20 : 0)
                | (extension ? 0x10 : 0)
                | h.csrcs().size());
        out.write((h.marker() ? 0x80 : 0) | h.payloadType());
        out.write(h.sequenceNumber() >> 8);
        out.write(h.sequenceNumber());
        u32(out, h.timestamp());
        u32(out, h.ssrc());
        h.csrcs().forEach(c -> u32(out, c));
        if (extension) {
            byte[] block = extensionBlock(h, packet);
            out.write(h.extensionProfile() >> 8);
            out.write(h.extensionProfile());
            out.write(block.length / 4 >> 8);
            out.write(block.length / 4);
            out.writeBytes(block);
        }
        out.write(packet, h.payloadOffset(), h.payloadLength() + h.paddingLength());
        return out.toByteArray();
    }

    private static byte[] extensionBlock(RtpHeader h, byte[] packet) {
        boolean oneByte = h.extensionProfile() == RtpHeader.ONE_BYTE_PROFILE;
        boolean twoByte = (h.extensionProfile() & RtpHeader.TWO_BYTE_PROFILE_MASK) == RtpHeader.TWO_BYTE_PROFILE;
        if (!oneByte && !twoByte) {
            return Arrays.copyOfRange(packet, 12 + 4 * h.csrcs().size() + 4, h.payloadOffset()); // opaque, as it came
        }
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (HeaderExtension e : h.extensions()) {
            if (oneByte) {
                block.write(e.id() << 4 | (e.data().length - 1));
            } else {
                block.write(e.id());
                block.write(e.data().length);
            }
            block.writeBytes(e.data());
        }
        while (block.size() % 4 != 0) {
            block.write(0);
        }
        return block.toByteArray();
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }

    private static void check(boolean holds, String invariant) {
        if (!holds) {
            throw new AssertionError(invariant);
        }
    }
}
