package se.portvakt.sfu.server;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * When a participant's browser was last heard (any STUN check, DTLS, RTP or RTCP packet from it) and whether its
 * path is judged lost. A connected browser is never quiet for long: it sends RTCP about every second and a consent
 * check every five (RFC 7675), so six silent seconds mean the network is gone. Loop thread only.
 */
final class Hearing {
    static final long LOST_AFTER = TimeUnit.SECONDS.toNanos(6);

    private long lastHeard;
    private boolean heardOnce;
    private boolean lost;

    /** How long nothing has come from the browser, at {@code now}; 0 before it was first heard. */
    long silentFor(long now) {
        return heardOnce ? now - lastHeard : 0;
    }

    void heard(long now) {
        lastHeard = now;
        heardOnce = true;
    }

    /** The new judgement when it changed at {@code now}; nothing before the browser was first heard. */
    Optional<Boolean> judge(long now) {
        if (!heardOnce) {
            return Optional.empty();
        }
        boolean quiet = now - lastHeard > LOST_AFTER;
        if (quiet == lost) {
            return Optional.empty();
        }
        lost = quiet;
        return Optional.of(lost);
    }
}
