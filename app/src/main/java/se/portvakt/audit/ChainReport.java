package se.portvakt.audit;

import java.time.Instant;

/**
 * What verifying one chain found.
 *
 * @param chain the organisation's id, or "service"
 * @param records how many sealed records were checked
 * @param firstRecordAt when the chain's first record happened: the chain is intact since then
 * @param lastCheckpointAt when the newest signed checkpoint was made, null if none yet
 * @param unsealed records written but not sealed yet (the sealing job runs every few seconds)
 * @param broken the first break found, null when the chain is intact
 */
public record ChainReport(
        String chain, long records, Instant firstRecordAt, Instant lastCheckpointAt, long unsealed, Break broken) {

    public boolean intact() {
        return broken == null;
    }

    /**
     * Where and how the chain breaks.
     *
     * @param seq the position in the chain where it breaks
     * @param recordId the audit record there (the id column), null when the record itself is gone
     */
    public record Break(Problem problem, long seq, Long recordId) {}

    public enum Problem {
        /** The record's fields no longer give its link: changed, or moved to another place in the chain. */
        ALTERED,
        /** A position in the chain has no record: deleted. */
        MISSING,
        /** Two records claim the same position. */
        DUPLICATE,
        /** The record's personal data no longer matches the hash it was sealed with. */
        PERSONAL_ALTERED,
        /** The chain's last records are gone: the head or a checkpoint names a later position than any record. */
        TAIL_MISSING,
        /** The links verify but disagree with a signed checkpoint: the chain was rewritten from here on. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature is not the service key's. */
        CHECKPOINT_SIGNATURE
    }
}
