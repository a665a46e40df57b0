package se.portvakt.sfu.rtcp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import se.portvakt.sfu.rtcp.RtcpPacket.FirEntry;
import se.portvakt.sfu.rtcp.RtcpPacket.ReportBlock;
import se.portvakt.sfu.rtcp.RtcpPacket.SdesChunk;
import se.portvakt.sfu.rtcp.RtcpPacket.SdesItem;

/**
 * Serializes RTCP packets into one compound. Allocates; the SFU sends RTCP at most a few
 * dozen times a second per stream, so a later pooled writer is an optimisation, not a need.
 */
public final class RtcpEncoder {
    private static final int REMB_ID = 0x52454D42;

    private RtcpEncoder() {}

    public static byte[] encode(List<? extends RtcpPacket> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RtcpPacket p : packets) {
            out.writeBytes(encode(p));
        }
        return out.toByteArray();
    }

    public static byte[] encode(RtcpPacket packet) {
        Body body = new Body();
        int count;
        int type;
        boolean padded = false;
        if (packet instanceof RtcpPacket.SenderReport sr) {
            type = RtcpPacket.SR;
            count = sr.reports().size();
            body.u32(sr.ssrc())
                    .u32(sr.ntpTimestamp() >>> 32)
                    .u32(sr.ntpTimestamp())
                    .u32(sr.rtpTimestamp())
                    .u32(sr.packetCount())
                    .u32(sr.octetCount());
            sr.reports().forEach(body::report);
        } else if (packet instanceof RtcpPacket.ReceiverReport rr) {
            type = RtcpPacket.RR;
            count = rr.reports().size();
            body.u32(rr.ssrc());
            rr.reports().forEach(body::report);
        } else if (packet instanceof RtcpPacket.SourceDescription sdes) {
            type = RtcpPacket.SDES;
            count = sdes.chunks().size();
            for (SdesChunk chunk : sdes.chunks()) {
                body.u32(chunk.ssrc());
                for (SdesItem item : chunk.items()) {
                    byte[] text = shortText(item.text(), "SDES item");
                    body.u8(item.type()).u8(text.length).bytes(text);
                }
                body.u8(0).pad();
            }
        } else if (packet instanceof RtcpPacket.Goodbye bye) {
            type = RtcpPacket.BYE;
            count = bye.ssrcs().size();
            bye.ssrcs().forEach(body::u32);
            if (!bye.reason().isEmpty()) {
                byte[] text = shortText(bye.reason(), "BYE reason");
                body.u8(text.length).bytes(text).pad();
            }
        } else if (packet instanceof RtcpPacket.GenericNack nack) {
            type = RtcpPacket.RTPFB;
            count = RtcpPacket.GenericNack.FMT;
            body.u32(nack.senderSsrc()).u32(nack.mediaSsrc());
            nackItems(body, nack.lostSequenceNumbers());
        } else if (packet instanceof RtcpPacket.TransportCcFeedback tcc) {
            type = RtcpPacket.RTPFB;
            count = RtcpPacket.TransportCcFeedback.FMT;
            body.u32(tcc.senderSsrc())
                    .u32(tcc.mediaSsrc())
                    .u16(tcc.baseSequence())
                    .u16(tcc.statusCount())
                    .u8(tcc.referenceTime() >> 16)
                    .u16(tcc.referenceTime())
                    .u8(tcc.feedbackCount())
                    .bytes(tcc.chunksAndDeltas())
                    .pad();
        } else if (packet instanceof RtcpPacket.PictureLossIndication pli) {
            type = RtcpPacket.PSFB;
            count = RtcpPacket.PictureLossIndication.FMT;
            body.u32(pli.senderSsrc()).u32(pli.mediaSsrc());
        } else if (packet instanceof RtcpPacket.FullIntraRequest fir) {
            type = RtcpPacket.PSFB;
            count = RtcpPacket.FullIntraRequest.FMT;
            body.u32(fir.senderSsrc()).u32(0); // RFC 5104 section 4.3.1.2: media source SSRC is 0
            for (FirEntry e : fir.entries()) {
                body.u32(e.ssrc()).u8(e.sequenceNumber()).u8(0).u16(0);
            }
        } else if (packet instanceof RtcpPacket.Remb remb) {
            type = RtcpPacket.PSFB;
            count = RtcpPacket.Remb.FMT;
            int exponent = 0;
            long mantissa = remb.bitrate();
            while (mantissa > 0x3FFFF) { // 18-bit mantissa, 6-bit exponent
                mantissa >>>= 1;
                exponent++;
            }
            body.u32(remb.senderSsrc())
                    .u32(0)
                    .u32(REMB_ID)
                    .u8(remb.ssrcs().size())
                    .u8((exponent << 2) | (int) (mantissa >> 16))
                    .u16((int) mantissa);
            remb.ssrcs().forEach(body::u32);
        } else if (packet instanceof RtcpPacket.Unknown unknown) {
            type = unknown.packetType();
            count = unknown.count();
            body.bytes(unknown.body());
            // A body that ends off a word came from a padded last packet: padded the same way again (RFC 3550
            // section 6.4.1), it parses back to the same body. Zeros alone would become part of it (found by
            // RtcpParserFuzzTest: a truncated REMB grew back into a REMB of the wrong size, and its compound no
            // longer parsed).
            int padding = (4 - unknown.body().length % 4) % 4;
            if (padding > 0) {
                for (int i = 1; i < padding; i++) {
                    body.u8(0);
                }
                body.u8(padding);
            }
            padded = padding > 0;
        } else {
            throw new IllegalArgumentException("unknown RTCP packet " + packet);
        }
        byte[] payload = body.out.toByteArray();
        byte[] out = new byte[4 + payload.length];
        out[0] = (byte) (0x80 | (padded ? 0x20 : 0) | (count & 0x1F));
        out[1] = (byte) type;
        int words = out.length / 4 - 1;
        out[2] = (byte) (words >> 8);
        out[3] = (byte) words;
        System.arraycopy(payload, 0, out, 4, payload.length);
        return out;
    }

    /** The text's UTF-8 bytes, which must fit the one-byte length before them. */
    private static byte[] shortText(String text, String what) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 255) {
            throw new IllegalArgumentException(what + " longer than 255 bytes: " + bytes.length);
        }
        return bytes;
    }

    /** Packs sorted-or-not sequence numbers into PID + 16-bit BLP items (RFC 4585 section 6.2.1). */
    private static void nackItems(Body body, List<Integer> lost) {
        int i = 0;
        while (i < lost.size()) {
            int pid = lost.get(i);
            int blp = 0;
            int j = i + 1;
            while (j < lost.size()) {
                int distance = (lost.get(j) - pid) & 0xFFFF;
                if (distance < 1 || distance > 16) {
                    break;
                }
                blp |= 1 << (distance - 1);
                j++;
            }
            body.u16(pid).u16(blp);
            i = j;
        }
    }

    /** Big-endian writer for one packet body. */
    private static final class Body {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body u8(int v) {
            out.write(v);
            return this;
        }

        Body u16(int v) {
            out.write(v >> 8);
            out.write(v);
            return this;
        }

        Body u32(long v) {
            u16((int) (v >>> 16));
            return u16((int) v);
        }

        Body bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Body pad() {
            while (out.size() % 4 != 0) {
                out.write(0);
            }
            return this;
        }

        void report(ReportBlock r) {
            u32(r.ssrc())
                    .u8(r.fractionLost())
                    .u8(r.cumulativeLost() >> 16)
                    .u16(r.cumulativeLost())
                    .u32(r.highestSequence())
                    .u32(r.jitter())
                    .u32(r.lastSr())
                    .u32(r.delaySinceLastSr());
        }
    }
}
