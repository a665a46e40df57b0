package se.portvakt.sfu.server;

import java.util.concurrent.atomic.AtomicLong;
import se.portvakt.sfu.forward.Endpoint;
import se.portvakt.sfu.ice.IceSession;
import se.portvakt.sfu.sdp.Fingerprint;
import se.portvakt.sfu.transport.DtlsAssociation;

/**
 * One joined browser: its ICE session (replaced by an ICE restart), its DTLS association, its forwarding endpoint,
 * the path ICE nominated (a UDP address or an ICE-TCP connection; null until then, and packets to it are dropped
 * before), and what its latest offer settled.
 *
 * @param certificate the fingerprint its first offer named: the same one with new ICE credentials is an ICE restart
 *                    of this connection, another one a new connection (a reloaded tab)
 * @param sessionId   the o= session id of every answer to this connection
 * @param answers   how many answers it got: the next answer's o= version
 * @param hearing   when its browser was last heard, for telling the others when its path is lost
 */
record Participant(
        String id,
        Room room,
        Holder<IceSession> iceSession,
        Fingerprint certificate,
        Endpoint endpoint,
        Holder<DtlsAssociation> dtls,
        Holder<PeerPath> path,
        Holder<Negotiated> negotiated,
        long sessionId,
        AtomicLong answers,
        Hearing hearing) {

    IceSession ice() {
        return iceSession.get();
    }

    Negotiated current() {
        Negotiated n = negotiated.get();
        return n == null ? Negotiated.NOTHING : n;
    }

    /** A late-bound, safely published reference (the DTLS association needs the participant's sink first). */
    static final class Holder<T> {
        private volatile T value;

        T get() {
            return value;
        }

        void set(T value) {
            this.value = value;
        }
    }
}
