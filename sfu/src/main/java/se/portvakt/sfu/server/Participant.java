package se.portvakt.sfu.server;

import java.util.concurrent.atomic.AtomicLong;
import se.portvakt.sfu.forward.Endpoint;
import se.portvakt.sfu.ice.IceSession;
import se.portvakt.sfu.transport.DtlsAssociation;

/**
 * One joined browser: its ICE session, its DTLS association, its forwarding endpoint, the path ICE nominated (a
 * UDP address or an ICE-TCP connection; null until then, and packets to it are dropped before), and what its
 * latest offer settled.
 *
 * @param sessionId the o= session id of every answer to this connection
 * @param answers   how many answers it got: the next answer's o= version
 */
record Participant(String id, Room room, IceSession ice, Endpoint endpoint, Holder<DtlsAssociation> dtls,
                   Holder<PeerPath> path, Holder<Negotiated> negotiated, long sessionId,
                   AtomicLong answers) {

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
