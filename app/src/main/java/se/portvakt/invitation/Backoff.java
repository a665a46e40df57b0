package se.portvakt.invitation;

import java.time.Duration;

/** How long to wait before trying a message again: doubling from {@code first}, never more than {@code max}. */
record Backoff(Duration first, Duration max) {

    /** 30 s, 1 min, 2 min, 4 min ... 1 h: ten attempts span about three hours. */
    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    /** The wait after the given number of failed attempts (1 for the first failure). */
    Duration after(int failedAttempts) {
        // past 2^20 times the first wait any sane max has long been reached, and the shift cannot overflow
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
