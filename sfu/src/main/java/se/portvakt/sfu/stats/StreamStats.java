package se.portvakt.sfu.stats;

/**
 * One stream's counters at one moment.
 *
 * @param direction        IN: a publisher's stream into the SFU; OUT: a copy sent to a subscriber
 * @param lost             IN: packets lost on the way to us (cumulative, RFC 3550); OUT: lost as the
 *                         subscriber last reported it
 * @param nacks            IN: sequence numbers we NACKed upstream; OUT: sequence numbers the subscriber NACKed
 * @param retransmitted    OUT: NACKed packets resent from the cache
 * @param unrepairable     OUT: NACKed packets no longer (or never) in the cache
 * @param keyframeRequests IN: PLI/FIR sent to the publisher; OUT: PLI/FIR received from the subscriber
 * @param waitedForKeyframe OUT: packets not sent while waiting for a keyframe after a join or switch
 * @param bitrateEstimate  IN: our REMB to the publisher; OUT: 0 until subscriber feedback is used
 * @param unroutable       OUT: packets of a codec the subscriber's browser did not negotiate (dropped)
 * @param repaired         IN: retransmissions (RTX) from the publisher that filled a gap we NACKed
 * @param duplicateRepairs IN: retransmissions of packets we had already, or had given up on (dropped)
 * @param heldBack         OUT: NACKed packets not resent because the receiver's repair budget was spent (its link
 *                         is full: {@code forward.RepairBudget})
 */
public record StreamStats(
        String participantId,
        long ssrc,
        String kind,
        Direction direction,
        long packets,
        long bytes,
        long lost,
        long nacks,
        long retransmitted,
        long unrepairable,
        long keyframeRequests,
        long waitedForKeyframe,
        long bitrateEstimate,
        long unroutable,
        long repaired,
        long duplicateRepairs,
        long heldBack) {

    public enum Direction {
        IN,
        OUT
    }
}
