package se.portvakt.sfu.transport;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import se.portvakt.sfu.sdp.Fingerprint;
import se.portvakt.sfu.srtp.SrtpKeys;

/**
 * Stand-in until {@code se.portvakt.sfu.dtls} exists: answers with a placeholder fingerprint
 * and drops (counts) every DTLS record, so no keys are ever produced and no media flows to a
 * real browser. ICE still completes, which is what it is for.
 */
public final class NoDtls implements DtlsLayer {
    /** SHA-256 of nothing in particular: browsers accept the syntax, DTLS would fail the check. */
    private static final Fingerprint PLACEHOLDER = new Fingerprint(
            "sha-256",
            "00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00");

    private final LongAdder dropped = new LongAdder();

    @Override
    public Fingerprint fingerprint() {
        return PLACEHOLDER;
    }

    @Override
    public DtlsAssociation accept(Fingerprint remoteFingerprint, PacketSink toPeer, Consumer<SrtpKeys> onKeys) {
        return new DtlsAssociation() {
            @Override
            public void receive(byte[] buf, int off, int len) {
                dropped.increment();
            }

            @Override
            public void close() {}
        };
    }

    public long dropped() {
        return dropped.sum();
    }
}
