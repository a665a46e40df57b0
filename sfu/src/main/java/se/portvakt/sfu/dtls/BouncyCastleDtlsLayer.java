package se.portvakt.sfu.dtls;

import java.util.Arrays;
import java.util.function.Consumer;
import se.portvakt.sfu.srtp.SrtpKeys;
import se.portvakt.sfu.transport.DtlsAssociation;
import se.portvakt.sfu.transport.DtlsLayer;
import se.portvakt.sfu.transport.PacketSink;

/**
 * The SFU's DTLS layer: one certificate for the process, one {@link DtlsSession} per participant, its
 * handshake on a bounded pool of handshake threads from the browser's first DTLS datagram on (it blocks; see
 * docs/sfu-dtls.md), no thread before that datagram nor after the handshake.
 * Bridges this package's types to the ones the forwarding core speaks (sdp fingerprints, srtp keys).
 */
public final class BouncyCastleDtlsLayer implements DtlsLayer, AutoCloseable {

    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private final DtlsStats stats = new DtlsStats();
    private final DtlsThreads threads;

    /** With {@link HandshakeLimits#DEFAULTS}. */
    public BouncyCastleDtlsLayer() {
        this(HandshakeLimits.DEFAULTS);
    }

    /** A handshake beyond {@code limits} is refused: counted in {@link DtlsStats#refused()}, no keys. */
    public BouncyCastleDtlsLayer(HandshakeLimits limits) {
        this.threads = new DtlsThreads(limits);
    }

    @Override
    public se.portvakt.sfu.sdp.Fingerprint fingerprint() {
        String[] sdp = certificate.fingerprint().toSdp().split(" ", 2);
        return new se.portvakt.sfu.sdp.Fingerprint(sdp[0], sdp[1]);
    }

    @Override
    public DtlsAssociation accept(
            se.portvakt.sfu.sdp.Fingerprint remoteFingerprint, PacketSink toPeer, Consumer<SrtpKeys> onKeys) {
        DtlsSession session = new DtlsSession(
                certificate,
                Fingerprint.parse(remoteFingerprint.algorithm(), remoteFingerprint.value()),
                datagram -> toPeer.send(datagram, 0, datagram.length),
                stats);
        session.start(threads.handshakes(), threads.records()).thenAccept(onKeys);
        return new DtlsAssociation() {
            @Override
            public void receive(byte[] buf, int off, int len) {
                // called on the socket loop, whose buffer is reused: the session keeps a copy
                session.receive(Arrays.copyOfRange(buf, off, off + len));
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    public DtlsStats stats() {
        return stats;
    }

    @Override
    public void close() {
        threads.close();
    }
}
