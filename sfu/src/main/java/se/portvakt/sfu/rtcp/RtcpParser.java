package se.portvakt.sfu.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import se.portvakt.sfu.rtcp.RtcpPacket.FirEntry;
import se.portvakt.sfu.rtcp.RtcpPacket.ReportBlock;
import se.portvakt.sfu.rtcp.RtcpPacket.SdesChunk;
import se.portvakt.sfu.rtcp.RtcpPacket.SdesItem;

/**
 * Parses an RTCP compound packet. Any malformed packet drops the whole compound, which is
 * counted; nothing is thrown. Reduced-size RTCP (RFC 5506) is accepted, so the compound
 * need not start with an SR or RR.
 */
public final class RtcpParser {
    private static final int REMB_ID = 0x52454D42; // "REMB"

    private final LongAdder malformed = new LongAdder();

    public Optional<List<RtcpPacket>> parse(byte[] buf, int off, int len) {
        Optional<List<RtcpPacket>> packets = tryParse(buf, off, len);
        if (packets.isEmpty()) {
            malformed.increment();
        }
        return packets;
    }

    public long malformed() {
        return malformed.sum();
    }

    static Optional<List<RtcpPacket>> tryParse(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < 4 || off + len > buf.length) {
            return Optional.empty();
        }
        List<RtcpPacket> packets = new ArrayList<>();
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (pos + 4 > end) {
                return Optional.empty();
            }
            int first = buf[pos] & 0xFF;
            if (first >> 6 != 2) {
                return Optional.empty();
            }
            int count = first & 0x1F;
            int type = buf[pos + 1] & 0xFF;
            int length = 4 * (readUint16(buf, pos + 2) + 1);
            if (pos + length > end) {
                return Optional.empty();
            }
            int bodyEnd = pos + length;
            if ((first & 0x20) != 0) {
                // Padding is only allowed on the last packet of a compound (RFC 3550 section 6.4.1).
                int padding = buf[bodyEnd - 1] & 0xFF;
                if (bodyEnd != end || padding == 0 || padding > length - 4) {
                    return Optional.empty();
                }
                bodyEnd -= padding;
            }
            RtcpPacket packet = parseOne(buf, pos + 4, bodyEnd, type, count);
            if (packet == null) {
                return Optional.empty();
            }
            packets.add(packet);
            pos += length;
        }
        return Optional.of(List.copyOf(packets));
    }

    /** Parses the body in {@code [start, end)}; null if malformed. */
    private static RtcpPacket parseOne(byte[] b, int start, int end, int type, int count) {
        int size = end - start;
        switch (type) {
            case RtcpPacket.SR: {
                if (size < 24 + 24 * count) {
                    return null;
                }
                return new RtcpPacket.SenderReport(
                        readUint32(b, start),
                        (readUint32(b, start + 4) << 32) | readUint32(b, start + 8),
                        readUint32(b, start + 12),
                        readUint32(b, start + 16),
                        readUint32(b, start + 20),
                        reportBlocks(b, start + 24, count));
            }
            case RtcpPacket.RR: {
                if (size < 4 + 24 * count) {
                    return null;
                }
                return new RtcpPacket.ReceiverReport(readUint32(b, start), reportBlocks(b, start + 4, count));
            }
            case RtcpPacket.SDES:
                return sdes(b, start, end, count);
            case RtcpPacket.BYE:
                return bye(b, start, end, count);
            case RtcpPacket.RTPFB:
                return transportFeedback(b, start, end, count);
            case RtcpPacket.PSFB:
                return payloadFeedback(b, start, end, count);
            default:
                return new RtcpPacket.Unknown(type, count, Arrays.copyOfRange(b, start, end));
        }
    }

    private static List<ReportBlock> reportBlocks(byte[] b, int at, int count) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++, at += 24) {
            int lost = ((b[at + 5] & 0xFF) << 16) | ((b[at + 6] & 0xFF) << 8) | (b[at + 7] & 0xFF);
            blocks.add(new ReportBlock(
                    readUint32(b, at),
                    b[at + 4] & 0xFF,
                    (lost << 8) >> 8,
                    readUint32(b, at + 8),
                    readUint32(b, at + 12),
                    readUint32(b, at + 16),
                    readUint32(b, at + 20)));
        }
        return List.copyOf(blocks);
    }

    /** Chunks: SSRC, items (type, length, text), a zero type, padding to a word. */
    private static RtcpPacket sdes(byte[] b, int start, int end, int count) {
        List<SdesChunk> chunks = new ArrayList<>(count);
        int pos = start;
        for (int c = 0; c < count; c++) {
            if (pos + 4 > end) {
                return null;
            }
            long ssrc = readUint32(b, pos);
            pos += 4;
            List<SdesItem> items = new ArrayList<>();
            while (true) {
                if (pos >= end) {
                    return null;
                }
                int itemType = b[pos] & 0xFF;
                if (itemType == 0) {
                    // The terminator, then padding to the next word; chunks are word-aligned.
                    pos = start + ((pos - start + 1 + 3) & ~3);
                    break;
                }
                if (pos + 2 > end || pos + 2 + (b[pos + 1] & 0xFF) > end) {
                    return null;
                }
                int itemLength = b[pos + 1] & 0xFF;
                String text = utf8(b, pos + 2, itemLength);
                if (text == null) {
                    return null;
                }
                items.add(new SdesItem(itemType, text));
                pos += 2 + itemLength;
            }
            chunks.add(new SdesChunk(ssrc, List.copyOf(items)));
        }
        return new RtcpPacket.SourceDescription(List.copyOf(chunks));
    }

    private static RtcpPacket bye(byte[] b, int start, int end, int count) {
        if (end - start < 4 * count) {
            return null;
        }
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(readUint32(b, start + 4 * i));
        }
        int pos = start + 4 * count;
        String reason = "";
        if (pos < end) {
            int reasonLength = b[pos] & 0xFF;
            if (pos + 1 + reasonLength > end) {
                return null;
            }
            reason = utf8(b, pos + 1, reasonLength);
            if (reason == null) {
                return null;
            }
        }
        return new RtcpPacket.Goodbye(List.copyOf(ssrcs), reason);
    }

    private static RtcpPacket transportFeedback(byte[] b, int start, int end, int fmt) {
        if (end - start < 8) {
            return null;
        }
        long sender = readUint32(b, start);
        long media = readUint32(b, start + 4);
        int fci = start + 8;
        if (fmt == RtcpPacket.GenericNack.FMT) {
            if (end == fci || (end - fci) % 4 != 0) {
                return null;
            }
            List<Integer> lost = new ArrayList<>();
            for (int at = fci; at < end; at += 4) {
                int pid = readUint16(b, at);
                int blp = readUint16(b, at + 2);
                lost.add(pid);
                for (int bit = 0; bit < 16; bit++) {
                    if ((blp & (1 << bit)) != 0) {
                        lost.add((pid + bit + 1) & 0xFFFF);
                    }
                }
            }
            return new RtcpPacket.GenericNack(sender, media, List.copyOf(lost));
        }
        if (fmt == RtcpPacket.TransportCcFeedback.FMT) {
            if (end - fci < 8) {
                return null;
            }
            int reference = ((b[fci + 4] & 0xFF) << 16) | ((b[fci + 5] & 0xFF) << 8) | (b[fci + 6] & 0xFF);
            return new RtcpPacket.TransportCcFeedback(
                    sender,
                    media,
                    readUint16(b, fci),
                    readUint16(b, fci + 2),
                    (reference << 8) >> 8,
                    b[fci + 7] & 0xFF,
                    Arrays.copyOfRange(b, fci + 8, end));
        }
        return new RtcpPacket.Unknown(RtcpPacket.RTPFB, fmt, Arrays.copyOfRange(b, start, end));
    }

    private static RtcpPacket payloadFeedback(byte[] b, int start, int end, int fmt) {
        if (end - start < 8) {
            return null;
        }
        long sender = readUint32(b, start);
        long media = readUint32(b, start + 4);
        int fci = start + 8;
        if (fmt == RtcpPacket.PictureLossIndication.FMT) {
            return fci == end ? new RtcpPacket.PictureLossIndication(sender, media) : null;
        }
        if (fmt == RtcpPacket.FullIntraRequest.FMT) {
            if (end == fci || (end - fci) % 8 != 0) {
                return null;
            }
            List<FirEntry> entries = new ArrayList<>();
            for (int at = fci; at < end; at += 8) {
                entries.add(new FirEntry(readUint32(b, at), b[at + 4] & 0xFF));
            }
            return new RtcpPacket.FullIntraRequest(sender, List.copyOf(entries));
        }
        if (fmt == RtcpPacket.Remb.FMT && end - fci >= 8 && (int) readUint32(b, fci) == REMB_ID) {
            int numSsrc = b[fci + 4] & 0xFF;
            if (end - fci != 8 + 4 * numSsrc) {
                return null;
            }
            int exponent = (b[fci + 5] & 0xFF) >> 2;
            long mantissa = ((b[fci + 5] & 0x03L) << 16) | ((b[fci + 6] & 0xFF) << 8) | (b[fci + 7] & 0xFF);
            if (exponent > 46) {
                return null; // would overflow a long; no real link is that fast
            }
            List<Long> ssrcs = new ArrayList<>(numSsrc);
            for (int i = 0; i < numSsrc; i++) {
                ssrcs.add(readUint32(b, fci + 8 + 4 * i));
            }
            return new RtcpPacket.Remb(sender, mantissa << exponent, List.copyOf(ssrcs));
        }
        return new RtcpPacket.Unknown(RtcpPacket.PSFB, fmt, Arrays.copyOfRange(b, start, end));
    }

    /**
     * SDES text and a BYE reason are UTF-8 (RFC 3550 section 6.5); null if these bytes are not. Decoded leniently,
     * bad bytes became three-byte replacement characters, and the text no longer fitted its length byte when
     * encoded again (found writing RtcpParserFuzzTest, whose encode-parse-encode check fails on such a CNAME).
     */
    private static String utf8(byte[] b, int at, int length) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(b, at, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static int readUint16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static long readUint32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }
}
