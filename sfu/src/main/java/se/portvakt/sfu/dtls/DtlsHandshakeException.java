package se.portvakt.sfu.dtls;

import java.io.IOException;

/** A DTLS handshake that ended without SRTP keys, and why. */
public final class DtlsHandshakeException extends IOException {

    /** Why a handshake failed. */
    public enum Reason {
        /** The client certificate was missing or did not match the SDP fingerprint. */
        FINGERPRINT_MISMATCH,
        /** The client offered no use_srtp extension, or no profile we support. */
        NO_COMMON_SRTP_PROFILE,
        /** No completed handshake within the handshake timeout. */
        TIMEOUT,
        /** The session was closed before the handshake finished. */
        CLOSED,
        /** Never started: every handshake thread was busy and the queue full (or the DTLS layer was closed). */
        REFUSED,
        /** Anything else: a malformed or unexpected message, an alert from the client, a crypto failure. */
        PROTOCOL_ERROR
    }

    private final Reason reason;

    DtlsHandshakeException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
