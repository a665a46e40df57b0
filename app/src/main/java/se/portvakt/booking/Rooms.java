package se.portvakt.booking;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.portvakt.config.SqlTime;

/** The rooms of each organisation. */
@Component
public class Rooms {

    static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    Rooms(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Room> of(UUID organisationId) {
        return jdbc.sql("select id, organisation_id, name from room where organisation_id = ? order by name")
                .param(organisationId).query(Room.class).list();
    }

    public Optional<Room> find(UUID organisationId, UUID roomId) {
        return jdbc.sql("select id, organisation_id, name from room where organisation_id = ? and id = ?")
                .params(organisationId, roomId).query(Room.class).optional();
    }

    public Optional<Room> byName(UUID organisationId, String name) {
        return jdbc.sql("select id, organisation_id, name from room where organisation_id = ? and name = ?")
                .params(organisationId, name == null ? "" : name.strip()).query(Room.class).optional();
    }

    /** Adds a room; the name must be new in the organisation (see {@link #byName}). */
    public Room add(UUID organisationId, String name) {
        Room room = new Room(UUID.randomUUID(), organisationId, name.strip());
        jdbc.sql("insert into room (id, organisation_id, name, created_at) values (?, ?, ?, ?)")
                .params(room.id(), organisationId, room.name(), SqlTime.of(clock.instant())).update();
        return room;
    }
}
