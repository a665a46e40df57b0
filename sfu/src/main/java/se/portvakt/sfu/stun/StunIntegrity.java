package se.portvakt.sfu.stun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY (HMAC-SHA1, RFC 8489 section 14.5) and FINGERPRINT (CRC-32 xor
 * 0x5354554E, section 14.7). Both cover the message up to their own attribute, with the
 * header length field set as if that attribute ended the message.
 */
public final class StunIntegrity {
    static final int FINGERPRINT_XOR = 0x5354554E;
    static final int HMAC_LENGTH = 20;

    private StunIntegrity() {}

    /** Short-term credential key: the password's UTF-8 bytes (ICE never uses SASLprep'd long-term keys). */
    public static byte[] shortTermKey(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** True if the message carries MESSAGE-INTEGRITY and it matches {@code key}. */
    public static boolean verifyIntegrity(StunMessage message, byte[] key) {
        return message.attribute(StunAttributeType.MESSAGE_INTEGRITY)
                .map(mi -> {
                    byte[] expected = hmac(message.raw(), mi.offset(), key);
                    return MessageDigest.isEqual(expected, mi.value());
                })
                .orElse(false);
    }

    /** True if the message carries FINGERPRINT and it matches. */
    public static boolean verifyFingerprint(StunMessage message) {
        return message.attribute(StunAttributeType.FINGERPRINT)
                .map(fp -> {
                    int expected = crc(message.raw(), fp.offset());
                    return expected == StunDecoder.readInt32(fp.value(), 0);
                })
                .orElse(false);
    }

    /**
     * HMAC-SHA1 over {@code message[0, attributeOffset)} with the length field claiming the
     * message ends after a 24-byte MESSAGE-INTEGRITY attribute at {@code attributeOffset}.
     */
    static byte[] hmac(byte[] message, int attributeOffset, byte[] key) {
        byte[] covered = Arrays.copyOf(message, attributeOffset);
        writeLength(covered, attributeOffset + 4 + HMAC_LENGTH - StunMessage.HEADER_LENGTH);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            // HMAC pads short keys with zeros, so an empty key equals one zero byte;
            // SecretKeySpec refuses an empty array.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            return mac.doFinal(covered);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every JRE", e);
        }
    }

    /** CRC-32 xor constant over {@code message[0, attributeOffset)}, length claiming an 8-byte FINGERPRINT follows. */
    static int crc(byte[] message, int attributeOffset) {
        byte[] covered = Arrays.copyOf(message, attributeOffset);
        writeLength(covered, attributeOffset + 8 - StunMessage.HEADER_LENGTH);
        CRC32 crc = new CRC32();
        crc.update(covered);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    private static void writeLength(byte[] header, int length) {
        header[2] = (byte) (length >> 8);
        header[3] = (byte) length;
    }
}
