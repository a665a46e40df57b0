package se.portvakt.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.portvakt.config.SqlTime;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;

/**
 * One stored audit record as the organisation's view and the exports show it.
 *
 * @param code the action as stored (for a {@link AuditAction#LEGACY} record the old free-form string)
 * @param rawDetail the details as stored: a JSON object of strings (older records: plain text)
 * @param rawPersonal the personal data as stored (JSON); null once the retention purge erased it
 * @param chainSeq the record's place in its chain; null until the sealing job has sealed it
 */
public record AuditEvent(
        long id,
        OrganisationId organisationId,
        Instant occurredAt,
        String actor,
        AuditAction action,
        String code,
        String subject,
        MeetingId meetingId,
        String personIndex,
        AuditEntry.Evidence evidence,
        String rawDetail,
        String rawPersonal,
        String personalHash,
        Instant personalPurgedAt,
        Long chainSeq,
        String chainHash) {

    static final String COLUMNS = """
            id, organisation_id, occurred_at, actor, action, subject, meeting_id, person_index, method,
            assurance_level, simulated, detail, personal, personal_hash, personal_purged_at, chain_seq, chain_hash""";

    static AuditEvent read(ResultSet rs, int row) throws SQLException {
        String method = rs.getString(9);
        String level = rs.getString(10);
        long seq = rs.getLong(16);
        Long chainSeq = rs.wasNull() ? null : seq;
        return new AuditEvent(
                rs.getLong(1),
                new OrganisationId(rs.getObject(2, UUID.class)),
                SqlTime.read(rs, 3),
                rs.getString(4),
                AuditAction.ofCode(rs.getString(5)),
                rs.getString(5),
                rs.getString(6),
                MeetingId.of(rs.getObject(7, UUID.class)),
                rs.getString(8),
                method == null && level == null ? null : new AuditEntry.Evidence(method, level, rs.getBoolean(11)),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                SqlTime.read(rs, 15),
                chainSeq,
                rs.getString(17));
    }

    public SortedMap<String, String> details() {
        return AuditJson.read(rawDetail);
    }

    /** Personal data about the event; empty once purged. */
    public SortedMap<String, String> personal() {
        return AuditJson.read(rawPersonal);
    }

    /** Details and personal data in one line ("key: value; ..."), for people reading the log. */
    public String detail() {
        return Stream.of(details(), personal())
                .flatMap(map -> map.entrySet().stream())
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("; "));
    }

    public boolean sealed() {
        return chainSeq != null;
    }
}
