package se.portvakt.booking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.portvakt.audit.AuditActor;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.MeetingNotFound;
import se.portvakt.booking.MeetingView;
import se.portvakt.booking.Rooms;
import se.portvakt.booking.internal.Actor;
import se.portvakt.booking.internal.BookingProblem;
import se.portvakt.booking.internal.BookingRejected;
import se.portvakt.booking.internal.BookingRules;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.EditableMeeting;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.config.StorableText;
import se.portvakt.identity.StaffPrincipal;
import se.portvakt.organisation.Organisation;
import se.portvakt.organisation.Organisations;
import se.portvakt.organisation.StaffDirectory;

/** The host portal's booking form: book, change and cancel a meeting. */
@Controller
class BookingController {

    private final BookingService booking;
    private final Rooms rooms;
    private final StaffDirectory staff;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    BookingController(
            BookingService booking,
            Rooms rooms,
            StaffDirectory staff,
            Organisations organisations,
            MessageSource messages,
            Clock clock) {
        this.booking = booking;
        this.rooms = rooms;
        this.staff = staff;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/meetings/new")
    String newMeeting(
            @AuthenticationPrincipal StaffPrincipal host, @RequestParam(required = false) UUID roomId, Model model) {
        Organisation organisation = organisations.get(host.organisationId());
        LocalDate today = LocalDate.now(clock.withZone(organisation.zone()));
        MeetingForm form = MeetingForm.blank(roomId, host.id().value(), today, organisation.defaultLanguage());
        return showForm(host, form, Map.of(), null, model);
    }

    @PostMapping("/meetings/new")
    String book(
            @AuthenticationPrincipal StaffPrincipal host,
            @ModelAttribute MeetingForm form,
            BindingResult ignoredTypeErrors,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        if ("addInvitee".equals(action)) {
            return showForm(host, form.withAnotherRow(), Map.of(), null, model);
        }
        Organisation organisation = organisations.get(host.organisationId());
        List<BookingProblem> problems = unstorableText(form);
        MeetingRequest request = form.toRequest(organisation.zone(), problems);
        try {
            if (problems.isEmpty()) {
                UUID id = booking.book(actor(host), request);
                redirect.addFlashAttribute("notice", "booking.notice.booked");
                return "redirect:/meetings/" + id;
            }
            problems.addAll(ruleProblemsBesides(problems, request));
        } catch (BookingRejected rejected) {
            problems.addAll(rejected.problems());
        }
        return showForm(host, form, errors(problems, locale), null, model);
    }

    @GetMapping("/meetings/{id}/edit")
    String edit(@AuthenticationPrincipal StaffPrincipal host, @PathVariable UUID id, Model model) {
        EditableMeeting meeting = booking.find(actor(host), id).orElseThrow(MeetingNotFound::new);
        return showForm(host, MeetingForm.of(meeting), Map.of(), meeting, model);
    }

    @PostMapping("/meetings/{id}/edit")
    String change(
            @AuthenticationPrincipal StaffPrincipal host,
            @PathVariable UUID id,
            @ModelAttribute MeetingForm form,
            BindingResult ignoredTypeErrors,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        EditableMeeting meeting = booking.find(actor(host), id).orElseThrow(MeetingNotFound::new);
        if ("addInvitee".equals(action)) {
            return showForm(host, form.withAnotherRow(), Map.of(), meeting, model);
        }
        List<BookingProblem> problems = unstorableText(form);
        MeetingRequest request = form.toRequest(meeting.details().zone(), problems);
        try {
            if (problems.isEmpty()) {
                int version = form.version() == null ? -1 : form.version();
                booking.change(actor(host), id, version, request);
                redirect.addFlashAttribute("notice", "booking.notice.changed");
                return "redirect:/meetings/" + id;
            }
            problems.addAll(ruleProblemsBesides(problems, request));
        } catch (BookingRejected rejected) {
            problems.addAll(rejected.problems());
        }
        return showForm(host, form, errors(problems, locale), meeting, model);
    }

    @GetMapping("/meetings/{id}/cancel")
    String confirmCancel(
            @AuthenticationPrincipal StaffPrincipal host, @PathVariable UUID id, Locale locale, Model model) {
        EditableMeeting meeting = booking.find(actor(host), id).orElseThrow(MeetingNotFound::new);
        model.addAttribute("meeting", MeetingView.of(meeting.details().summary(), locale));
        return "booking/cancel";
    }

    @PostMapping("/meetings/{id}/cancel")
    String cancel(
            @AuthenticationPrincipal StaffPrincipal host,
            @PathVariable UUID id,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            booking.cancel(actor(host), id);
            redirect.addFlashAttribute("notice", "booking.notice.cancelled");
        } catch (BookingRejected rejected) {
            redirect.addFlashAttribute("problem", message(rejected.problems().get(0), locale));
        }
        return "redirect:/meetings/" + id;
    }

    static Actor actor(StaffPrincipal host) {
        return new Actor(host.organisationId(), AuditActor.staff(host.id()));
    }

    /** Text no database stores as typed, field by field as the form names them; the form comes back as typed. */
    private static List<BookingProblem> unstorableText(MeetingForm form) {
        List<BookingProblem> problems = new ArrayList<>();
        StorableText.unstorableFields(form)
                .forEach(field -> problems.add(BookingProblem.of(field, BookingRules.TEXT_UNSTORABLE)));
        return problems;
    }

    /** When dates could not be read, the rest of the form is still checked, so the host sees everything at once. */
    private List<BookingProblem> ruleProblemsBesides(List<BookingProblem> parseProblems, MeetingRequest request) {
        return BookingRules.check(request, clock.instant(), true, Integer.MAX_VALUE).stream()
                .filter(p -> !List.of("start", "end").contains(p.field()))
                .toList();
    }

    private String showForm(
            StaffPrincipal host, MeetingForm form, Map<String, String> errors, EditableMeeting meeting, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "meetingId", meeting == null ? null : meeting.details().id());
        model.addAttribute("maskedPins", meeting == null ? Map.of() : maskedPins(meeting));
        model.addAttribute("rooms", rooms.of(host.organisationId()));
        model.addAttribute("hosts", staff.hostsOf(host.organisationId()));
        model.addAttribute("levels", AssuranceLevel.values());
        return "booking/form";
    }

    private static Map<String, String> maskedPins(EditableMeeting meeting) {
        Map<String, String> masked = new LinkedHashMap<>();
        meeting.details().currentInvitees().stream()
                .filter(i -> i.maskedIdentityNumber() != null)
                .forEach(i -> masked.put(i.id().toString(), i.maskedIdentityNumber()));
        return masked;
    }

    /** Field name (as the form names it) to the message shown under it; the first problem per field wins. */
    private Map<String, String> errors(List<BookingProblem> problems, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (BookingProblem problem : problems) {
            String field = problem.field() == null ? "form" : MeetingForm.formField(problem.field());
            errors.putIfAbsent(field, message(problem, locale));
        }
        return errors;
    }

    private String message(BookingProblem problem, Locale locale) {
        return messages.getMessage(problem.code(), problem.arguments().toArray(), problem.code(), locale);
    }
}
