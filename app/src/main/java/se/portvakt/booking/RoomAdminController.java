package se.portvakt.booking;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.portvakt.audit.AuditLog;
import se.portvakt.config.StorableText;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditAction;
import se.portvakt.identity.StaffPrincipal;

/** An administrator adds the organisation's rooms. */
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
        model.addAttribute("rooms", rooms.of(admin.organisationId()));
        model.addAttribute("name", "");
        return "booking/rooms";
    }

    @PostMapping("/admin/rooms")
    String add(@AuthenticationPrincipal StaffPrincipal admin, @RequestParam(defaultValue = "") String name, Model model,
            RedirectAttributes redirect) {
        String error = null;
        if (!StorableText.storable(name)) {
            error = BookingRules.TEXT_UNSTORABLE;
        } else if (name.isBlank() || name.strip().length() > Rooms.MAX_NAME) {
            error = "booking.error.room-name-required";
        } else if (rooms.byName(admin.organisationId(), name).isPresent()) {
            error = "booking.error.room-name-taken";
        }
        if (error != null) {
            model.addAttribute("rooms", rooms.of(admin.organisationId()));
            model.addAttribute("name", name);
            model.addAttribute("error", error);
            return "booking/rooms";
        }
        Room room = rooms.add(admin.organisationId(), name);
        audit.record(AuditEntry.of(admin.organisationId(), AuditAction.ROOM_ADDED, AuditActor.staff(admin.id()))
                .subject(room.id()).detail("name", room.name()));
        redirect.addFlashAttribute("notice", "booking.rooms.added");
        return "redirect:/admin/rooms";
    }
}
