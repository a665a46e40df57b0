package se.portvakt.booking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.booking.Room;
import se.portvakt.booking.Rooms;
import se.portvakt.booking.internal.BookingRejected;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.BookingServiceIT;

/** Rooms renamed, ordered and retired by their own organisation's administrator only; a retired room's meetings stay. */
@IntegrationTest
class RoomAdminIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Rooms rooms;

    @Autowired
    BookingService booking;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRoomIsRenamedButNotToANameTheOrganisationAlreadyUses() throws Exception {
        Tenant tenant = fixtures.tenant();
        Room other = fixtures.addRoom(tenant, "Samtalsrum");
        PortalClient portal = new PortalClient(context);
        String refused = portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/rooms/{id}/name", tenant.room().id()).param("name", other.name())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"rename-error\"");

        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/rooms/{id}/name", tenant.room().id()).param("name", "  Nya rummet  ")))
                .andExpect(status().is3xxRedirection());
        assertThat(rooms.find(tenant.organisation().id(), tenant.room().id())
                        .orElseThrow()
                        .name())
                .isEqualTo("Nya rummet");
        assertThat(actions(tenant)).contains("room.renamed");
    }

    @Test
    void aRetiredRoomTakesNoNewMeetingsButKeepsItsOwnAndCanBeReinstated() throws Exception {
        Tenant tenant = fixtures.tenant();
        UUID kept = booking.book(tenant.actor(), BookingServiceIT.request(tenant, BookingServiceIT.anna()));
        PortalClient portal = new PortalClient(context);
        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/rooms/{id}/retire", tenant.room().id()).param("retired", "true")))
                .andExpect(status().is3xxRedirection());

        assertThat(rooms.of(tenant.organisation().id()))
                .extracting(Room::id)
                .doesNotContain(tenant.room().id());
        assertThat(booking.details(kept)).isPresent();
        assertThatThrownBy(
                        () -> booking.book(tenant.actor(), BookingServiceIT.request(tenant, BookingServiceIT.anna())))
                .isInstanceOf(BookingRejected.class)
                .hasMessageContaining("booking.error.room-unknown");

        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/rooms/{id}/retire", tenant.room().id()).param("retired", "false")))
                .andExpect(status().is3xxRedirection());
        assertThat(booking.book(tenant.actor(), BookingServiceIT.request(tenant, BookingServiceIT.anna())))
                .isNotNull();
        assertThat(actions(tenant)).contains("room.retired", "room.reinstated");
    }

    @Test
    void roomsAreShownInTheOrderTheAdministratorGivesThem() throws Exception {
        Tenant tenant = fixtures.tenant();
        Room second = fixtures.addRoom(tenant, "Andra");
        Room third = fixtures.addRoom(tenant, "Tredje");
        PortalClient portal = new PortalClient(context);
        portal.mvc()
                .perform(portal.as(
                        tenant.host(),
                        post("/admin/rooms/{id}/move", third.id()).param("step", "-1")))
                .andExpect(status().is3xxRedirection());
        assertThat(rooms.of(tenant.organisation().id()))
                .extracting(Room::id)
                .containsExactly(tenant.room().id(), third.id(), second.id());
        assertThat(actions(tenant)).contains("rooms.reordered");
    }

    @Test
    void anAdministratorCannotTouchAnotherOrganisationsRooms() throws Exception {
        Tenant home = fixtures.tenant();
        Tenant elsewhere = fixtures.tenant();
        Room theirs = elsewhere.room();
        PortalClient portal = new PortalClient(context);
        portal.mvc()
                .perform(portal.as(
                        home.host(), post("/admin/rooms/{id}/name", theirs.id()).param("name", "Kapat")));
        portal.mvc()
                .perform(portal.as(
                        home.host(),
                        post("/admin/rooms/{id}/retire", theirs.id()).param("retired", "true")));
        portal.mvc()
                .perform(portal.as(
                        home.host(), post("/admin/rooms/{id}/move", theirs.id()).param("step", "1")));

        assertThat(rooms.of(elsewhere.organisation().id()))
                .extracting(Room::name)
                .containsExactly(theirs.name());
        assertThat(actions(home)).doesNotContain("room.renamed", "room.retired", "rooms.reordered");
    }

    @Test
    void aHostWhoIsNoAdministratorCannotChangeRooms() throws Exception {
        Tenant tenant = fixtures.tenant();
        var host = fixtures.addHost(tenant, "Hilda Host");
        PortalClient portal = new PortalClient(context);
        portal.mvc()
                .perform(portal.as(
                        host,
                        post("/admin/rooms/{id}/retire", tenant.room().id()).param("retired", "true")))
                .andExpect(status().isForbidden());
        assertThat(rooms.of(tenant.organisation().id()))
                .extracting(Room::id)
                .contains(tenant.room().id());
    }

    private List<String> actions(Tenant tenant) {
        return jdbc.sql("select action from audit_event where organisation_id = ? order by id")
                .param(tenant.organisation().id().value())
                .query(String.class)
                .list();
    }
}
