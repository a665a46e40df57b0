package se.portvakt.sfu.report;

import se.portvakt.sfu.rtcp.RtcpPacket;

/**
 * What the SFU knows about one incoming stream to write its reception report block
 * (RFC 3550 section 6.4.1, computed as in appendices A.3 and A.8).
 *
 * <p>Fed with extended sequence numbers (from {@code LossDetector.received}). Times are
 * nanoseconds from the caller's clock. Not thread-safe: one per incoming stream, used by
 * its receive loop, which also runs its report timer.
 */
public final class ReceptionStatistics {
    private final int clockRate;
    private boolean started;
    private long baseSequence;
    private long maxSequence;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    /** Interarrival jitter in RTP timestamp units, kept as a double to avoid A.8's fixed point. */
    private double jitter;

    private boolean haveTransit;
    private long lastTransit;
    /** Middle 32 bits of the last SR's NTP timestamp, and when it arrived. */
    private long lastSr;

    private long lastSrArrival;
    private boolean haveSr;

    /** @param clockRate the stream's RTP clock in Hz (90000 video, 48000 Opus) */
    public ReceptionStatistics(int clockRate) {
        this.clockRate = clockRate;
    }

    /** Records one packet: its extended sequence number, RTP timestamp and arrival time. */
    public void received(long extendedSequence, long rtpTimestamp, long now) {
        if (!started) {
            started = true;
            baseSequence = extendedSequence;
            maxSequence = extendedSequence;
        }
        maxSequence = Math.max(maxSequence, extendedSequence);
        received++;
        long arrival = Math.floorDiv(now, 1_000_000L) * clockRate / 1000; // RTP units, ms resolution
        long transit = arrival - rtpTimestamp;
        if (haveTransit) {
            long d = Math.abs(transit - lastTransit);
            if (d < clockRate * 10L) { // a timestamp jump (new source) is not jitter
                jitter += (d - jitter) / 16.0;
            }
        }
        haveTransit = true;
        lastTransit = transit;
    }

    /** Records a sender report from the publisher, for LSR/DLSR (RFC 3550 section 6.4.1). */
    public void senderReport(long ntpTimestamp, long now) {
        lastSr = (ntpTimestamp >>> 16) & 0xFFFFFFFFL;
        lastSrArrival = now;
        haveSr = true;
    }

    public long received() {
        return received;
    }

    /** Cumulative packets lost: expected minus received (may go negative with duplicates). */
    public long cumulativeLost() {
        return started ? maxSequence - baseSequence + 1 - received : 0;
    }

    /**
     * The report block for this interval; starts the next interval.
     *
     * @return empty-equivalent null before the first packet
     */
    public RtcpPacket.ReportBlock reportBlock(long ssrc, long now) {
        if (!started) {
            return null;
        }
        long expected = maxSequence - baseSequence + 1;
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long cumulative = Math.max(-0x800000, Math.min(0x7FFFFF, expected - received));
        long dlsr = haveSr ? ((now - lastSrArrival) * 65536L / 1_000_000_000L) & 0xFFFFFFFFL : 0;
        return new RtcpPacket.ReportBlock(
                ssrc,
                Math.min(fraction, 255),
                (int) cumulative,
                maxSequence & 0xFFFFFFFFL,
                (long) jitter,
                haveSr ? lastSr : 0,
                dlsr);
    }
}
