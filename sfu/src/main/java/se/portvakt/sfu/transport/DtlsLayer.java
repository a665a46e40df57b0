package se.portvakt.sfu.transport;

import java.util.function.Consumer;
import se.portvakt.sfu.sdp.Fingerprint;
import se.portvakt.sfu.srtp.SrtpKeys;

/**
 * The seam where the DTLS 1.2 server ({@code se.portvakt.sfu.dtls}, written separately) plugs
 * into the SFU. The SFU owns the socket and the demux; the DTLS layer only sees the records
 * of each peer and hands back SRTP keys.
 *
 * <p>Contract: {@link #accept} is called once per participant when its offer is answered;
 * {@code onKeys} is called at most once, from any thread, after the handshake succeeded and
 * the client certificate matched {@code remoteFingerprint}; the SFU then opens an
 * {@code SrtpSession} and media flows.
 */
public interface DtlsLayer {
    /** Our certificate's fingerprint, put into every answer (a=fingerprint). */
    Fingerprint fingerprint();

    /**
     * Starts the server side of one association.
     *
     * @param remoteFingerprint the a=fingerprint of the peer's offer, to check its certificate against
     * @param toPeer            sends one DTLS datagram to the peer's nominated address
     * @param onKeys            receives the keys split with {@code SrtpKeys.fromDtls(profile, material, true)}
     */
    DtlsAssociation accept(Fingerprint remoteFingerprint, PacketSink toPeer, Consumer<SrtpKeys> onKeys);
}
