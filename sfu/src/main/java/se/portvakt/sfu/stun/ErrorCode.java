package se.portvakt.sfu.stun;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** ERROR-CODE value: class (hundreds) and number in 21 bits, then a UTF-8 reason (RFC 8489 section 14.8). */
public record ErrorCode(int code, String reason) {

    public static final ErrorCode BAD_REQUEST = new ErrorCode(400, "Bad Request");
    public static final ErrorCode UNAUTHENTICATED = new ErrorCode(401, "Unauthenticated");
    public static final ErrorCode UNKNOWN_ATTRIBUTE = new ErrorCode(420, "Unknown Attribute");
    public static final ErrorCode ROLE_CONFLICT = new ErrorCode(487, "Role Conflict");

    public ErrorCode {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("STUN error code out of range: " + code);
        }
    }

    byte[] encode() {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[4 + text.length];
        out[2] = (byte) (code / 100);
        out[3] = (byte) (code % 100);
        System.arraycopy(text, 0, out, 4, text.length);
        return out;
    }

    static Optional<ErrorCode> decode(byte[] value) {
        if (value.length < 4) {
            return Optional.empty();
        }
        int hundreds = value[2] & 0x07;
        int number = value[3] & 0xFF;
        int code = hundreds * 100 + number;
        if (hundreds < 3 || hundreds > 6 || number > 99) {
            return Optional.empty();
        }
        return Optional.of(new ErrorCode(code, new String(value, 4, value.length - 4, StandardCharsets.UTF_8)));
    }
}
