package se.portvakt.equipment;

import java.time.Duration;

/**
 * An echo session that was not opened.
 *
 * @param reason     {@code rate-limited} (this address tested often lately), {@code busy} (too many tests at once)
 *                   or {@code invalid} (the SFU could not use the offer)
 * @param retryAfter when trying again makes sense; zero for {@code invalid}
 */
final class EchoRefused extends RuntimeException {

    private final String reason;
    private final Duration retryAfter;

    EchoRefused(String reason, Duration retryAfter) {
        super(reason, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    String reason() {
        return reason;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
