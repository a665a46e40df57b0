package se.portvakt.sfu.transport;

/** One peer's DTLS association, fed by the SFU's receive loop. */
public interface DtlsAssociation extends AutoCloseable {
    /**
     * A datagram the demux classified as DTLS (first byte 20-63) from this peer's address.
     * Must not block: the receive loop serves every peer; copy and hand off to a handshake thread.
     * The bytes are only valid during the call.
     */
    void receive(byte[] buf, int off, int len);

    @Override
    void close();
}
