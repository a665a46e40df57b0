package se.portvakt.sfu.server;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import se.portvakt.sfu.ice.IceLiteAgent;
import se.portvakt.sfu.ice.IceSession;
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.transport.DtlsAssociation;

/**
 * Every joined browser of every room, found by our ICE username fragment (a STUN check), by the UDP address or by
 * the ICE-TCP connection ICE nominated (every other packet); and the one way out, which releases what a
 * participant held.
 */
final class Participants {
    private final IceLiteAgent ice;
    private final SfuEvents events;
    private final Map<String, Participant> byUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, Participant> byAddress = new ConcurrentHashMap<>();
    private final Map<TcpConnection, Participant> byConnection = new ConcurrentHashMap<>();

    Participants(IceLiteAgent ice, SfuEvents events) {
        this.ice = ice;
        this.events = events;
    }

    void add(Participant participant) {
        byUfrag.put(participant.ice().local().ufrag(), participant);
    }

    /**
     * An ICE restart: the participant answers to {@code fresh}'s credentials from now on and no longer to the old
     * ones. Its path stays until the browser nominates one of the new session (the old one may still carry media).
     */
    void restartIce(Participant participant, IceSession fresh) {
        IceSession old = participant.ice();
        byUfrag.put(fresh.local().ufrag(), participant);
        participant.iceSession().set(fresh);
        byUfrag.remove(old.local().ufrag(), participant);
        ice.close(old);
    }

    /** The participant whose nominated UDP address this is, or null. */
    Participant at(InetSocketAddress address) {
        return byAddress.get(address);
    }

    /** The participant whose nominated path this ICE-TCP connection is, or null. */
    Participant on(TcpConnection connection) {
        return byConnection.get(connection);
    }

    /** The participant of an ICE session, or null when it left meanwhile. */
    Participant of(IceSession session) {
        return byUfrag.get(session.local().ufrag());
    }

    /** ICE nominated {@code path} for the session's participant: its packets are sent there from now on. */
    void nominate(IceSession session, PeerPath path, long now) {
        Participant p = of(session);
        if (p == null) {
            return;
        }
        PeerPath previous = p.path().get();
        if (path.equals(previous)) {
            return;
        }
        if (previous != null) {
            unmap(previous, p, now);
        }
        p.path().set(path);
        if (path instanceof TcpConnection tcp) {
            byConnection.put(tcp, p);
            tcp.carriesMedia(true, now);
        } else {
            byAddress.put(path.remote(), p);
        }
        if (previous != null) {
            p.endpoint().pathMoved(now); // after the switch: the keyframe request to it goes the new way
        }
    }

    /** An ICE-TCP connection closed: whoever used it keeps its streams until ICE finds another path or consent lapses. */
    void closed(TcpConnection connection) {
        Participant p = byConnection.remove(connection);
        if (p != null && p.path().get() == connection) { // both on the loop thread: no race
            p.path().set(null);
        }
    }

    /** Takes the participant out of its room and closes its ICE session, DTLS association, SRTP and TCP path. */
    void remove(Room room, String participantId) {
        Participant gone = room.leave(participantId);
        if (gone == null) {
            return;
        }
        // their packets stop being theirs before the others are told to offer again (which may take a while)
        byUfrag.remove(gone.ice().local().ufrag());
        PeerPath path = gone.path().get();
        if (path != null) {
            unmap(path, gone, System.nanoTime());
            if (path instanceof TcpConnection tcp) {
                tcp.close();
            }
        }
        events.renegotiations(room);
        ice.close(gone.ice());
        DtlsAssociation association = gone.dtls().get();
        if (association != null) {
            association.close();
        }
        SrtpSession session = gone.endpoint().transport().session();
        if (session != null) {
            session.close();
        }
    }

    private void unmap(PeerPath path, Participant p, long now) {
        if (path instanceof TcpConnection tcp) {
            byConnection.remove(tcp, p);
            tcp.carriesMedia(false, now); // closed when idle too long, unless ICE comes back to it
        } else {
            byAddress.remove(path.remote(), p);
        }
    }
}
