package se.portvakt.organisation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditExport;
import se.portvakt.audit.AuditLog;
import se.portvakt.audit.AuditQuery;
import se.portvakt.audit.AuditSearch;
import se.portvakt.audit.AuditVerifier;
import se.portvakt.audit.PersonalDataExport;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.StaffId;
import se.portvakt.person.PersonalIdentityNumber;

/** The organisation's audit log for its administrators: the chain's state, search, and export with the proof. */
@Controller
class AuditAdminController {

    static final int PAGE = 50;

    private final StaffDirectory staff;
    private final Organisations organisations;
    private final AuditSearch search;
    private final AuditVerifier verifier;
    private final AuditExport export;
    private final PersonalDataExport personalData;
    private final AuditLog audit;

    AuditAdminController(
            StaffDirectory staff,
            Organisations organisations,
            AuditSearch search,
            AuditVerifier verifier,
            AuditExport export,
            PersonalDataExport personalData,
            AuditLog audit) {
        this.staff = staff;
        this.personalData = personalData;
        this.organisations = organisations;
        this.search = search;
        this.verifier = verifier;
        this.export = export;
        this.audit = audit;
    }

    /**
     * The search as typed; dates are the organisation's local days, "to" inclusive. An identity number is typed
     * (posted, never in a URL) and travels on as {@code personIndex}, its keyed hash.
     */
    record SearchForm(
            String meeting, String person, String personIndex, String staff, String from, String to, Integer page) {
        SearchForm {
            meeting = meeting == null ? "" : meeting.strip();
            person = person == null ? "" : person.strip();
            personIndex = personIndex == null ? "" : personIndex.strip();
            staff = staff == null ? "" : staff.strip();
            from = from == null ? "" : from.strip();
            to = to == null ? "" : to.strip();
            page = page == null || page < 0 ? 0 : page;
        }
    }

    @GetMapping("/admin/audit")
    @Transactional(readOnly = true)
    String show(
            @AuthenticationPrincipal UserDetails user,
            @ModelAttribute("form") SearchForm form,
            @RequestParam(required = false) String personExportError,
            Model model) {
        // a number in the URL would land in access logs: only a posted search takes one
        SearchForm fromUrl = new SearchForm(
                form.meeting(), "", form.personIndex(), form.staff(), form.from(), form.to(), form.page());
        return page(admin(user), fromUrl, personExportError != null, model);
    }

    /** A search with an identity number: on to the results by the number's keyed hash. */
    @PostMapping("/admin/audit")
    @Transactional(readOnly = true)
    String search(
            @AuthenticationPrincipal UserDetails user,
            @ModelAttribute("form") SearchForm form,
            Model model,
            RedirectAttributes redirect) {
        StaffUser admin = admin(user);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<AuditQuery> query = query(organisations.get(admin.organisationId()), form, errors);
        if (query.isEmpty()) {
            return page(admin, form, false, model);
        }
        PersonalIdentityNumber.parse(form.person())
                .ifPresent(person -> redirect.addFlashAttribute("searchedPerson", person.masked()));
        redirect.addAttribute("meeting", form.meeting());
        redirect.addAttribute(
                "personIndex",
                query.get().personIndex() == null ? "" : query.get().personIndex());
        redirect.addAttribute("staff", form.staff());
        redirect.addAttribute("from", form.from());
        redirect.addAttribute("to", form.to());
        return "redirect:/admin/audit";
    }

