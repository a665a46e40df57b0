package se.portvakt.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;

/**
 * The audit trail: who did what, when. Written in the caller's transaction, so an action and its
 * record commit or roll back together. Never pass a full identity number: mask it first.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(UUID organisationId, String actor, String action, String subject, String detail) {
        jdbc.sql("""
                insert into audit_event (organisation_id, occurred_at, actor, action, subject, detail)
                values (?, ?, ?, ?, ?, ?)""")
                .params(organisationId, SqlTime.of(clock.instant()), actor, action, subject, truncate(detail))
                .update();
    }

    /** The newest events of one organisation, newest first. */
    public List<AuditEvent> latest(UUID organisationId, int limit) {
        return jdbc.sql("""
                select occurred_at, actor, action, subject, detail from audit_event
                where organisation_id = ? order by id desc limit ?""")
                .params(organisationId, limit)
                .query((rs, n) -> new AuditEvent(SqlTime.read(rs, 1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public record AuditEvent(Instant occurredAt, String actor, String action, String subject, String detail) {}
}
