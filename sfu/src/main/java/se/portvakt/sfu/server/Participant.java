package se.portvakt.sfu.server;

import java.net.InetSocketAddress;
import java.util.Map;
import se.portvakt.sfu.forward.Endpoint;
import se.portvakt.sfu.forward.MediaKind;
import se.portvakt.sfu.ice.IceSession;
import se.portvakt.sfu.transport.DtlsAssociation;

/**
 * One joined browser: its ICE session, its DTLS association, its forwarding endpoint, and
 * the address ICE nominated (null until then; datagrams to it are dropped before).
 *
 * @param kinds payload type to media kind, from the accepted m-sections of its offer
 * @param pli   payload types whose codec negotiated "nack pli" (else FIR is used)
 * @param vp8   payload types of VP8 (subscribers start at a keyframe)
 * @param audioLevelId the negotiated extmap id of RFC 6464 audio levels, or -1
 */
record Participant(String id, Room room, IceSession ice, Endpoint endpoint, Holder<DtlsAssociation> dtls,
                   Holder<InetSocketAddress> address, Map<Integer, MediaKind> kinds, java.util.Set<Integer> pli,
                   java.util.Set<Integer> vp8, int audioLevelId) {

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
