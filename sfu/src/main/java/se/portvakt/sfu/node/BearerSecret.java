package se.portvakt.sfu.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The secret an SFU node and the app share: every control request and every event carries it as {@code
 * Authorization: Bearer <secret>}. Compared in constant time: both sides are hashed first, so neither the secret's
 * length nor the first differing character shows in the time a refusal takes.
 */
public final class BearerSecret {

    /** Shorter secrets are refused at start: a guessable secret would let anyone drive the media. */
    public static final int MIN_LENGTH = 16;

    private static final String PREFIX = "Bearer ";

    private final byte[] digest;
    private final String header;

    public BearerSecret(String secret) {
        if (secret == null || secret.isBlank() || secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the shared secret must be at least " + MIN_LENGTH + " characters");
        }
        this.digest = sha256(secret);
        this.header = PREFIX + secret;
    }

    /** Whether an {@code Authorization} header value (null when absent) carries this secret. */
    public boolean matches(String authorization) {
        String offered = authorization != null && authorization.startsWith(PREFIX)
                ? authorization.substring(PREFIX.length())
                : "";
        return MessageDigest.isEqual(digest, sha256(offered));
    }

    /** The {@code Authorization} header value to send. */
    public String header() {
        return header;
    }

    @Override
    public String toString() {
        return "BearerSecret[hidden]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
