package se.portvakt.guest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * One invitee's one-time code state and the rules that move it. At most one live code: a new one replaces
 * the last. Wrong tries are counted across codes (a new code does not forgive them) until a right code
 * or a lock; the lock throws the code away, so after it only a new code works.
 *
 * @param codeHash the live code's hash, or null
 * @param method how the live code was sent, or null
 * @param expiresAt when the live code stops working, or null
 * @param failedAttempts wrong tries since the last success or lock
 * @param lockedUntil until when every code is refused, or null
 */
record CodeState(
        String codeHash, IdentificationMethod method, Instant expiresAt, int failedAttempts, Instant lockedUntil) {

    static final CodeState NONE = new CodeState(null, null, null, 0, null);

    /** What a try came to. */
    sealed interface Outcome {}

    record Verified(IdentificationMethod method) implements Outcome {}

    record Wrong(int attemptsLeft) implements Outcome {}

    record Locked(Instant until, boolean justNow) implements Outcome {}

    /** A try's outcome and the state to store after it. */
    record Checked(Outcome outcome, CodeState next) {}

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    boolean liveAt(Instant now) {
        return codeHash != null && now.isBefore(expiresAt);
    }

    /** A freshly sent code replaces the live one; the count of wrong tries stands. */
    CodeState withCode(String hash, IdentificationMethod sentBy, Instant now, Duration validity) {
        return new CodeState(hash, sentBy, now.plus(validity), failedAttempts, lockedAt(now) ? lockedUntil : null);
    }

    /** Checks a typed code (by its hash) at {@code now}. */
    Checked check(String typedHash, Instant now, int maxAttempts, Duration lockDuration) {
        if (lockedAt(now)) {
            return new Checked(new Locked(lockedUntil, false), this);
        }
        if (liveAt(now) && MessageDigest.isEqual(bytes(codeHash), bytes(typedHash))) {
            return new Checked(new Verified(method), NONE); // single use
        }
        int failed = failedAttempts + 1;
        if (failed >= maxAttempts) {
            Instant until = now.plus(lockDuration);
            return new Checked(new Locked(until, true), new CodeState(null, null, null, 0, until));
        }
        return new Checked(new Wrong(maxAttempts - failed), new CodeState(codeHash, method, expiresAt, failed, null));
    }

    private static byte[] bytes(String hex) {
        return hex == null ? new byte[0] : hex.getBytes(StandardCharsets.US_ASCII);
    }
}
