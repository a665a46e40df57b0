package se.portvakt.booking.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.portvakt.booking.Rooms;
import se.portvakt.config.ConditionalOnEmbeddedMode;
import se.portvakt.organisation.OrganisationCreated;

/** Gives the embedded default's demo organisation two rooms, named as a municipality would. */
@Component
@ConditionalOnEmbeddedMode
class DemoRooms {

    private final Rooms rooms;

    DemoRooms(Rooms rooms) {
        this.rooms = rooms;
    }

    @EventListener
    void on(OrganisationCreated created) {
        if (rooms.of(created.organisationId()).isEmpty()) {
            rooms.add(created.organisationId(), "Socialtjänsten – Mottagning 1");
            rooms.add(created.organisationId(), "Vårdcentralen Norr – Videorum");
        }
    }
}
