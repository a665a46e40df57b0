package se.portvakt.sfu.srtp;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * {@link SrtpSession} on jitsi-srtp: one context factory per direction, one crypto context
 * per SSRC (SRTP keeps a rollover counter and replay window per SSRC, RFC 3711 section 3.2).
 *
 * <p>Contexts are created on first use and live as long as the session; jitsi's contexts are
 * internally synchronized, so a session may be used from the receive and send threads.
 */
final class JitsiSrtpSession implements SrtpSession {
    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;

    private final SrtpProfile profile;
    private final SrtpContextFactory sender;
    private final SrtpContextFactory receiver;
    private final Map<Integer, SrtpCryptoContext> protectRtp = new ConcurrentHashMap<>();
    private final Map<Integer, SrtpCryptoContext> unprotectRtp = new ConcurrentHashMap<>();
    private final Map<Integer, SrtcpCryptoContext> protectRtcp = new ConcurrentHashMap<>();
    private final Map<Integer, SrtcpCryptoContext> unprotectRtcp = new ConcurrentHashMap<>();
    private final LongAdder rejected = new LongAdder();

    JitsiSrtpSession(SrtpKeys keys) {
        this.profile = keys.profile();
        LoggerImpl logger = new LoggerImpl(JitsiSrtpSession.class.getName());
        this.sender = new SrtpContextFactory(
                true, keys.localKey(), keys.localSalt(), policy(profile), policy(profile), logger);
        this.receiver = new SrtpContextFactory(
                false, keys.remoteKey(), keys.remoteSalt(), policy(profile), policy(profile), logger);
    }

    /**
     * The policy for one profile. The send-side replay check is off: an SFU resends a NACKed
     * packet under its original sequence number, which jitsi-srtp would otherwise refuse to
     * protect twice (its check is a self-consistency test, not a protection; RFC 3711 section
     * 3.3.2 asks replay checking of receivers only). The receive-side check stays on.
     */
    static SrtpPolicy policy(SrtpProfile profile) {
        SrtpPolicy policy;
        switch (profile) {
            case AES_CM_128_HMAC_SHA1_80:
                policy = new SrtpPolicy(
                        SrtpPolicy.AESCM_ENCRYPTION,
                        profile.keyLength(),
                        SrtpPolicy.HMACSHA1_AUTHENTICATION,
                        20,
                        profile.rtpOverhead(),
                        profile.saltLength());
                break;
            case AEAD_AES_128_GCM:
                policy = new SrtpPolicy(
                        SrtpPolicy.AESGCM_ENCRYPTION,
                        profile.keyLength(),
                        SrtpPolicy.NULL_AUTHENTICATION,
                        0,
                        profile.rtpOverhead(),
                        profile.saltLength());
                break;
            default:
                throw new IllegalArgumentException(profile.toString());
        }
        policy.setSendReplayEnabled(false);
        return policy;
    }

    @Override
    public SrtpProfile profile() {
        return profile;
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len) {
        requireRoom(buf, off, len, RTP_HEADER, profile.rtpOverhead());
        PacketView packet = new PacketView(buf, off, len);
        try {
            SrtpCryptoContext context = protectRtp.computeIfAbsent(ssrc(buf, off + 8), this::senderRtp);
            return ok(context.transformPacket(packet), packet, false);
        } catch (GeneralSecurityException | RuntimeException e) {
            return FAILED;
        }
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len) {
        if (!inBounds(buf, off, len, RTP_HEADER + profile.rtpOverhead())) {
            rejected.increment();
            return FAILED;
        }
        PacketView packet = new PacketView(buf, off, len);
        try {
            SrtpCryptoContext context = unprotectRtp.computeIfAbsent(ssrc(buf, off + 8), this::receiverRtp);
            return ok(context.reverseTransformPacket(packet, false), packet, true);
        } catch (GeneralSecurityException | RuntimeException e) {
            rejected.increment();
            return FAILED;
        }
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len) {
        requireRoom(buf, off, len, RTCP_HEADER, profile.rtcpOverhead());
        PacketView packet = new PacketView(buf, off, len);
        try {
            SrtcpCryptoContext context = protectRtcp.computeIfAbsent(ssrc(buf, off + 4), this::senderRtcp);
            return ok(context.transformPacket(packet), packet, false);
        } catch (GeneralSecurityException | RuntimeException e) {
            return FAILED;
        }
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len) {
        if (!inBounds(buf, off, len, RTCP_HEADER + profile.rtcpOverhead())) {
            rejected.increment();
            return FAILED;
        }
        PacketView packet = new PacketView(buf, off, len);
        try {
            SrtcpCryptoContext context = unprotectRtcp.computeIfAbsent(ssrc(buf, off + 4), this::receiverRtcp);
            return ok(context.reverseTransformPacket(packet), packet, true);
        } catch (GeneralSecurityException | RuntimeException e) {
            rejected.increment();
            return FAILED;
        }
    }

    @Override
    public long rejected() {
        return rejected.sum();
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
    }

    private int ok(SrtpErrorStatus status, PacketView packet, boolean countFailure) {
        if (status == SrtpErrorStatus.OK) {
            return packet.getLength();
        }
        if (countFailure) {
            rejected.increment();
        }
        return FAILED;
    }

    private SrtpCryptoContext senderRtp(int ssrc) {
        return derive(sender, ssrc);
    }

    private SrtpCryptoContext receiverRtp(int ssrc) {
        return derive(receiver, ssrc);
    }

    private SrtcpCryptoContext senderRtcp(int ssrc) {
        return deriveControl(sender, ssrc);
    }

    private SrtcpCryptoContext receiverRtcp(int ssrc) {
        return deriveControl(receiver, ssrc);
    }

    private static SrtpCryptoContext derive(SrtpContextFactory factory, int ssrc) {
        try {
            return factory.deriveContext(ssrc, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SRTP key derivation failed", e);
        }
    }

    private static SrtcpCryptoContext deriveControl(SrtpContextFactory factory, int ssrc) {
        try {
            return factory.deriveControlContext(ssrc);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SRTCP key derivation failed", e);
        }
    }

    private static void requireRoom(byte[] buf, int off, int len, int minLength, int overhead) {
        if (!inBounds(buf, off, len, minLength) || off + len + overhead > buf.length) {
            throw new IllegalArgumentException("packet needs " + overhead + " bytes of room after it");
        }
    }

    private static boolean inBounds(byte[] buf, int off, int len, int minLength) {
        return buf != null && off >= 0 && len >= minLength && off + len <= buf.length;
    }

    private static int ssrc(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