    private String page(StaffUser admin, SearchForm form, boolean personExportError, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("personExportError", personExportError);
        Organisation organisation = organisations.get(admin.organisationId());
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<AuditQuery> query = query(organisation, form, errors);
        model.addAttribute("personIndex", query.map(AuditQuery::personIndex).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute(
                "retentionDays", organisations.retention(organisation.id()).toDays());
        model.addAttribute("minRetention", Organisations.MIN_RETENTION_DAYS);
        model.addAttribute("maxRetention", Organisations.MAX_RETENTION_DAYS);
        model.addAttribute("chain", verifier.verify(organisation.id().value()));
        model.addAttribute("zone", organisation.zone());
        model.addAttribute("staffList", staff.of(organisation.id()));
        model.addAttribute(
                "staffNames",
                staff.of(organisation.id()).stream()
                        .collect(Collectors.toMap(s -> AuditActor.staff(s.id()).value(), StaffUser::displayName)));
        query.ifPresent(q -> {
            long total = search.count(q);
            model.addAttribute("total", total);
            model.addAttribute("events", search.find(q, form.page() * PAGE, PAGE));
            model.addAttribute("hasNext", (long) (form.page() + 1) * PAGE < total);
        });
        return "organisation/audit";
    }

    @GetMapping("/admin/audit/export.csv")
    @Transactional
    ResponseEntity<String> csv(@AuthenticationPrincipal UserDetails user, @ModelAttribute("form") SearchForm form) {
        return exported(user, form, "csv", MediaType.parseMediaType("text/csv;charset=UTF-8"), export::csv);
    }

    @GetMapping("/admin/audit/export.json")
    @Transactional
    ResponseEntity<String> json(@AuthenticationPrincipal UserDetails user, @ModelAttribute("form") SearchForm form) {
        return exported(user, form, "json", MediaType.APPLICATION_JSON, export::json);
    }

    @PostMapping("/admin/audit/retention")
    @Transactional
    String retention(
            @AuthenticationPrincipal UserDetails user,
            @RequestParam(required = false) String days,
            RedirectAttributes redirect) {
        StaffUser admin = admin(user);
        Integer parsed = null;
        try {
            parsed = days == null ? null : Integer.valueOf(days.strip());
        } catch (NumberFormatException e) {
            parsed = null;
        }
        if (parsed == null || parsed < Organisations.MIN_RETENTION_DAYS || parsed > Organisations.MAX_RETENTION_DAYS) {
            redirect.addFlashAttribute("retentionError", "audit.retention.error");
            redirect.addFlashAttribute("retentionTyped", days);
            return "redirect:/admin/audit#retention";
        }
        long before = organisations.retention(admin.organisationId()).toDays();
        organisations.setRetention(admin.organisationId(), parsed);
        audit.record(AuditEntry.of(admin.organisationId(), AuditAction.RETENTION_CHANGED, AuditActor.staff(admin.id()))
                .subject(admin.organisationId())
                .detail("fromDays", before)
                .detail("toDays", parsed));
        redirect.addFlashAttribute("notice", "audit.retention.saved");
        return "redirect:/admin/audit#retention";
    }

    /** Everything held about one person, for their access request, handed to the administrator as a file. */
    @PostMapping("/admin/audit/person-export")
    @Transactional
    ResponseEntity<String> personExport(
            @AuthenticationPrincipal UserDetails user, @RequestParam(required = false) String identityNumber) {
        StaffUser admin = admin(user);
        Optional<PersonalIdentityNumber> person =
                PersonalIdentityNumber.parse(identityNumber == null ? "" : identityNumber);
        if (person.isEmpty()) {
            return ResponseEntity.status(303)
                    .header(HttpHeaders.LOCATION, "/admin/audit?personExportError=1#person-export")
                    .build();
        }
        String body = personalData.json(admin.organisationId().value(), person.get());
        audit.record(
                AuditEntry.of(admin.organisationId(), AuditAction.PERSON_DATA_EXPORTED, AuditActor.staff(admin.id()))
                        .person(person.get()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("portvakt-person-"
                                        + person.get().masked().replace("*", "x") + ".json")
                                .build()
                                .toString())
                .body(body);
    }

    private ResponseEntity<String> exported(
            UserDetails user, SearchForm form, String format, MediaType type, Function<AuditQuery, String> writer) {
        StaffUser admin = admin(user);
        Organisation organisation = organisations.get(admin.organisationId());
        Map<String, String> errors = new LinkedHashMap<>();
        SearchForm fromUrl =
                new SearchForm(form.meeting(), "", form.personIndex(), form.staff(), form.from(), form.to(), 0);
        Optional<AuditQuery> query = query(organisation, fromUrl, errors);
        if (query.isEmpty()) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(String.join("\n", errors.keySet()));
        }
        String body = writer.apply(query.get());
        audit.record(AuditEntry.of(organisation.id(), AuditAction.AUDIT_EXPORTED, AuditActor.staff(admin.id()))
                .meeting(query.get().meetingId())
                .detail("personIndex", query.get().personIndex())
                .detail("format", format)
                .detail("staff", query.get().staffId())
                .detail("from", query.get().from())
                .detail("to", query.get().to()));
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("portvakt-audit-" + LocalDate.now(organisation.zone()) + "." + format)
                                .build()
                                .toString())
                .body(body);
    }

    /** The query the form asks for; empty, with a message key per bad field, when something cannot be read. */
    private Optional<AuditQuery> query(Organisation organisation, SearchForm form, Map<String, String> errors) {
        MeetingId meeting = null;
        if (!form.meeting().isEmpty()) {
            try {
                meeting = new MeetingId(UUID.fromString(form.meeting()));
            } catch (IllegalArgumentException e) {
                errors.put("meeting", "audit.error.meeting");
            }
        }
        String personIndex = null;
        if (!form.person().isEmpty()) {
            personIndex = PersonalIdentityNumber.parse(form.person())
                    .map(search::personIndex)
                    .orElse(null);
            if (personIndex == null) {
                errors.put("person", "audit.error.person");
            }
        } else if (!form.personIndex().isEmpty()) {
            personIndex = form.personIndex().matches("[0-9a-f]{64}") ? form.personIndex() : null;
            if (personIndex == null) {
                errors.put("person", "audit.error.person");
            }
        }
        StaffId staffId = null;
        if (!form.staff().isEmpty()) {
            try {
                staffId = staff.byId(organisation.id(), new StaffId(UUID.fromString(form.staff())))
                        .map(StaffUser::id)
                        .orElse(null);
            } catch (IllegalArgumentException e) {
                staffId = null;
            }
            if (staffId == null) {
                errors.put("staff", "audit.error.staff");
            }
        }
        LocalDate from = date(form.from(), "from", errors);
        LocalDate to = date(form.to(), "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "audit.error.to-before-from");
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = organisation.zone();
        return Optional.of(new AuditQuery(
                organisation.id(),
                meeting,
                personIndex,
                staffId,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static LocalDate date(String typed, String field, Map<String, String> errors) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            errors.put(field, "audit.error.date");
            return null;
        }
    }

    private StaffUser admin(UserDetails user) {
        return staff.byEmail(user.getUsername()).orElseThrow();
    }
}
