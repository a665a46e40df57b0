package se.portvakt.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.RoomId;

/** A named virtual meeting room; its name matches what the organiser sees in the calendar. */
public record Room(RoomId id, OrganisationId organisationId, String name) {

    /** A row of {@code select id, organisation_id, name from room}. */
    static Room read(ResultSet rs, int row) throws SQLException {
        return new Room(
                new RoomId(rs.getObject(1, UUID.class)),
                new OrganisationId(rs.getObject(2, UUID.class)),
                rs.getString(3));
    }
}
