package se.portvakt.sfu.transport;

/**
 * Where a finished (protected) datagram for one peer goes: the UDP socket in production,
 * an in-memory link in tests. The bytes are only valid during the call.
 */
@FunctionalInterface
public interface PacketSink {
    void send(byte[] buf, int off, int len);
}
