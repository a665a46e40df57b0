package se.portvakt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.Fixtures;
import se.portvakt.IntegrationTest;
import se.portvakt.audit.ChainReport.Problem;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.StaffId;
import se.portvakt.person.PersonalIdentityNumber;

/** Sealing and verification, with the database edited behind Portvakt's back as an insider could. */
@IntegrationTest
class AuditChainIT {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    UUID organisation;
    UUID staff;
    List<Long> ids;

    @BeforeEach
    void fiveSealedRecords() {
        Fixtures.Tenant tenant = fixtures.tenant();
        organisation = tenant.organisation().id().value();
        staff = tenant.host().id().value();
        UUID meeting = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            audit.record(AuditEntry.of(
                            new OrganisationId(organisation),
                            AuditAction.GUEST_ADMITTED,
                            AuditActor.staff(new StaffId(staff)))
                    .meeting(new MeetingId(meeting))
                    .subject(UUID.randomUUID())
                    .evidence("BANKID", "LOA3", false)
                    .person(PersonalIdentityNumber.parse("198003152462").orElseThrow())
                    .personal("verifiedName", "Anna Svensson")
                    .detail("n", i));
        }
        sealer.sealPending();
        ids = jdbc.sql("select id from audit_event where organisation_id = ? order by chain_seq")
                .param(organisation)
                .query(Long.class)
                .list();
    }

    @Test
    void committedRecordsAreSealedInOrderUnderASignedCheckpoint() {
        assertThat(jdbc.sql("select chain_seq from audit_event where organisation_id = ? order by id")
                        .param(organisation)
                        .query(Long.class)
                        .list())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        ChainReport report = verifier.verify(organisation);
        assertThat(report.intact()).as(String.valueOf(report.broken())).isTrue();
        assertThat(report.records()).isEqualTo(5);
        assertThat(report.firstRecordAt()).isNotNull();
        assertThat(report.lastCheckpointAt())
                .as("the first sealing signs a checkpoint")
                .isNotNull();
        assertThat(report.unsealed()).isZero();

        audit.record(AuditEntry.of(
                new OrganisationId(organisation), AuditAction.MEETING_ENDED, AuditActor.staff(new StaffId(staff))));
        assertThat(verifier.verify(organisation).unsealed()).isEqualTo(1);
        assertThat(sealer.sealPending()).isGreaterThanOrEqualTo(1);
        assertThat(verifier.verify(organisation).records()).isEqualTo(6);
        assertThat(verifier.verify(organisation).intact()).isTrue();
    }

    @Test
    void anEditedRecordIsNamed() {
        jdbc.sql("update audit_event set actor = ? where id = ?")
                .params("staff:" + UUID.randomUUID(), ids.get(2))
                .update();
        assertBroken(Problem.ALTERED, 3, ids.get(2));
    }

    @Test
    void anEditedDetailIsNamed() {
        jdbc.sql("update audit_event set detail = '{\"n\":\"9\"}' where id = ?")
                .param(ids.get(1))
                .update();
        assertBroken(Problem.ALTERED, 2, ids.get(1));
    }

    @Test
    void editedPersonalDataIsNamed() {
        jdbc.sql("update audit_event set personal = replace(personal, 'Anna', 'Bertil') where id = ?")
                .param(ids.get(3))
                .update();
        assertBroken(Problem.PERSONAL_ALTERED, 4, ids.get(3));
    }

    @Test
    void aDeletedRecordIsNamedByItsPlace() {
        jdbc.sql("delete from audit_event where id = ?").param(ids.get(1)).update();
        assertBroken(Problem.MISSING, 2, null);
    }

    @Test
    void deletedLastRecordsAreCaughtByTheHead() {
        jdbc.sql("delete from audit_event where id = ?").param(ids.get(4)).update();
        assertBroken(Problem.TAIL_MISSING, 5, null);
    }

    @Test
    void reorderedRecordsAreCaught() {
        jdbc.sql("update audit_event set chain_seq = 99 where id = ?")
                .param(ids.get(1))
                .update();
        jdbc.sql("update audit_event set chain_seq = 2 where id = ?")
                .param(ids.get(2))
                .update();
        jdbc.sql("update audit_event set chain_seq = 3 where id = ?")
                .param(ids.get(1))
                .update();
        assertBroken(Problem.ALTERED, 2, ids.get(2));
    }

    @Test
    void reorderedTimesAreCaught() {
        jdbc.sql("update audit_event set occurred_at = (select occurred_at from audit_event where id = ?) where id = ?")
                .params(ids.get(0), ids.get(4))
                .update();
        assertBroken(Problem.ALTERED, 5, ids.get(4));
    }

    @Test
    void aChainRewrittenAfterAnEditDisagreesWithTheSignedCheckpoint() {
        jdbc.sql("update audit_event set detail = '{\"n\":\"7\"}' where id = ?")
                .param(ids.get(1))
                .update();
        String chain = organisation.toString();
        String previous = ChainHash.GENESIS;
        for (long id : ids) {
            SealedRow row = jdbc.sql("select " + SealedRow.COLUMNS + " from audit_event where id = ?")
                    .param(id)
                    .query(SealedRow::read)
                    .single();
            previous = ChainHash.link(previous, row.seq(), chain, row);
            jdbc.sql("update audit_event set chain_hash = ? where id = ?")
                    .params(previous, id)
                    .update();
        }
        jdbc.sql("update audit_chain set last_hash = ? where chain_key = ?")
                .params(previous, chain)
                .update();
        assertBroken(Problem.CHECKPOINT_MISMATCH, 5, ids.get(4));
    }

    @Test
    void aCheckpointNotSignedByTheServiceKeyIsCaught() {
        jdbc.sql("update audit_checkpoint set signature = ? where chain_key = ?")
                .params(java.util.Base64.getEncoder().encodeToString(new byte[64]), organisation.toString())
                .update();
        assertThat(verifier.verify(organisation).broken().problem()).isEqualTo(Problem.CHECKPOINT_SIGNATURE);
    }

    @Test
    void longDetailsAreKeptInFull() {
        String text = "x".repeat(5_000);
        audit.record(AuditEntry.of(
                        new OrganisationId(organisation),
                        AuditAction.MEETING_CHANGED,
                        AuditActor.staff(new StaffId(staff)))
                .detail("long", text));
        assertThat(audit.latest(new OrganisationId(organisation), 1)
                        .get(0)
                        .details()
                        .get("long"))
                .isEqualTo(text);
    }

    @Test
    void severalSealersAtOnceSealEachRecordOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            audit.record(AuditEntry.of(
                    new OrganisationId(organisation),
                    AuditAction.LOGIN_SUCCEEDED,
                    AuditActor.staff(new StaffId(staff))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit((Callable<Integer>) sealer::sealPending));
        }
        for (Future<Integer> run : runs) {
            run.get();
        }
        pool.shutdown();
        sealer.sealPending(); // whatever a claim held off is sealed now
        assertThat(jdbc.sql("select count(distinct chain_seq) from audit_event where organisation_id = ?")
                        .param(organisation)
                        .query(Long.class)
                        .single())
                .isEqualTo(45);
        ChainReport report = verifier.verify(organisation);
        assertThat(report.intact()).as(String.valueOf(report.broken())).isTrue();
        assertThat(report.records()).isEqualTo(45);
    }

    private void assertBroken(Problem problem, long seq, Long recordId) {
        ChainReport report = verifier.verify(organisation);
        assertThat(report.intact()).isFalse();
        assertThat(report.broken()).isEqualTo(new ChainReport.Break(problem, seq, recordId));
    }
}
