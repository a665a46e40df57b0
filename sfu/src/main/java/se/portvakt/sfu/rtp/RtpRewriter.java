package se.portvakt.sfu.rtp;

/**
 * Maps one incoming stream onto an outgoing one: a fixed SSRC, and sequence numbers and
 * timestamps shifted by constant offsets so the receiver sees one continuous stream
 * across layer switches (the offsets are chosen by the caller at each switch).
 *
 * <p>Edits the packet in place and allocates nothing. Not thread-safe: one per outgoing
 * stream, used by the thread that sends it.
 */
public final class RtpRewriter {
    private long ssrc;
    private int sequenceOffset;
    private long timestampOffset;

    public RtpRewriter(long ssrc) {
        this.ssrc = ssrc;
    }

    /** Outgoing = incoming + offset, modulo 2^16 and 2^32. */
    public void offsets(int sequenceOffset, long timestampOffset) {
        this.sequenceOffset = sequenceOffset;
        this.timestampOffset = timestampOffset;
    }

    public void ssrc(long ssrc) {
        this.ssrc = ssrc;
    }

    /** Rewrites SSRC, sequence number and timestamp of the RTP packet at {@code off}. */
    public void rewrite(byte[] buf, int off) {
        RtpFields.setSsrc(buf, off, ssrc);
        RtpFields.setSequenceNumber(buf, off, (RtpFields.sequenceNumber(buf, off) + sequenceOffset) & 0xFFFF);
        RtpFields.setTimestamp(buf, off, (RtpFields.timestamp(buf, off) + timestampOffset) & 0xFFFFFFFFL);
    }
}
