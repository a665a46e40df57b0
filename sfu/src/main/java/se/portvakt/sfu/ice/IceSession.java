package se.portvakt.sfu.ice;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The ICE state of one peer connection on the lite side: its credentials, the pair the
 * controlling peer nominated, and when a check last succeeded (for consent freshness).
 *
 * <p>Mutated only by {@link IceLiteAgent}, which holds the lock.
 */
public final class IceSession {
    private final IceCredentials local;
    private final IceCredentials remote;
    private final Instant created;
    private Instant lastValidCheck;
    private InetSocketAddress nominated;
    private InetSocketAddress lastSeen;

    IceSession(IceCredentials local, IceCredentials remote, Instant created) {
        this.local = local;
        this.remote = remote;
        this.created = created;
    }

    public IceCredentials local() {
        return local;
    }

    /** The remote credentials from the offer; the remote ufrag must match USERNAME's second half. */
    public IceCredentials remote() {
        return remote;
    }

    /** The address the controlling peer nominated with USE-CANDIDATE, once it has. */
    public synchronized Optional<InetSocketAddress> nominated() {
        return Optional.ofNullable(nominated);
    }

    /** When a check with valid integrity last arrived; empty before the first. */
    public synchronized Optional<Instant> lastValidCheck() {
        return Optional.ofNullable(lastValidCheck);
    }

    /** The most recent source address of a valid check (before nomination, the candidate in use). */
    public synchronized Optional<InetSocketAddress> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    /**
     * Consent lapses when no valid check arrived for {@code timeout} (RFC 7675: 30 s);
     * a session that never got one counts from its creation.
     */
    public synchronized boolean expired(Instant now, Duration timeout) {
        Instant since = lastValidCheck != null ? lastValidCheck : created;
        return !now.isBefore(since.plus(timeout));
    }

    /** Records a valid check; returns true if this check newly nominated or moved the pair. */
    synchronized boolean checked(InetSocketAddress from, boolean useCandidate, Instant now) {
        lastValidCheck = now;
        lastSeen = from;
        if (useCandidate && !from.equals(nominated)) {
            nominated = from;
            return true;
        }
        return false;
    }
}
