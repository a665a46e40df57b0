package se.portvakt.booking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.config.SqlTime;

/** The meeting and invitee tables. Every read and write names the organisation, so no query can cross it. */
@Repository
public class MeetingStore {

    private final JdbcClient jdbc;

    MeetingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A meeting row with its owners' names. */
    record MeetingRow(
            UUID id,
            UUID organisationId,
            String organisationName,
            String timeZone,
            UUID roomId,
            String roomName,
            UUID hostId,
            String hostName,
            String hostEmail,
            String title,
            Instant start,
            Instant end,
            AssuranceLevel assuranceLevel,
            boolean confidential,
            String information,
            String language,
            MeetingStatus status,
            String calendarUid,
            int sequence,
            int version) {}

    /** An invitee row; the identity number stays encrypted here. */
    record InviteeRow(
            UUID id,
            String name,
            String email,
            String mobile,
            String pinEncrypted,
            String pinIndex,
            Instant removedAt,
            Instant identityChangedAt) {

        /** Whether {@code other} reaches or names someone else: a proof of identity made for this row is void. */
        boolean identityDiffers(InviteeRow other) {
            return !java.util.Objects.equals(email, other.email)
                    || !java.util.Objects.equals(mobile, other.mobile)
                    || !java.util.Objects.equals(pinIndex, other.pinIndex);
        }
    }

    private static final String MEETING_SELECT = """
            select m.id, m.organisation_id, o.name, o.time_zone, m.room_id, r.name, m.host_id, s.display_name,
                   s.email, m.title, m.starts_at, m.ends_at, m.assurance_level, m.confidential, m.information,
                   m.language, m.status, m.calendar_uid, m.sequence, m.version
            from meeting m
              join organisation o on o.id = m.organisation_id
              join room r on r.id = m.room_id
              join staff_user s on s.id = m.host_id
            """;

    Optional<MeetingRow> find(UUID meetingId) {
        return jdbc.sql(MEETING_SELECT + " where m.id = ?")
                .param(meetingId)
                .query(MeetingStore::meeting)
                .optional();
    }

    Optional<MeetingRow> find(UUID organisationId, UUID meetingId) {
        return jdbc.sql(MEETING_SELECT + " where m.organisation_id = ? and m.id = ?")
                .params(organisationId, meetingId)
                .query(MeetingStore::meeting)
                .optional();
    }

    /** Whether the organisation holds the meeting. */
    public boolean exists(UUID organisationId, UUID meetingId) {
        return find(organisationId, meetingId).isPresent();
    }

    /** Meetings starting in [from, to), earliest first, one page at a time. */
    List<MeetingRow> between(UUID organisationId, Instant from, Instant to, int offset, int limit) {
        return jdbc.sql(MEETING_SELECT + """
                 where m.organisation_id = ? and m.starts_at >= ? and m.starts_at < ?
                 order by m.starts_at, m.id offset ? rows fetch next ? rows only""")
                .params(organisationId, SqlTime.of(from), SqlTime.of(to), offset, limit)
                .query(MeetingStore::meeting)
                .list();
    }

    Optional<UUID> organisationOf(UUID meetingId) {
        return jdbc.sql("select organisation_id from meeting where id = ?")
                .param(meetingId)
                .query(UUID.class)
                .optional();
    }

