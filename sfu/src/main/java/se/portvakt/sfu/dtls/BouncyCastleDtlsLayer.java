package se.portvakt.sfu.dtls;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import se.portvakt.sfu.srtp.SrtpKeys;
import se.portvakt.sfu.transport.DtlsAssociation;
import se.portvakt.sfu.transport.DtlsLayer;
import se.portvakt.sfu.transport.PacketSink;

/**
 * The SFU's DTLS layer: one certificate for the process, one {@link DtlsSession} per participant, each on a
 * thread of its own (the handshake blocks; see docs/sfu-dtls.md). Bridges this package's types to the ones
 * the forwarding core speaks (sdp fingerprints, srtp keys).
 */
public final class BouncyCastleDtlsLayer implements DtlsLayer, AutoCloseable {

    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private final DtlsStats stats = new DtlsStats();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sfu-dtls");
        thread.setDaemon(true);
        return thread;
    });

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
        session.start(threads).thenAccept(onKeys);
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
        threads.shutdownNow();
    }
}
