package se.portvakt.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.portvakt.audit.AuditActor;
import se.portvakt.guest.GuestArrivals;
import se.portvakt.booking.Actor;
import se.portvakt.booking.Attachments;
import se.portvakt.booking.BookingService;
import se.portvakt.booking.EditableMeeting;
import se.portvakt.booking.MeetingNotFound;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.booking.MeetingView;
import se.portvakt.identity.StaffPrincipal;
import se.portvakt.invitation.Delivery;
import se.portvakt.invitation.InvitationDeliveries;
import se.portvakt.organisation.Organisations;

/** The host's list of meetings, a page at a time, and one meeting with its invitees and files. */
@Controller
class MeetingsController {

    static final int PAGE_SIZE = 25;

    private final BookingService booking;
    private final Attachments attachments;
    private final InvitationDeliveries deliveries;
    private final Organisations organisations;
    private final GuestArrivals arrivals;
    private final Clock clock;

    MeetingsController(BookingService booking, Attachments attachments, InvitationDeliveries deliveries,
            Organisations organisations, GuestArrivals arrivals, Clock clock) {
        this.arrivals = arrivals;
        this.booking = booking;
        this.attachments = attachments;
        this.deliveries = deliveries;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/meetings")
    String list(@AuthenticationPrincipal StaffPrincipal host, @RequestParam(required = false) String from,
            @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        ZoneId zone = organisations.get(host.organisationId()).zone();
        LocalDate first = parseOrToday(from, zone);
        int safePage = Math.max(0, page);
        // one more than a page tells whether there is a next page
        List<MeetingView> meetings = booking.between(actor(host), first.atStartOfDay(zone).toInstant(),
                        first.plusYears(2).atStartOfDay(zone).toInstant(), safePage, PAGE_SIZE + 1)
                .stream().map(meeting -> MeetingView.of(meeting, locale)).toList();
        model.addAttribute("meetings", meetings.subList(0, Math.min(PAGE_SIZE, meetings.size())));
        model.addAttribute("from", first);
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", meetings.size() > PAGE_SIZE);
        return "portal/meetings";
    }

    @GetMapping("/meetings/{id}")
    String show(@AuthenticationPrincipal StaffPrincipal host, @PathVariable UUID id, Locale locale, Model model) {
        EditableMeeting meeting = booking.find(actor(host), id).orElseThrow(MeetingNotFound::new);
        model.addAttribute("meeting", MeetingView.of(meeting.details(), locale));
        model.addAttribute("invitees", meeting.details().currentInvitees());
        model.addAttribute("attachments", attachments.list(id));
        model.addAttribute("deliveries", deliveryStates(id));
        model.addAttribute("arrivals", arrivals.ofMeeting(id));
        model.addAttribute("changeable", meeting.details().status() != MeetingStatus.CANCELLED
                && meeting.details().end().isAfter(clock.instant()));
        return "portal/meeting";
    }

    /** Per invitee, the latest message per channel: "EMAIL:SENT SMS:PENDING" as message keys to show. */
    private Map<UUID, List<Delivery>> deliveryStates(UUID meetingId) {
        Map<UUID, Map<String, Delivery>> latest = new LinkedHashMap<>();
        for (Delivery delivery : deliveries.forMeeting(meetingId)) {
            latest.computeIfAbsent(delivery.inviteeId(), id -> new LinkedHashMap<>()).put(delivery.channel(), delivery);
        }
        Map<UUID, List<Delivery>> states = new LinkedHashMap<>();
        latest.forEach((invitee, byChannel) -> states.put(invitee, List.copyOf(byChannel.values())));
        return states;
    }

    private LocalDate parseOrToday(String from, ZoneId zone) {
        try {
            return from == null || from.isBlank() ? LocalDate.now(clock.withZone(zone)) : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            return LocalDate.now(clock.withZone(zone));
        }
    }

    private static Actor actor(StaffPrincipal host) {
        return new Actor(host.organisationId(), AuditActor.staff(host.id()));
    }
}