    Set<UUID> heldBy(UUID organisationId, Collection<UUID> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select id from meeting where organisation_id = :organisation and id in (:ids)")
                .param("organisation", organisationId)
                .param("ids", List.copyOf(meetingIds))
                .query(UUID.class)
                .list());
    }

    boolean sameRoom(UUID meetingId, UUID otherMeetingId) {
        return jdbc.sql("""
                select count(*) from meeting a join meeting b on a.room_id = b.room_id where a.id = ? and b.id = ?""").params(meetingId, otherMeetingId).query(Long.class).single() > 0;
    }

    /** Locks the meeting's row until the transaction ends. */
    void lock(UUID meetingId) {
        jdbc.sql("select id from meeting where id = ? for update")
                .param(meetingId)
                .query(UUID.class)
                .optional();
    }

    void insert(MeetingRow m, Instant now) {
        jdbc.sql("""
                insert into meeting (id, organisation_id, room_id, host_id, title, starts_at, ends_at, assurance_level,
                  confidential, information, language, status, calendar_uid, sequence, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        m.id(),
                        m.organisationId(),
                        m.roomId(),
                        m.hostId(),
                        m.title(),
                        SqlTime.of(m.start()),
                        SqlTime.of(m.end()),
                        m.assuranceLevel().name(),
                        m.confidential(),
                        m.information(),
                        m.language(),
                        m.status().name(),
                        m.calendarUid(),
                        m.sequence(),
                        m.version(),
                        SqlTime.of(now),
                        SqlTime.of(now))
                .update();
    }

    /** Writes a changed meeting if nobody else changed it since {@code expectedVersion}; false otherwise. */
    boolean update(MeetingRow m, int expectedVersion, Instant now) {
        return jdbc.sql("""
                update meeting set room_id = ?, host_id = ?, title = ?, starts_at = ?, ends_at = ?, assurance_level = ?,
                  confidential = ?, information = ?, language = ?, status = ?, sequence = ?, version = version + 1,
                  updated_at = ?
                where id = ? and organisation_id = ? and version = ?""")
                        .params(
                                m.roomId(),
                                m.hostId(),
                                m.title(),
                                SqlTime.of(m.start()),
                                SqlTime.of(m.end()),
                                m.assuranceLevel().name(),
                                m.confidential(),
                                m.information(),
                                m.language(),
                                m.status().name(),
                                m.sequence(),
                                SqlTime.of(now),
                                m.id(),
                                m.organisationId(),
                                expectedVersion)
                        .update()
                == 1;
    }

    List<InviteeRow> invitees(UUID meetingId) {
        return jdbc.sql("""
                select id, name, email, mobile, pin_encrypted, pin_index, removed_at, identity_changed_at from invitee
                where meeting_id = ? order by created_at, id""")
                .param(meetingId)
                .query((rs, n) -> new InviteeRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        SqlTime.read(rs, 7),
                        SqlTime.read(rs, 8)))
                .list();
    }

    /**
     * One invitee's row as signaling reads it: no contact or identity columns, and who comes with them by name (the
     * child they are the guardian of and their guardians, while invited), in one round trip.
     */
    record InvitationRow(
            UUID meetingId,
            String name,
            Instant removedAt,
            Instant identityChangedAt,
            String guardianOf,
            List<String> guardians) {}

    Optional<InvitationRow> invitation(UUID inviteeId) {
        // one row per guardian, at least one: the invitee's own columns repeat, the guardian's name differs
        List<InvitationRow> rows = jdbc.sql("""
                select i.meeting_id, i.name, i.removed_at, i.identity_changed_at, c.name, p.name
                from invitee i
                  left join invitee_guardian gc on gc.guardian_id = i.id
                  left join invitee c on c.id = gc.child_id and c.removed_at is null and i.removed_at is null
                  left join invitee_guardian gp on gp.child_id = i.id
                  left join invitee p on p.id = gp.guardian_id and p.removed_at is null
                where i.id = ?
                order by p.created_at, p.id""")
                .param(inviteeId)
                .query((rs, n) -> new InvitationRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        SqlTime.read(rs, 3),
                        SqlTime.read(rs, 4),
                        rs.getString(5),
                        rs.getString(6) == null ? List.of() : List.of(rs.getString(6))))
                .list();
        return rows.stream()
                .reduce((first, next) -> new InvitationRow(
                        first.meetingId(),
                        first.name(),
                        first.removedAt(),
                        first.identityChangedAt(),
                        first.guardianOf(),
                        Stream.concat(first.guardians().stream(), next.guardians().stream())
                                .toList()));
    }

    /** One invitee's address and number, as stored (neither is encrypted). */
    record ContactRow(String email, String mobile) {}

    Optional<ContactRow> contact(UUID inviteeId) {
        return jdbc.sql("select email, mobile from invitee where id = ?")
                .param(inviteeId)
                .query((rs, n) -> new ContactRow(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** One invitee's identity number, still encrypted; empty when the invitee names no person or does not exist. */
    Optional<String> pinEncrypted(UUID inviteeId) {
        return jdbc
                .sql("select pin_encrypted from invitee where id = ?")
                .param(inviteeId)
                .query((rs, n) -> rs.getString(1))
                .list()
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    List<UUID> invitationsNaming(String pinIndex, Instant endingAfter) {
        return jdbc.sql("""
                select i.id from invitee i join meeting m on m.id = i.meeting_id
                where i.pin_index = ? and i.removed_at is null and m.status = ? and m.ends_at > ?
                order by m.starts_at, i.id""")
                .params(pinIndex, MeetingStatus.SCHEDULED.name(), SqlTime.of(endingAfter))
                .query(UUID.class)
                .list();
    }

    void insertInvitee(UUID meetingId, InviteeRow invitee, Instant now) {
        jdbc.sql("""
                insert into invitee (id, meeting_id, name, email, mobile, pin_encrypted, pin_index, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        invitee.id(),
                        meetingId,
                        invitee.name(),
                        invitee.email(),
                        invitee.mobile(),
                        invitee.pinEncrypted(),
                        invitee.pinIndex(),
                        SqlTime.of(now))
                .update();
    }

    void updateInvitee(UUID meetingId, InviteeRow invitee) {
        jdbc.sql("""
                update invitee set name = ?, email = ?, mobile = ?, pin_encrypted = ?, pin_index = ?
                where id = ? and meeting_id = ?""")
                .params(
                        invitee.name(),
                        invitee.email(),
                        invitee.mobile(),
                        invitee.pinEncrypted(),
                        invitee.pinIndex(),
                        invitee.id(),
                        meetingId)
                .update();
    }

    /** The invitee now reaches or names someone else: identifications made before {@code now} no longer count. */
    void identityChanged(UUID meetingId, UUID inviteeId, Instant now) {
        jdbc.sql("update invitee set identity_changed_at = ? where id = ? and meeting_id = ?")
                .params(SqlTime.of(now), inviteeId, meetingId)
                .update();
    }

    void removeInvitee(UUID meetingId, UUID inviteeId, Instant now) {
        jdbc.sql("update invitee set removed_at = ? where id = ? and meeting_id = ?")
                .params(SqlTime.of(now), inviteeId, meetingId)
                .update();
    }

    private static MeetingRow meeting(ResultSet rs, int row) throws SQLException {
        return new MeetingRow(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getObject(7, UUID.class),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                SqlTime.read(rs, 11),
                SqlTime.read(rs, 12),
                AssuranceLevel.valueOf(rs.getString(13)),
                rs.getBoolean(14),
                rs.getString(15),
                rs.getString(16),
                MeetingStatus.valueOf(rs.getString(17)),
                rs.getString(18),
                rs.getInt(19),
                rs.getInt(20));
    }
}
