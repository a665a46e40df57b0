package se.portvakt.sfu.ice;

import java.net.InetSocketAddress;

/**
 * What {@link IceLiteAgent#handle} decided about one STUN datagram.
 *
 * @param response  bytes to send back to {@code to}, or null to stay silent
 * @param to        where the datagram came from
 * @param session   the session it belonged to, or null if none matched
 * @param nominated true if this check nominated (or moved) the session's selected pair
 */
public record IceOutcome(byte[] response, InetSocketAddress to, IceSession session, boolean nominated) {

    static IceOutcome silent(InetSocketAddress from) {
        return new IceOutcome(null, from, null, false);
    }

    public boolean hasResponse() {
        return response != null;
    }
}
