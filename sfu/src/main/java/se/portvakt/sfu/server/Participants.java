package se.portvakt.sfu.server;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import se.portvakt.sfu.ice.IceLiteAgent;
import se.portvakt.sfu.ice.IceSession;
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.transport.DtlsAssociation;

/**
 * Every joined browser of every room, found by our ICE username fragment (a STUN check) or by the address ICE
 * nominated (every other packet); and the one way out, which releases what a participant held.
 */
final class Participants {
    private final IceLiteAgent ice;
    private final SfuEvents events;
    private final Map<String, Participant> byUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, Participant> byAddress = new ConcurrentHashMap<>();

    Participants(IceLiteAgent ice, SfuEvents events) {
        this.ice = ice;
        this.events = events;
    }

    void add(Participant participant) {
        byUfrag.put(participant.ice().local().ufrag(), participant);
    }

    /** The participant whose nominated address this is, or null. */
    Participant at(InetSocketAddress address) {
        return byAddress.get(address);
    }

    /** The participant of an ICE session, or null when it left meanwhile. */
    Participant of(IceSession session) {
        return byUfrag.get(session.local().ufrag());
    }

    /** ICE nominated {@code address} for the session's participant: its packets are sent there from now on. */
    void nominate(IceSession session, InetSocketAddress address) {
        Participant p = of(session);
        if (p == null) {
            return;
        }
        InetSocketAddress previous = p.address().get();
        if (previous != null) {
            byAddress.remove(previous, p);
        }
        p.address().set(address);
        byAddress.put(address, p);
    }

    /** Takes the participant out of its room and closes its ICE session, DTLS association and SRTP contexts. */
    void remove(Room room, String participantId) {
        Participant gone = room.leave(participantId);
        if (gone == null) {
            return;
        }
        events.renegotiations(room);
        byUfrag.remove(gone.ice().local().ufrag());
        InetSocketAddress address = gone.address().get();
        if (address != null) {
            byAddress.remove(address, gone);
        }
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
}
