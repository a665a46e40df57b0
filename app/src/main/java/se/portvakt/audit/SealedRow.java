package se.portvakt.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import se.portvakt.config.SqlTime;

/** The fields of an audit record that its chain link covers, as read from the table. */
record SealedRow(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String subject,
        UUID meetingId,
        String personIndex,
        String method,
        String level,
        boolean simulated,
        String detail,
        String personal,
        String personalHash,
        boolean personalPurged,
        Long seq,
        String hash) {

    static final String COLUMNS = """
            id, occurred_at, actor, action, subject, meeting_id, person_index, method, assurance_level, simulated,
            detail, personal, personal_hash, personal_purged_at, chain_seq, chain_hash""";

    static SealedRow read(ResultSet rs, int row) throws SQLException {
        long seq = rs.getLong(15);
        Long chainSeq = rs.wasNull() ? null : seq;
        return new SealedRow(
                rs.getLong(1),
                SqlTime.read(rs, 2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, UUID.class),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getBoolean(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getObject(14) != null,
                chainSeq,
                rs.getString(16));
    }
}
