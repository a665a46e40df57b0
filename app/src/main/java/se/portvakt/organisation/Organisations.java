package se.portvakt.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;
import se.portvakt.ids.OrganisationId;

/** Reads and creates organisations. */
@Component
public class Organisations {

    private final JdbcClient jdbc;
    private final Clock clock;

    Organisations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Organisation> find(OrganisationId id) {
        return jdbc.sql("""
                select id, name, time_zone, default_language, join_opens_minutes from organisation where id = ?""")
                .param(id.value())
                .query((rs, n) -> new Organisation(
                        new OrganisationId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        ZoneId.of(rs.getString(3)),
                        rs.getString(4),
                        Duration.ofMinutes(rs.getInt(5))))
                .optional();
    }

    public Organisation get(OrganisationId id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No organisation " + id));
    }

    /** The organisation of this exact name (names are unique). */
    public Optional<Organisation> byName(String name) {
        return jdbc.sql("select id from organisation where name = ?")
                .param(name == null ? "" : name.strip())
                .query(UUID.class)
                .optional()
                .flatMap(id -> find(new OrganisationId(id)));
    }

    public boolean any() {
        return jdbc.sql("select count(*) from organisation").query(Long.class).single() > 0;
    }

    public List<String> names() {
        return jdbc.sql("select name from organisation order by name")
                .query(String.class)
                .list();
    }

    public Organisation create(String name, ZoneId zone, String defaultLanguage) {
        Organisation organisation = new Organisation(
                new OrganisationId(UUID.randomUUID()),
                name,
                zone,
                defaultLanguage,
                Organisation.DEFAULT_JOIN_OPENS_BEFORE);
        jdbc.sql("""
                insert into organisation (id, name, time_zone, default_language, join_opens_minutes, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        organisation.id().value(),
                        name,
                        zone.getId(),
                        defaultLanguage,
                        organisation.joinOpensBefore().toMinutes(),
                        SqlTime.of(clock.instant()))
                .update();
        return organisation;
    }

    /** How long after a meeting its personal data is kept, unless an organisation says otherwise. */
    public static final int DEFAULT_RETENTION_DAYS = 30;
    /** At least a day: the host may still need the invitees' details right after the meeting. */
    public static final int MIN_RETENTION_DAYS = 1;
    /** At most two years: personal data is not kept longer than needed (GDPR art. 5(1)(e)). */
    public static final int MAX_RETENTION_DAYS = 730;

    /** How long after a meeting's end its invitees' personal data, attachments and messages are kept. */
    public Duration retention(OrganisationId organisationId) {
        return Duration.ofDays(jdbc.sql("select retention_days from organisation where id = ?")
                .param(organisationId.value())
                .query(Integer.class)
                .single());
    }

    /** Every organisation with its retention: for the purge. */
    public Map<UUID, Duration> retentions() {
        Map<UUID, Duration> all = new LinkedHashMap<>();
        jdbc.sql("select id, retention_days from organisation order by id")
                .query((rs, n) -> all.put(rs.getObject(1, UUID.class), Duration.ofDays(rs.getInt(2))))
                .list();
        return all;
    }

    /** Sets the retention in days, {@link #MIN_RETENTION_DAYS} to {@link #MAX_RETENTION_DAYS}. */
    public void setRetention(OrganisationId organisationId, int days) {
        if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("retention out of range: " + days);
        }
        jdbc.sql("update organisation set retention_days = ? where id = ?")
                .params(days, organisationId.value())
                .update();
    }

    /** Sets how long before a meeting's start its guests may join (0 to {@link Organisation#MAX_JOIN_OPENS_BEFORE}). */
    public void setJoinOpensBefore(OrganisationId organisationId, Duration before) {
        if (before.isNegative() || before.compareTo(Organisation.MAX_JOIN_OPENS_BEFORE) > 0) {
            throw new IllegalArgumentException("join window out of range: " + before);
        }
        jdbc.sql("update organisation set join_opens_minutes = ? where id = ?")
                .params(before.toMinutes(), organisationId.value())
                .update();
    }
}
