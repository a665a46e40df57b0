package se.portvakt.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.booking.internal.EditableMeeting;
import se.portvakt.booking.internal.MeetingRequest;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;

/**
 * The one way tests book meetings: through booking's own service, as a host or the API does, so each test meets
 * the same rules, rows, events and audit records as the application. Titles and addresses are fresh for each call.
 */
public class TestBookings {

    private final BookingService booking;
    private final InviteeLinks links;
    private final TransactionTemplate transactions;

    public TestBookings(BookingService booking, InviteeLinks links, PlatformTransactionManager transactions) {
        this.booking = booking;
        this.links = links;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** A booked meeting as a test sees it: the invitees in the order the plan named them, and their link tokens. */
    public record Booked(Tenant tenant, MeetingDetails meeting, List<String> tokens) {

        public UUID id() {
            return meeting.id().value();
        }

        public List<InviteeDetails> invitees() {
            return meeting.invitees();
        }

        public UUID invitee(int index) {
            return invitees().get(index).id().value();
        }

        public String token(int index) {
            return tokens.get(index);
        }

        /** The invitee's personal link as a path, and a page under it ("" for the link itself). */
        public String path(int invitee, String page) {
            return "/m/" + tokens.get(invitee) + (page.isEmpty() ? "" : "/" + page);
        }
    }

    /**
     * What to book. {@link #plan(Tenant)} starts as a link-only meeting in Swedish, in the tenant's room with its
     * host, starting in five minutes (so joining is open) and lasting 45.
     */
    public record Plan(
            Tenant tenant,
            UUID roomId,
            String title,
            Instant start,
            Duration length,
            AssuranceLevel level,
            boolean confidential,
            String information,
            String language,
            List<InviteeRequest> invitees) {

        public Plan room(UUID roomId) {
            return new Plan(tenant, roomId, title, start, length, level, confidential, information, language, invitees);
        }

        public Plan title(String title) {
            return new Plan(tenant, roomId, title, start, length, level, confidential, information, language, invitees);
        }

        public Plan start(Instant start) {
            return new Plan(tenant, roomId, title, start, length, level, confidential, information, language, invitees);
        }

        public Plan level(AssuranceLevel level) {
            return new Plan(tenant, roomId, title, start, length, level, confidential, information, language, invitees);
        }

        public Plan confidential(boolean confidential) {
            return new Plan(tenant, roomId, title, start, length, level, confidential, information, language, invitees);
        }

        public Plan information(String information) {
            return new Plan(tenant, roomId, title, start, length, level, confidential, information, language, invitees);
        }

        public Plan language(String language) {
            return new Plan(tenant, roomId, title, start, length, level, confidential, information, language, invitees);
        }

        public Plan invitees(InviteeRequest... invitees) {
            return new Plan(
                    tenant,
                    roomId,
                    title,
                    start,
                    length,
                    level,
                    confidential,
                    information,
                    language,
                    List.of(invitees));
        }

        /** Invitees by name alone, each reached at a fresh e-mail address. */
        public Plan guests(String... names) {
            return invitees(Arrays.stream(names)
                    .map(name -> invitee(name, unique() + "@example.se", null))
                    .toArray(InviteeRequest[]::new));
        }

        MeetingRequest request() {
            return new MeetingRequest(
                    title,
                    roomId,
                    tenant.host().id().value(),
                    start,
                    start.plus(length),
                    level,
                    confidential,
                    information,
                    language,
                    invitees);
        }
    }

    public static Plan plan(Tenant tenant) {
        Instant start = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return new Plan(
                tenant,
                tenant.room().id().value(),
                "Samtal " + unique(),
                start,
                Duration.ofMinutes(45),
                AssuranceLevel.NONE,
                false,
                null,
                "sv",
                List.of());
    }

    /**
     * A follow-up tomorrow at the hour (far outside the join window) asking for a code sent to the invitee (LOA2),
     * with something to bring: the meeting the guest and invitation tests start from.
     */
    public static Plan followUp(Tenant tenant) {
        return plan(tenant)
                .title("Uppföljning " + unique())
                .start(tomorrow())
                .level(AssuranceLevel.LOA2)
                .information("Ta med läkemedelslistan.");
    }

    /** An invitee with a fresh e-mail address made from the name and, if {@code withMobile}, a fresh mobile. */
    public static InviteeRequest guest(String name, boolean withMobile) {
        String mobile = withMobile ? "+4670" + (1_000_000 + (int) (Math.random() * 8_999_999)) : null;
        return invitee(name, name.toLowerCase().replace(' ', '.') + "-" + unique() + "@example.se", mobile);
    }

    public static InviteeRequest invitee(String name, String email, String mobile) {
        return new InviteeRequest(null, name, email, mobile, null);
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Tomorrow at the hour: far outside the join window. */
    public static Instant tomorrow() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    public Booked book(Plan plan) {
        UUID id = booking.book(plan.tenant().actor(), plan.request());
        MeetingDetails booked = booking.details(id).orElseThrow();
        List<String> names = plan.invitees().stream().map(InviteeRequest::name).toList();
        // in the plan's order, whatever order the database lists them in
        List<InviteeDetails> ordered = booked.invitees().stream()
                .sorted(Comparator.comparing(invitee -> names.indexOf(invitee.name())))
                .toList();
        return booked(
                plan.tenant(),
                new MeetingDetails(
                        booked.id(),
                        booked.organisationId(),
                        booked.organisationName(),
                        booked.title(),
                        booked.start(),
                        booked.end(),
                        booked.zone(),
                        booked.roomName(),
                        booked.hostName(),
                        booked.hostEmail(),
                        booked.assuranceLevel(),
                        booked.confidential(),
                        booked.information(),
                        booked.language(),
                        booked.status(),
                        booked.calendarUid(),
                        booked.sequence(),
                        ordered));
    }

    /** The meeting as booking has it now. */
    public Booked reload(Booked booked) {
        return booked(booked.tenant(), booking.details(booked.id()).orElseThrow());
    }

    /** Moves the meeting later, as a host would: its details changed, everyone is told. */
    public Booked move(Booked booked, Duration later) {
        MeetingRequest now = current(booked, kept(booked, List.of()));
        booking.change(
                booked.tenant().actor(),
                booked.id(),
                version(booked),
                new MeetingRequest(
                        now.title(),
                        now.roomId(),
                        now.hostId(),
                        now.start().plus(later),
                        now.end().plus(later),
                        now.assuranceLevel(),
                        now.confidential(),
                        now.information(),
                        now.language(),
                        now.invitees()));
        return reload(booked);
    }

    /** Invites {@code added} and takes {@code removed} (invitee ids) off the list; the details stay as they are. */
    public Booked changeInvitees(Booked booked, List<InviteeRequest> added, Collection<UUID> removed) {
        List<InviteeRequest> invitees = new ArrayList<>(kept(booked, removed));
        invitees.addAll(added);
        booking.change(booked.tenant().actor(), booked.id(), version(booked), current(booked, invitees));
        return reload(booked);
    }

    public void cancel(Booked booked) {
        booking.cancel(booked.tenant().actor(), booked.id());
    }

    /** Cancels, then rolls back: as if booking failed after publishing its event. */
    public void cancelAndRollBack(Booked booked) {
        transactions.executeWithoutResult(status -> {
            booking.cancel(booked.tenant().actor(), booked.id());
            status.setRollbackOnly();
        });
    }

    private Booked booked(Tenant tenant, MeetingDetails meeting) {
        return new Booked(
                tenant,
                meeting,
                meeting.invitees().stream()
                        .map(i -> links.tokenFor(i.id().value()))
                        .toList());
    }

    private int version(Booked booked) {
        return booking.find(booked.tenant().actor(), booked.id()).orElseThrow().version();
    }

    private MeetingRequest current(Booked booked, List<InviteeRequest> invitees) {
        EditableMeeting editable =
                booking.find(booked.tenant().actor(), booked.id()).orElseThrow();
        MeetingDetails meeting = editable.details();
        return new MeetingRequest(
                meeting.title(),
                editable.roomId(),
                editable.hostId(),
                meeting.start(),
                meeting.end(),
                meeting.assuranceLevel(),
                meeting.confidential(),
                meeting.information(),
                meeting.language(),
                invitees);
    }

    /** The current invitees but {@code removed}, as a change keeps them (their numbers stay; guardians do not). */
    private List<InviteeRequest> kept(Booked booked, Collection<UUID> removed) {
        return booking.details(booked.id()).orElseThrow().currentInvitees().stream()
                .filter(invitee -> !removed.contains(invitee.id().value()))
                .map(invitee -> new InviteeRequest(
                        invitee.id().value(), invitee.name(), invitee.email(), invitee.mobile(), null))
                .toList();
    }
}
