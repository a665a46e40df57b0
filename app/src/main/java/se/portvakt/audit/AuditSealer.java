package se.portvakt.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed audit records into their organisation's hash chain, on every app node at once, in the manner of
 * the invitation outbox: a chain is claimed by one conditional UPDATE before its records are sealed, so only one
 * node extends it at a time.
 *
 * <p>Records are written in their callers' transactions and only seen here once committed; they are sealed in the
 * order of their ids among those committed, so a record whose transaction commits late takes a later place in the
 * chain than its id suggests (its occurred_at still says when it happened). Sealing a batch is one transaction that
 * moves the chain's head only from where it found it: if a node's claim ran out mid-batch and another node sealed
 * meanwhile, the slower node's batch rolls back and nothing is sealed twice.
 */
@Component
public class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    static final int BATCH = 500;
    /** Far longer than sealing one batch takes, so a live sealer never loses its claim. */
    static final Duration CLAIM = Duration.ofMinutes(5);

    private final AuditChains chains;
    private final CheckpointSigner signer;
    private final AuditProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AuditSealer(
            AuditChains chains,
            CheckpointSigner signer,
            AuditProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.chains = chains;
        this.signer = signer;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    // the default repeats AuditProperties.sealInterval's, since an annotation cannot read a record
    @Scheduled(
            fixedDelayString = "${portvakt.audit.seal-interval:PT10S}",
            initialDelayString = "${portvakt.audit.seal-interval:PT10S}")
    void poll() {
        sealPending();
    }

    /** Seals every committed record not sealed yet; returns how many this call sealed. */
    public int sealPending() {
        int sealed = 0;
        for (String chain : chains.withUnsealedRecords()) {
            Instant now = clock.instant();
            chains.ensure(chain, now);
            Instant until = AuditChains.token(now.plus(CLAIM));
            if (!chains.claim(chain, now, until)) {
                continue; // another node is sealing this chain
            }
            try {
                int batch;
                do {
                    batch = transactions.execute(status -> sealBatch(chain));
                    sealed += batch;
                } while (batch == BATCH);
            } catch (ConcurrentSealing e) {
                log.info("Audit chain {} was extended by another node meanwhile; left to it", chain);
            } finally {
                chains.release(chain, until);
            }
        }
        return sealed;
    }

    private int sealBatch(String chain) {
        Instant now = clock.instant();
        AuditChains.Head from = chains.head(chain).orElseThrow();
        List<SealedRow> rows = chains.unsealed(chain, BATCH);
        long seq = from.seq();
        String hash = from.hash();
        for (SealedRow row : rows) {
            seq++;
            hash = ChainHash.link(hash, seq, chain, row);
            if (!chains.seal(row.id(), seq, hash, now)) {
                throw new ConcurrentSealing();
            }
        }
        AuditChains.Head to = new AuditChains.Head(seq, hash);
        if (!rows.isEmpty() && !chains.advance(chain, from, to, now)) {
            throw new ConcurrentSealing();
        }
        checkpointIfDue(chain, to, now);
        return rows.size();
    }

    private void checkpointIfDue(String chain, AuditChains.Head head, Instant now) {
        if (head.seq() == 0) {
            return;
        }
        Optional<AuditChains.Checkpoint> last = chains.lastCheckpoint(chain);
        boolean due = last.isEmpty()
                || (last.get().seq() < head.seq()
                        && !last.get()
                                .signedAt()
                                .plus(properties.checkpointInterval())
                                .isAfter(now));
        if (due) {
            Instant signedAt = AuditChains.token(now);
            chains.addCheckpoint(
                    chain,
                    new AuditChains.Checkpoint(
                            head.seq(),
                            head.hash(),
                            signedAt,
                            signer.keyId(),
                            signer.publicKeyBase64(),
                            signer.sign(chain, head.seq(), head.hash(), signedAt)));
        }
    }

    /** Another node moved the chain on while this one sealed: this batch rolls back. */
    private static final class ConcurrentSealing extends RuntimeException {
        ConcurrentSealing() {
            super(null, null, false, false);
        }
    }
}
