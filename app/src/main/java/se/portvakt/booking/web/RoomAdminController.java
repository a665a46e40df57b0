package se.portvakt.booking.web;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.Room;
import se.portvakt.booking.Rooms;
import se.portvakt.booking.internal.BookingRules;
import se.portvakt.config.StorableText;
import se.portvakt.identity.StaffPrincipal;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.RoomId;

/**
 * An administrator adds, renames, orders and retires the organisation's rooms. A retired room takes no new
 * meetings; its meetings and their history stay, and it can be reinstated.
 */
@Controller
class RoomAdminController {

    private final Rooms rooms;
    private final AuditLog audit;

    RoomAdminController(Rooms rooms, AuditLog audit) {
        this.rooms = rooms;
        this.audit = audit;
    }

    @GetMapping("/admin/rooms")
    String list(@AuthenticationPrincipal StaffPrincipal admin, Model model) {
        return show(admin, "", null, null, null, model);
    }

    @PostMapping("/admin/rooms")
    @Transactional
    String add(
            @AuthenticationPrincipal StaffPrincipal admin,
            @RequestParam(defaultValue = "") String name,
            Model model,
            RedirectAttributes redirect) {
        String error = nameProblem(admin.organisationId(), name, null);
        if (error != null) {
            return show(admin, name, error, null, null, model);
        }
        Room room = rooms.add(admin.organisationId(), name);
        audit.record(AuditEntry.of(admin.organisationId(), AuditAction.ROOM_ADDED, AuditActor.staff(admin.id()))
                .subject(room.id())
                .detail("name", room.name()));
        redirect.addFlashAttribute("notice", "booking.rooms.added");
        return "redirect:/admin/rooms";
    }

    @PostMapping("/admin/rooms/{id}/name")
    @Transactional
    String rename(
            @AuthenticationPrincipal StaffPrincipal admin,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            Model model,
            RedirectAttributes redirect) {
        Room room = rooms.find(admin.organisationId(), new RoomId(id)).orElse(null);
        if (room == null) {
            return "redirect:/admin/rooms";
        }
        String error = nameProblem(admin.organisationId(), name, new RoomId(id));
        if (error != null) {
            return show(admin, "", null, id, error, model);
        }
        if (rooms.rename(admin.organisationId(), new RoomId(id), name)
                && !room.name().equals(name.strip())) {
            audit.record(AuditEntry.of(admin.organisationId(), AuditAction.ROOM_RENAMED, AuditActor.staff(admin.id()))
                    .subject(id)
                    .detail("from", room.name())
                    .detail("to", name.strip()));
            redirect.addFlashAttribute("notice", "staff.rooms.renamed");
        }
        return "redirect:/admin/rooms";
    }

    @PostMapping("/admin/rooms/{id}/retire")
    @Transactional
    String retire(
            @AuthenticationPrincipal StaffPrincipal admin,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "true") boolean retired,
            RedirectAttributes redirect) {
        if (rooms.retire(admin.organisationId(), new RoomId(id), retired)) {
            audit.record(AuditEntry.of(
                            admin.organisationId(),
                            retired ? AuditAction.ROOM_RETIRED : AuditAction.ROOM_REINSTATED,
                            AuditActor.staff(admin.id()))
                    .subject(id));
            redirect.addFlashAttribute("notice", retired ? "staff.rooms.retired" : "staff.rooms.reinstated");
        }
        return "redirect:/admin/rooms";
    }

    @PostMapping("/admin/rooms/{id}/move")
    @Transactional
    String move(@AuthenticationPrincipal StaffPrincipal admin, @PathVariable UUID id, @RequestParam int step) {
        if (rooms.move(admin.organisationId(), new RoomId(id), step)) {
            audit.record(
                    AuditEntry.of(admin.organisationId(), AuditAction.ROOMS_REORDERED, AuditActor.staff(admin.id()))
                            .subject(id)
                            .detail("step", Integer.signum(step)));
        }
        return "redirect:/admin/rooms";
    }

    /** A message key for a name that will not do, or null; {@code renaming} is the room keeping its own name. */
    private String nameProblem(OrganisationId organisationId, String name, RoomId renaming) {
        if (!StorableText.storable(name)) {
            return BookingRules.TEXT_UNSTORABLE;
        }
        if (name.isBlank() || name.strip().length() > Rooms.MAX_NAME) {
            return "booking.error.room-name-required";
        }
        return rooms.byName(organisationId, name)
                        .filter(other -> !other.id().equals(renaming))
                        .isPresent()
                ? "booking.error.room-name-taken"
                : null;
    }

    private String show(
            StaffPrincipal admin, String name, String error, UUID renamed, String renameError, Model model) {
        model.addAttribute("rooms", rooms.all(admin.organisationId()));
        model.addAttribute("name", name);
        model.addAttribute("error", error);
        model.addAttribute("renamed", renamed);
        model.addAttribute("renameError", renameError);
        return "booking/rooms";
    }
}
