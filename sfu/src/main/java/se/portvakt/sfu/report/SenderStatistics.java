package se.portvakt.sfu.report;

import java.util.List;
import se.portvakt.sfu.rtcp.RtcpPacket;

/**
 * What the SFU sent on one outgoing stream, to write its sender report (RFC 3550 section 6.4.1):
 * packet and octet counts, and the RTP timestamp that corresponds to "now" on the wall clock,
 * extrapolated from the last packet sent, so subscribers can sync audio and video.
 *
 * <p>Not thread-safe: one per outgoing stream, used by the thread that sends it.
 */
public final class SenderStatistics {
    /** Seconds from 1900 (NTP epoch) to 1970 (Unix epoch). */
    static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    private final int clockRate;
    private long packets;
    private long octets;
    private long lastTimestamp;
    private long lastSentAt;
    private boolean sentAny;

    public SenderStatistics(int clockRate) {
        this.clockRate = clockRate;
    }

    /**
     * Records a sent packet.
     *
     * @param payloadOctets payload bytes, which is what the SR counts (not headers)
     */
    public void sent(long rtpTimestamp, int payloadOctets, long now) {
        packets++;
        octets += payloadOctets;
        lastTimestamp = rtpTimestamp;
        lastSentAt = now;
        sentAny = true;
    }

    public long packets() {
        return packets;
    }

    public long octets() {
        return octets;
    }

    /**
     * A sender report for {@code ssrc}, or null before anything was sent.
     *
     * @param wallClockMillis Unix time in ms for the NTP field
     * @param now             the monotonic clock used for {@link #sent}
     */
    public RtcpPacket.SenderReport senderReport(long ssrc, long wallClockMillis, long now) {
        if (!sentAny) {
            return null;
        }
        long rtp = (lastTimestamp + (now - lastSentAt) * clockRate / 1_000_000_000L) & 0xFFFFFFFFL;
        return new RtcpPacket.SenderReport(
                ssrc, ntp(wallClockMillis), rtp, packets & 0xFFFFFFFFL, octets & 0xFFFFFFFFL, List.of());
    }

    /** 64-bit NTP timestamp: 32 bits of seconds since 1900, 32 bits of fraction. */
    public static long ntp(long unixMillis) {
        long seconds = Math.floorDiv(unixMillis, 1000L) + NTP_EPOCH_OFFSET;
        long fraction = (Math.floorMod(unixMillis, 1000L) << 32) / 1000;
        return (seconds << 32) | fraction;
    }
}
