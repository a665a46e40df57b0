package se.portvakt.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.portvakt.booking.MeetingView;
import se.portvakt.booking.Meetings;
import se.portvakt.booking.Rooms;
import se.portvakt.identity.StaffPrincipal;
import se.portvakt.organisation.Organisations;

/** The host's start page: the organisation's rooms and today's meetings. */
@Controller
class HomeController {

    private static final int MAX_TODAY = 100;

    private final Rooms rooms;
    private final Meetings meetings;
    private final Organisations organisations;
    private final Clock clock;

    HomeController(Rooms rooms, Meetings meetings, Organisations organisations, Clock clock) {
        this.rooms = rooms;
        this.meetings = meetings;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal StaffPrincipal host, Locale locale, Model model) {
        ZoneId zone = organisations.get(host.organisationId()).zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        model.addAttribute("organisation", organisations.get(host.organisationId()));
        model.addAttribute("rooms", rooms.of(host.organisationId()));
        model.addAttribute(
                "meetings",
                meetings
                        .between(
                                host.organisationId(),
                                today.atStartOfDay(zone).toInstant(),
                                today.plusDays(1).atStartOfDay(zone).toInstant(),
                                0,
                                MAX_TODAY)
                        .stream()
                        .map(meeting -> MeetingView.of(meeting, locale))
                        .toList());
        return "portal/home";
    }
}
