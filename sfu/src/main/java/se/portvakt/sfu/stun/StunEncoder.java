package se.portvakt.sfu.stun;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds one STUN message. Attributes are written in the order added; integrity and
 * fingerprint, if asked for, are appended last in that order by {@link #encode}.
 */
public final class StunEncoder {
    private final int type;
    private final byte[] transactionId;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private byte padding;

    public StunEncoder(int type, byte[] transactionId) {
        if (transactionId.length != 12) {
            throw new IllegalArgumentException("a transaction id is 96 bits");
        }
        this.type = type;
        this.transactionId = transactionId.clone();
    }

    /** Padding byte value; RFC 8489 lets it be anything, RFC 5769's vectors use 0x20. */
    StunEncoder padding(int value) {
        this.padding = (byte) value;
        return this;
    }

    public StunEncoder attribute(int attributeType, byte[] value) {
        body.write(attributeType >> 8);
        body.write(attributeType);
        body.write(value.length >> 8);
        body.write(value.length);
        body.writeBytes(value);
        for (int i = value.length; i % 4 != 0; i++) {
            body.write(padding);
        }
        return this;
    }

    public StunEncoder username(String username) {
        return attribute(StunAttributeType.USERNAME, username.getBytes(StandardCharsets.UTF_8));
    }

    public StunEncoder software(String software) {
        return attribute(StunAttributeType.SOFTWARE, software.getBytes(StandardCharsets.UTF_8));
    }

    public StunEncoder priority(long priority) {
        return attribute(StunAttributeType.PRIORITY, uint32(priority));
    }

    public StunEncoder useCandidate() {
        return attribute(StunAttributeType.USE_CANDIDATE, new byte[0]);
    }

    public StunEncoder iceControlling(long tieBreaker) {
        return attribute(StunAttributeType.ICE_CONTROLLING, uint64(tieBreaker));
    }

    public StunEncoder iceControlled(long tieBreaker) {
        return attribute(StunAttributeType.ICE_CONTROLLED, uint64(tieBreaker));
    }

    public StunEncoder xorMappedAddress(InetSocketAddress address) {
        return attribute(StunAttributeType.XOR_MAPPED_ADDRESS, XorAddress.encode(address, transactionId));
    }

    /** UNKNOWN-ATTRIBUTES (RFC 8489 section 14.9): the types a 420 response refuses. */
    public StunEncoder unknownAttributes(List<Integer> types) {
        byte[] value = new byte[2 * types.size()];
        for (int i = 0; i < types.size(); i++) {
            value[2 * i] = (byte) (types.get(i) >> 8);
            value[2 * i + 1] = (byte) (int) types.get(i);
        }
        return attribute(StunAttributeType.UNKNOWN_ATTRIBUTES, value);
    }

    public StunEncoder errorCode(ErrorCode error) {
        return attribute(StunAttributeType.ERROR_CODE, error.encode());
    }

    /**
     * The finished message.
     *
     * @param integrityKey HMAC key for MESSAGE-INTEGRITY, or null for none
     * @param fingerprint  whether to append FINGERPRINT
     */
    public byte[] encode(byte[] integrityKey, boolean fingerprint) {
        byte[] attrs = body.toByteArray();
        int length = attrs.length + (integrityKey != null ? 24 : 0) + (fingerprint ? 8 : 0);
        byte[] out = new byte[StunMessage.HEADER_LENGTH + length];
        out[0] = (byte) (type >> 8);
        out[1] = (byte) type;
        out[2] = (byte) (length >> 8);
        out[3] = (byte) length;
        out[4] = (byte) (StunMessage.MAGIC_COOKIE >>> 24);
        out[5] = (byte) (StunMessage.MAGIC_COOKIE >>> 16);
        out[6] = (byte) (StunMessage.MAGIC_COOKIE >>> 8);
        out[7] = (byte) StunMessage.MAGIC_COOKIE;
        System.arraycopy(transactionId, 0, out, 8, 12);
        System.arraycopy(attrs, 0, out, StunMessage.HEADER_LENGTH, attrs.length);
        int pos = StunMessage.HEADER_LENGTH + attrs.length;
        if (integrityKey != null) {
            byte[] mac = StunIntegrity.hmac(out, pos, integrityKey);
            writeHeader(out, pos, StunAttributeType.MESSAGE_INTEGRITY, mac.length);
            System.arraycopy(mac, 0, out, pos + 4, mac.length);
            pos += 24;
        }
        if (fingerprint) {
            int crc = StunIntegrity.crc(out, pos);
            writeHeader(out, pos, StunAttributeType.FINGERPRINT, 4);
            System.arraycopy(uint32(crc & 0xFFFFFFFFL), 0, out, pos + 4, 4);
        }
        return out;
    }

    private static void writeHeader(byte[] out, int at, int attributeType, int length) {
        out[at] = (byte) (attributeType >> 8);
        out[at + 1] = (byte) attributeType;
        out[at + 2] = (byte) (length >> 8);
        out[at + 3] = (byte) length;
    }

    private static byte[] uint32(long v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    private static byte[] uint64(long v) {
        byte[] out = new byte[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) v;
            v >>>= 8;
        }
        return out;
    }
}
