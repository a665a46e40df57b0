package se.portvakt.sfu.rtcp;

import java.util.List;

/**
 * One packet of an RTCP compound (RFC 3550 section 6, RFC 4585 section 6, RFC 5104).
 * SSRCs and other 32-bit unsigned fields are held in longs.
 */
public sealed interface RtcpPacket {
    int SR = 200;
    int RR = 201;
    int SDES = 202;
    int BYE = 203;
    int RTPFB = 205;
    int PSFB = 206;

    /** Sender report: sender info plus reception report blocks. */
    record SenderReport(
            long ssrc,
            long ntpTimestamp,
            long rtpTimestamp,
            long packetCount,
            long octetCount,
            List<ReportBlock> reports)
            implements RtcpPacket {}

    record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {}

    /**
     * One reception report (RFC 3550 section 6.4.1).
     *
     * @param fractionLost   loss since the last report, in 1/256
     * @param cumulativeLost signed 24-bit count (duplicates can make it negative)
     * @param lastSr         middle 32 bits of the last SR's NTP timestamp
     * @param delaySinceLastSr in 1/65536 s
     */
    record ReportBlock(
            long ssrc,
            int fractionLost,
            int cumulativeLost,
            long highestSequence,
            long jitter,
            long lastSr,
            long delaySinceLastSr) {}

    record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {}

    record SdesChunk(long ssrc, List<SdesItem> items) {}

    /** An SDES item; type 1 is CNAME. */
    record SdesItem(int type, String text) {
        public static final int CNAME = 1;
    }

    record Goodbye(List<Long> ssrcs, String reason) implements RtcpPacket {}

    /** Generic NACK (RTPFB FMT 1): the PID/BLP pairs expanded into the lost sequence numbers. */
    record GenericNack(long senderSsrc, long mediaSsrc, List<Integer> lostSequenceNumbers) implements RtcpPacket {
        public static final int FMT = 1;
    }

    /**
     * Transport-wide congestion control feedback (RTPFB FMT 15, draft-holmer-rmcat-transport-wide-cc-extensions-01).
     * Only the header is decoded so far; the packet status chunks and deltas are kept raw.
     *
     * @param referenceTime signed 24-bit, in multiples of 64 ms
     */
    record TransportCcFeedback(
            long senderSsrc,
            long mediaSsrc,
            int baseSequence,
            int statusCount,
            int referenceTime,
            int feedbackCount,
            byte[] chunksAndDeltas)
            implements RtcpPacket {
        public static final int FMT = 15;
    }

    /** Picture loss indication (PSFB FMT 1). */
    record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {
        public static final int FMT = 1;
    }

    /** Full intra request (PSFB FMT 4, RFC 5104 section 4.3.1). */
    record FullIntraRequest(long senderSsrc, List<FirEntry> entries) implements RtcpPacket {
        public static final int FMT = 4;
    }

    record FirEntry(long ssrc, int sequenceNumber) {}

    /** Receiver estimated maximum bitrate (PSFB FMT 15 with "REMB", draft-alvestrand-rmcat-remb-03). */
    record Remb(long senderSsrc, long bitrate, List<Long> ssrcs) implements RtcpPacket {
        public static final int FMT = 15;
    }

    /** Any other packet type or feedback format, kept opaque. */
    record Unknown(int packetType, int count, byte[] body) implements RtcpPacket {}
}
