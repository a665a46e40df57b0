package se.portvakt.identity.bankid;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import se.portvakt.config.SecretKeys;

/**
 * BankID's animated QR code: {@code bankid.<qrStartToken>.<t>.<qrAuthCode>}, where t is the whole seconds since
 * the auth response arrived and qrAuthCode is hex(HMAC-SHA256(key = qrStartSecret, message = t in decimal)).
 * A new string every second, so a photo of the screen is useless a moment later.
 */
public final class AnimatedQr {

    static final String PREFIX = "bankid.";

    private AnimatedQr() {}

    public static String code(String qrStartToken, String qrStartSecret, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("t counts up from the auth response: " + seconds);
        }
        return PREFIX + qrStartToken + "." + seconds + "." + authCode(qrStartSecret, seconds);
    }

    /** The code to show at {@code now} for an order whose auth response arrived at {@code authAt}. */
    public static String code(String qrStartToken, String qrStartSecret, Instant authAt, Instant now) {
        return code(qrStartToken, qrStartSecret, secondsBetween(authAt, now));
    }

    /** Whole seconds from {@code from} to {@code to}, never negative (clocks of two nodes may differ a little). */
    public static long secondsBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000);
    }

    public static String authCode(String qrStartSecret, long seconds) {
        byte[] mac = SecretKeys.hmac(
                qrStartSecret.getBytes(StandardCharsets.US_ASCII),
                Long.toString(seconds).getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac);
    }

    /** A scanned string taken apart; empty when it is not an animated BankID QR code at all. */
    public static Optional<Scanned> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 4
                || !parts[0].equals("bankid")
                || parts[1].isEmpty()
                || !parts[2].matches("\\d{1,9}")
                || !parts[3].matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return Optional.of(new Scanned(parts[1], Long.parseLong(parts[2]), parts[3]));
    }

    /** The three parts of a scanned code. */
    public record Scanned(String qrStartToken, long seconds, String authCode) {}
}
