package se.portvakt.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.portvakt.booking.Attachments;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.MeetingNotFound;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.booking.MeetingView;
import se.portvakt.booking.Meetings;
import se.portvakt.guest.GuestArrivals;
import se.portvakt.identity.StaffPrincipal;
import se.portvakt.ids.MeetingId;
import se.portvakt.invitation.Delivery;
import se.portvakt.invitation.InvitationDeliveries;
import se.portvakt.organisation.Organisations;

/** The host's list of meetings, a page at a time, and one meeting with its invitees and files. */
@Controller
class MeetingsController {

    static final int PAGE_SIZE = 25;

    private final Meetings meetings;
    private final Attachments attachments;
    private final InvitationDeliveries deliveries;
    private final Organisations organisations;
    private final GuestArrivals arrivals;
    private final Clock clock;

    MeetingsController(
            Meetings meetings,
            Attachments attachments,
            InvitationDeliveries deliveries,
            Organisations organisations,
            GuestArrivals arrivals,
            Clock clock) {
        this.arrivals = arrivals;
        this.meetings = meetings;
        this.attachments = attachments;
        this.deliveries = deliveries;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/meetings")
    String list(
            @AuthenticationPrincipal StaffPrincipal host,
            @RequestParam(required = false) String from,
            @RequestParam(defaultValue = "0") int page,
            Locale locale,
            Model model) {
        ZoneId zone = organisations.get(host.organisationId()).zone();
        LocalDate first = parseOrToday(from, zone);
        int safePage = Math.max(0, page);
        // one more than a page tells whether there is a next page
        List<MeetingView> shown = meetings
                .between(
                        host.organisationId(),
                        first.atStartOfDay(zone).toInstant(),
                        first.plusYears(2).atStartOfDay(zone).toInstant(),
                        safePage,
                        PAGE_SIZE + 1)
                .stream()
                .map(meeting -> MeetingView.of(meeting, locale))
                .toList();
        model.addAttribute("meetings", shown.subList(0, Math.min(PAGE_SIZE, shown.size())));
        model.addAttribute("from", first);
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", shown.size() > PAGE_SIZE);
        return "portal/meetings";
    }

    @GetMapping("/meetings/{id}")
    String show(@AuthenticationPrincipal StaffPrincipal host, @PathVariable UUID id, Locale locale, Model model) {
        MeetingDetails meeting =
                meetings.details(host.organisationId(), new MeetingId(id)).orElseThrow(MeetingNotFound::new);
        model.addAttribute("meeting", MeetingView.of(meeting.summary(), locale));
        model.addAttribute("invitees", meeting.currentInvitees());
        model.addAttribute("attachments", attachments.list(new MeetingId(id)));
        model.addAttribute("deliveries", deliveryStates(id));
        model.addAttribute("arrivals", arrivals.ofMeeting(new MeetingId(id)));
        model.addAttribute(
                "changeable",
                meeting.status() != MeetingStatus.CANCELLED && meeting.end().isAfter(clock.instant()));
        return "portal/meeting";
    }

    /** Per invitee, the latest message per channel: "EMAIL:SENT SMS:PENDING" as message keys to show. */
    private Map<UUID, List<Delivery>> deliveryStates(UUID meetingId) {
        Map<UUID, Map<String, Delivery>> latest = new LinkedHashMap<>();
        for (Delivery delivery : deliveries.forMeeting(meetingId)) {
            latest.computeIfAbsent(delivery.inviteeId(), id -> new LinkedHashMap<>())
                    .put(delivery.channel(), delivery);
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
}
