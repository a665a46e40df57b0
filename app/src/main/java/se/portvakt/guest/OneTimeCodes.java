package se.portvakt.guest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import se.portvakt.config.SecretKeys;

/**
 * Six-digit one-time codes and their keyed hashes. Only the hash is stored; it is bound to the invitee,
 * so a code sent for one invitation is worthless for any other, and a stolen table reveals no code
 * without the service's secret key.
 */
final class OneTimeCodes {

    static final int DIGITS = 6;
    private static final int BOUND = 1_000_000;

    private final byte[] key;
    private final SecureRandom random;

    OneTimeCodes(byte[] key, SecureRandom random) {
        this.key = key.clone();
        this.random = random;
    }

    String generate() {
        return String.format("%06d", random.nextInt(BOUND));
    }

    /** Hex HMAC-SHA256 of the invitee id and the code. */
    String hash(UUID inviteeId, String code) {
        byte[] digits = code.getBytes(StandardCharsets.US_ASCII);
        byte[] message = ByteBuffer.allocate(16 + digits.length)
                .putLong(inviteeId.getMostSignificantBits())
                .putLong(inviteeId.getLeastSignificantBits())
                .put(digits)
                .array();
        return HexFormat.of().formatHex(SecretKeys.hmac(key, message));
    }

    /** The code as typed without spaces or dashes ("123 456"), or null when it is not six digits. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "");
        return code.matches("\\d{" + DIGITS + "}") ? code : null;
    }
}
