package se.portvakt.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.audit.ChainReport.Break;
import se.portvakt.audit.ChainReport.Problem;

/**
 * Checks a chain from its first record: every link recomputed from the record's fields and the link before it,
 * every position present once, personal data against its sealed hash, the head and every signed checkpoint.
 */
@Component
public class AuditVerifier {

    private static final int PAGE = 1000;

    private final AuditChains chains;
    private final CheckpointSigner signer;

    AuditVerifier(AuditChains chains, CheckpointSigner signer) {
        this.chains = chains;
        this.signer = signer;
    }

    /** The organisation's chain; null for the service's own. */
    @Transactional(readOnly = true)
    public ChainReport verify(UUID organisationId) {
        return verify(AuditChains.key(organisationId));
    }

    /** Every chain there is, the service's included. */
    @Transactional(readOnly = true)
    public List<ChainReport> verifyAll() {
        return chains.allChains().stream().map(this::verify).toList();
    }

    ChainReport verify(String chain) {
        List<AuditChains.Checkpoint> checkpoints = chains.checkpoints(chain);
        Map<Long, AuditChains.Checkpoint> bySeq =
                checkpoints.stream().collect(Collectors.toMap(AuditChains.Checkpoint::seq, Function.identity()));
        Instant lastCheckpointAt = checkpoints.isEmpty()
                ? null
                : checkpoints.get(checkpoints.size() - 1).signedAt();
        long unsealed = chains.unsealedCount(chain);
        Instant first = chains.firstRecordAt(chain).orElse(null);

        for (AuditChains.Checkpoint checkpoint : checkpoints) {
            if (!signer.verify(
                    chain, checkpoint.seq(), checkpoint.hash(), checkpoint.signedAt(), checkpoint.signature())) {
                return new ChainReport(
                        chain,
                        0,
                        first,
                        lastCheckpointAt,
                        unsealed,
                        new Break(Problem.CHECKPOINT_SIGNATURE, checkpoint.seq(), null));
            }
        }
        long expected = 1;
        String previous = ChainHash.GENESIS;
        List<SealedRow> page;
        do {
            page = chains.sealed(chain, expected, PAGE);
            for (SealedRow row : page) {
                Break broken = check(chain, row, expected, previous, bySeq.get(expected));
                if (broken != null) {
                    return new ChainReport(chain, expected - 1, first, lastCheckpointAt, unsealed, broken);
                }
                previous = row.hash();
                expected++;
            }
        } while (page.size() == PAGE);

        long last = expected - 1;
        long headSeq = chains.head(chain).map(AuditChains.Head::seq).orElse(0L);
        long newestCheckpoint = checkpoints.isEmpty()
                ? 0
                : checkpoints.get(checkpoints.size() - 1).seq();
        if (headSeq > last || newestCheckpoint > last) {
            return new ChainReport(
                    chain, last, first, lastCheckpointAt, unsealed, new Break(Problem.TAIL_MISSING, last + 1, null));
        }
        return new ChainReport(chain, last, first, lastCheckpointAt, unsealed, null);
    }

    private static Break check(
            String chain, SealedRow row, long expected, String previous, AuditChains.Checkpoint checkpoint) {
        if (row.seq() > expected) {
            return new Break(Problem.MISSING, expected, null);
        }
        if (row.seq() < expected) {
            return new Break(Problem.DUPLICATE, row.seq(), row.id());
        }
        if (!ChainHash.link(previous, expected, chain, row).equals(row.hash())) {
            return new Break(Problem.ALTERED, expected, row.id());
        }
        boolean personalIntact = row.personal() == null
                ? row.personalHash() == null || row.personalPurged()
                : ChainHash.sha256Hex(row.personal()).equals(row.personalHash());
        if (!personalIntact) {
            return new Break(Problem.PERSONAL_ALTERED, expected, row.id());
        }
        if (checkpoint != null && !checkpoint.hash().equals(row.hash())) {
            return new Break(Problem.CHECKPOINT_MISMATCH, expected, row.id());
        }
        return null;
    }
}
