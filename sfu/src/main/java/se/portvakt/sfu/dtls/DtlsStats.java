package se.portvakt.sfu.dtls;

import java.util.concurrent.atomic.AtomicLong;

/** Counters for all DTLS sessions of one SFU; shared between threads. */
public final class DtlsStats {

    private final AtomicLong handshakesCompleted = new AtomicLong();
    private final AtomicLong handshakesFailed = new AtomicLong();
    private final AtomicLong fingerprintMismatches = new AtomicLong();
    private final AtomicLong noCommonSrtpProfile = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong datagramsDropped = new AtomicLong();

    /** Handshakes that ended with SRTP keys. */
    public long handshakesCompleted() {
        return handshakesCompleted.get();
    }

    /** Handshakes that ended without keys, for any reason (including the four below). */
    public long handshakesFailed() {
        return handshakesFailed.get();
    }

    /** Client certificates that did not match the SDP fingerprint, or were missing. */
    public long fingerprintMismatches() {
        return fingerprintMismatches.get();
    }

    /** Clients that offered no use_srtp profile we support. */
    public long noCommonSrtpProfile() {
        return noCommonSrtpProfile.get();
    }

    /** Handshakes that did not finish within the handshake timeout. */
    public long timeouts() {
        return timeouts.get();
    }

    /** Handshakes refused because every handshake thread was busy and the queue full (or the layer closed). */
    public long refused() {
        return refused.get();
    }

    /** Inbound datagrams dropped because a session's queue was full or closed. */
    public long datagramsDropped() {
        return datagramsDropped.get();
    }

    void handshakeCompleted() {
        handshakesCompleted.incrementAndGet();
    }

    void handshakeFailed() {
        handshakesFailed.incrementAndGet();
    }

    void fingerprintMismatch() {
        fingerprintMismatches.incrementAndGet();
    }

    void srtpProfileMissing() {
        noCommonSrtpProfile.incrementAndGet();
    }

    void timeout() {
        timeouts.incrementAndGet();
    }

    void refusal() {
        refused.incrementAndGet();
    }

    void datagramDropped() {
        datagramsDropped.incrementAndGet();
    }

    @Override
    public String toString() {
        return "DtlsStats[completed=" + handshakesCompleted + ", failed=" + handshakesFailed
                + ", fingerprintMismatches=" + fingerprintMismatches + ", noCommonSrtpProfile=" + noCommonSrtpProfile
                + ", timeouts=" + timeouts + ", refused=" + refused + ", datagramsDropped=" + datagramsDropped + "]";
    }
}
