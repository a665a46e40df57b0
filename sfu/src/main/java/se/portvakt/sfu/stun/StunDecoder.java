package se.portvakt.sfu.stun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parses STUN messages (RFC 8489 section 5). Never throws on bad input: anything malformed
 * yields an empty result, so a hostile datagram costs a parse attempt and nothing more.
 */
public final class StunDecoder {

    private StunDecoder() {}

    public static Optional<StunMessage> decode(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < StunMessage.HEADER_LENGTH || off + len > buf.length) {
            return Optional.empty();
        }
        // The two top bits are zero in every STUN message; the demux already relied on that.
        if ((buf[off] & 0xC0) != 0) {
            return Optional.empty();
        }
        int type = readUint16(buf, off);
        int bodyLength = readUint16(buf, off + 2);
        if (bodyLength % 4 != 0 || StunMessage.HEADER_LENGTH + bodyLength != len) {
            return Optional.empty();
        }
        if (readInt32(buf, off + 4) != StunMessage.MAGIC_COOKIE) {
            return Optional.empty();
        }
        byte[] raw = Arrays.copyOfRange(buf, off, off + len);
        byte[] transactionId = Arrays.copyOfRange(raw, 8, 20);
        List<StunAttribute> attributes = new ArrayList<>();
        int pos = StunMessage.HEADER_LENGTH;
        boolean sawIntegrity = false;
        boolean sawFingerprint = false;
        while (pos < len) {
            if (pos + 4 > len) {
                return Optional.empty();
            }
            int attrType = readUint16(raw, pos);
            int attrLength = readUint16(raw, pos + 2);
            int padded = (attrLength + 3) & ~3;
            if (pos + 4 + padded > len) {
                return Optional.empty();
            }
            // Invariant (RFC 8489 section 14.5, 14.7): only FINGERPRINT may follow
            // MESSAGE-INTEGRITY, and nothing may follow FINGERPRINT.
            if (sawFingerprint) {
                return Optional.empty();
            }
            if (sawIntegrity && attrType != StunAttributeType.FINGERPRINT) {
                pos += 4 + padded;
                continue; // ignored as the RFC requires, not exposed
            }
            if (attrType == StunAttributeType.MESSAGE_INTEGRITY) {
                if (attrLength != 20) {
                    return Optional.empty();
                }
                sawIntegrity = true;
            } else if (attrType == StunAttributeType.FINGERPRINT) {
                if (attrLength != 4) {
                    return Optional.empty();
                }
                sawFingerprint = true;
            }
            attributes.add(new StunAttribute(attrType, Arrays.copyOfRange(raw, pos + 4, pos + 4 + attrLength), pos));
            pos += 4 + padded;
        }
        return Optional.of(new StunMessage(type, transactionId, List.copyOf(attributes), raw));
    }

    static int readUint16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static int readInt32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
