package se.portvakt.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain's arithmetic. A record's link is SHA-256 over the previous link and every sealed field of the
 * record, each written as {@code <length>:<value>} (or {@code -} for null) so no two rows can encode alike.
 * Personal data enters only as its hash, so erasing it leaves the link computable.
 */
final class ChainHash {

    /** The link before a chain's first record. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {}

    static String link(String previous, long seq, String chain, SealedRow row) {
        StringBuilder text = new StringBuilder();
        for (Object field : new Object[] {
            previous,
            seq,
            chain,
            row.id(),
            row.occurredAt() == null ? null : ChronoUnit.MICROS.between(java.time.Instant.EPOCH, row.occurredAt()),
            row.actor(),
            row.action(),
            row.subject(),
            row.meetingId(),
            row.personIndex(),
            row.method(),
            row.level(),
            row.simulated(),
            row.detail() == null ? null : sha256Hex(row.detail()),
            row.personalHash()
        }) {
            String value = field == null ? null : field.toString();
            text.append(value == null ? "-" : value.length() + ":" + value).append('\n');
        }
        return sha256Hex(text.toString());
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
