package se.portvakt.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.RoomId;

/** The rooms of each organisation. */
@Component
public class Rooms {

    public static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    Rooms(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The rooms that take meetings, in the organisation's order. */
    public List<Room> of(OrganisationId organisationId) {
        return jdbc.sql("""
                select id, organisation_id, name from room where organisation_id = ? and retired_at is null
                order by position, name""").param(organisationId.value()).query(Room::read).list();
    }

    /** A room as the administrator sees it. */
    public record Listing(UUID id, String name, int position, Instant retiredAt) {
        public boolean retired() {
            return retiredAt != null;
        }
    }

    /** Every room, retired ones too, in the organisation's order. */
    public List<Listing> all(OrganisationId organisationId) {
        return jdbc.sql("""
                select id, name, position, retired_at from room where organisation_id = ?
                order by position, name""")
                .param(organisationId.value())
                .query((rs, n) ->
                        new Listing(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), SqlTime.read(rs, 4)))
                .list();
    }

    /** A room that takes new meetings. */
    public Optional<Room> findActive(OrganisationId organisationId, RoomId roomId) {
        return jdbc.sql("""
                select id, organisation_id, name from room where organisation_id = ? and id = ? and retired_at is null""")
                .params(organisationId.value(), roomId.value())
                .query(Room::read)
                .optional();
    }

    /** Renames a room of this organisation; false if there is none such. The new name must be free. */
    public boolean rename(OrganisationId organisationId, RoomId roomId, String name) {
        return jdbc.sql("update room set name = ? where organisation_id = ? and id = ?")
                        .params(name.strip(), organisationId.value(), roomId.value())
                        .update()
                == 1;
    }

    /** Retires (or reinstates) a room; false if there is no such room or no change. Its meetings stay. */
    public boolean retire(OrganisationId organisationId, RoomId roomId, boolean retired) {
        return jdbc.sql("update room set retired_at = ? where organisation_id = ? and id = ? and "
                                + (retired ? "retired_at is null" : "retired_at is not null"))
                        .params(retired ? SqlTime.of(clock.instant()) : null, organisationId.value(), roomId.value())
                        .update()
                == 1;
    }

    /** Moves a room one place earlier ({@code -1}) or later ({@code 1}); false if it cannot move. */
    public boolean move(OrganisationId organisationId, RoomId roomId, int step) {
        List<UUID> order =
                new ArrayList<>(all(organisationId).stream().map(Listing::id).toList());
        int at = order.indexOf(roomId.value());
        int to = at + Integer.signum(step);
        if (at < 0 || to < 0 || to >= order.size()) {
            return false;
        }
        Collections.swap(order, at, to);
        for (int position = 0; position < order.size(); position++) {
            jdbc.sql("update room set position = ? where organisation_id = ? and id = ?")
                    .params(position, organisationId.value(), order.get(position))
                    .update();
        }
        return true;
    }

    public Optional<Room> find(OrganisationId organisationId, RoomId roomId) {
        return jdbc.sql("select id, organisation_id, name from room where organisation_id = ? and id = ?")
                .params(organisationId.value(), roomId.value())
                .query(Room::read)
                .optional();
    }

    public Optional<Room> byName(OrganisationId organisationId, String name) {
        return jdbc.sql("select id, organisation_id, name from room where organisation_id = ? and name = ?")
                .params(organisationId.value(), name == null ? "" : name.strip())
                .query(Room::read)
                .optional();
    }

    /** Adds a room; the name must be new in the organisation (see {@link #byName}). */
    public Room add(OrganisationId organisationId, String name) {
        Room room = new Room(new RoomId(UUID.randomUUID()), organisationId, name.strip());
        // a new room goes last in the organisation's order
        int position = jdbc.sql("select coalesce(max(position), -1) + 1 from room where organisation_id = ?")
                .param(organisationId.value())
                .query(Integer.class)
                .single();
        jdbc.sql("insert into room (id, organisation_id, name, created_at, position) values (?, ?, ?, ?, ?)")
                .params(room.id().value(), organisationId.value(), room.name(), SqlTime.of(clock.instant()), position)
                .update();
        return room;
    }
}
