package se.portvakt;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import se.portvakt.booking.Room;
import se.portvakt.booking.Rooms;
import se.portvakt.booking.internal.Actor;
import se.portvakt.organisation.Organisation;
import se.portvakt.organisation.Organisations;
import se.portvakt.organisation.Role;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.organisation.StaffUser;

/** Makes a fresh organisation with an admin-host and a room for one test, so tests never share data. */
public class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";

    private final Organisations organisations;
    private final StaffDirectory staff;
    private final Rooms rooms;

    public Fixtures(Organisations organisations, StaffDirectory staff, Rooms rooms) {
        this.organisations = organisations;
        this.staff = staff;
        this.rooms = rooms;
    }

    /** An organisation as a test sees it. */
    public record Tenant(Organisation organisation, StaffUser host, Room room) {
        public Actor actor() {
            return new Actor(organisation.id(), se.portvakt.audit.AuditActor.staff(host.id()));
        }
    }

    public Tenant tenant() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Organisation organisation = organisations.create("Testkommun " + unique, ZoneId.of("Europe/Stockholm"), "sv");
        StaffUser host = staff.add(
                organisation.id(),
                "host-" + unique + "@kommun.example",
                "Vera Värd " + unique,
                EnumSet.of(Role.ADMIN, Role.HOST),
                PASSWORD);
        Room room = rooms.add(organisation.id(), "Rum " + unique);
        return new Tenant(organisation, host, room);
    }

    public Room addRoom(Tenant tenant, String name) {
        return rooms.add(
                tenant.organisation().id(),
                name + " " + UUID.randomUUID().toString().substring(0, 8));
    }

    public StaffUser addHost(Tenant tenant, String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.add(
                tenant.organisation().id(),
                "host-" + unique + "@kommun.example",
                name,
                EnumSet.of(Role.HOST),
                PASSWORD);
    }
}
