package se.portvakt.sfu.srtp;

/**
 * SRTP and SRTCP for one transport (one DTLS association). All methods work in place on
 * {@code buf[off, off + len)} and return the new length, or {@link #FAILED}.
 *
 * <p>Invariant for protect: {@code buf} has room for the profile's overhead after the packet,
 * so protection never reallocates on the send path.
 */
public interface SrtpSession extends AutoCloseable {
    /** Returned when a packet fails authentication, replay checking or parsing. */
    int FAILED = -1;

    SrtpProfile profile();

    int protectRtp(byte[] buf, int off, int len);

    int unprotectRtp(byte[] buf, int off, int len);

    int protectRtcp(byte[] buf, int off, int len);

    int unprotectRtcp(byte[] buf, int off, int len);

    /** Packets rejected by unprotect since start. */
    long rejected();

    @Override
    void close();

    /**
     * Pays jitsi-srtp's one-off cost up front: on first use it benchmarks the AES
     * implementations (OpenSSL, SunJCE, BouncyCastle) for each cipher mode, about 3 s on a
     * 2-core machine, which would otherwise stall the first media packet. Call once at start.
     */
    static void warmUp() {
        for (SrtpProfile profile : SrtpProfile.values()) {
            byte[] key = new byte[profile.keyLength()];
            byte[] salt = new byte[profile.saltLength()];
            try (SrtpSession session = open(new SrtpKeys(profile, key, salt, key, salt))) {
                byte[] packet = new byte[12 + profile.rtpOverhead()];
                packet[0] = (byte) 0x80;
                session.protectRtp(packet, 0, 12);
            }
        }
    }

    /** A session backed by jitsi-srtp. */
    static SrtpSession open(SrtpKeys keys) {
        return new JitsiSrtpSession(keys);
    }
}
