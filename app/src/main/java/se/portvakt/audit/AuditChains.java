package se.portvakt.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.portvakt.config.SqlTime;

/**
 * The audit_chain and audit_checkpoint tables, and the chain's view of audit_event. A chain is named by its
 * organisation's id, or {@link #SERVICE} for records no organisation owns.
 */
@Repository
class AuditChains {

    static final String SERVICE = "service";

    private final JdbcClient jdbc;

    AuditChains(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String key(UUID organisationId) {
        return organisationId == null ? SERVICE : organisationId.toString();
    }

    /** The WHERE condition selecting a chain's records; binds no parameter for the service chain, one otherwise. */
    static String owner(String chain) {
        return SERVICE.equals(chain) ? "organisation_id is null" : "organisation_id = '" + UUID.fromString(chain) + "'";
    }

    record Head(long seq, String hash) {}

    record Checkpoint(long seq, String hash, Instant signedAt, String keyId, String publicKey, String signature) {}

    List<String> allChains() {
        return jdbc.sql("select chain_key from audit_chain order by chain_key")
                .query(String.class)
                .list();
    }

    List<String> withUnsealedRecords() {
        return jdbc.sql("select distinct organisation_id from audit_event where chain_seq is null")
                .query((rs, n) -> key(rs.getObject(1, UUID.class)))
                .list();
    }

    void ensure(String chain, Instant now) {
        try {
            jdbc.sql("""
                    insert into audit_chain (chain_key, last_seq, last_hash, updated_at)
                    select ?, 0, ?, ? where not exists (select 1 from audit_chain where chain_key = ?)""")
                    .params(chain, ChainHash.GENESIS, SqlTime.of(now), chain)
                    .update();
        } catch (DuplicateKeyException raced) {
            // another node created it between our check and insert: just as good
        }
    }

    /**
     * Takes the chain for this caller until {@code until} (truncated to what the database keeps, so it doubles as
     * the claim's token); false while another node's claim runs.
     */
    boolean claim(String chain, Instant now, Instant until) {
        return jdbc.sql("""
                update audit_chain set claimed_until = ?
                where chain_key = ? and (claimed_until is null or claimed_until < ?)""").params(SqlTime.of(until), chain, SqlTime.of(now)).update() == 1;
    }

    /** Gives the claim back, unless it ran out and another node holds the chain now. */
    void release(String chain, Instant until) {
        jdbc.sql("update audit_chain set claimed_until = null where chain_key = ? and claimed_until = ?")
                .params(chain, SqlTime.of(until))
                .update();
    }

    static Instant token(Instant until) {
        return until.truncatedTo(ChronoUnit.MICROS);
    }

    Optional<Head> head(String chain) {
        return jdbc.sql("select last_seq, last_hash from audit_chain where chain_key = ?")
                .param(chain)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /** Moves the head on, only from where this caller found it: false if someone else moved it meanwhile. */
    boolean advance(String chain, Head from, Head to, Instant now) {
        return jdbc.sql("""
                update audit_chain set last_seq = ?, last_hash = ?, updated_at = ?
                where chain_key = ? and last_seq = ? and last_hash = ?""")
                        .params(to.seq(), to.hash(), SqlTime.of(now), chain, from.seq(), from.hash())
                        .update()
                == 1;
    }

    List<SealedRow> unsealed(String chain, int limit) {
        return jdbc.sql("select " + SealedRow.COLUMNS + " from audit_event where " + owner(chain)
                        + " and chain_seq is null order by id limit ?")
                .param(limit)
                .query(SealedRow::read)
                .list();
    }

    boolean seal(long id, long seq, String hash, Instant now) {
        return jdbc.sql(
                                "update audit_event set chain_seq = ?, chain_hash = ?, sealed_at = ? where id = ? and chain_seq is null")
                        .params(seq, hash, SqlTime.of(now), id)
                        .update()
                == 1;
    }

    /** Sealed records from {@code fromSeq} on, in chain order. */
    List<SealedRow> sealed(String chain, long fromSeq, int limit) {
        return jdbc.sql("select " + SealedRow.COLUMNS + " from audit_event where " + owner(chain)
                        + " and chain_seq >= ? order by chain_seq, id limit ?")
                .params(fromSeq, limit)
                .query(SealedRow::read)
                .list();
    }

    long unsealedCount(String chain) {
        return jdbc.sql("select count(*) from audit_event where " + owner(chain) + " and chain_seq is null")
                .query(Long.class)
                .single();
    }

    Optional<Instant> firstRecordAt(String chain) {
        return jdbc.sql("select occurred_at from audit_event where " + owner(chain) + " and chain_seq = 1")
                .query((rs, n) -> SqlTime.read(rs, 1))
                .optional();
    }

    List<Checkpoint> checkpoints(String chain) {
        return jdbc.sql("""
                select seq, hash, signed_at, key_id, public_key, signature from audit_checkpoint
                where chain_key = ? order by seq""")
                .param(chain)
                .query((rs, n) -> new Checkpoint(
                        rs.getLong(1),
                        rs.getString(2),
                        SqlTime.read(rs, 3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    Optional<Checkpoint> lastCheckpoint(String chain) {
        List<Checkpoint> all = jdbc.sql("""
                select seq, hash, signed_at, key_id, public_key, signature from audit_checkpoint
                where chain_key = ? order by seq desc limit 1""")
                .param(chain)
                .query((rs, n) -> new Checkpoint(
                        rs.getLong(1),
                        rs.getString(2),
                        SqlTime.read(rs, 3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        return all.stream().findFirst();
    }

    void addCheckpoint(String chain, Checkpoint checkpoint) {
        jdbc.sql("""
                insert into audit_checkpoint (chain_key, seq, hash, signed_at, key_id, public_key, signature)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        chain,
                        checkpoint.seq(),
                        checkpoint.hash(),
                        SqlTime.of(checkpoint.signedAt()),
                        checkpoint.keyId(),
                        checkpoint.publicKey(),
                        checkpoint.signature())
                .update();
    }
}
