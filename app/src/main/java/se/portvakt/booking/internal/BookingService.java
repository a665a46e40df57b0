package se.portvakt.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.ContactDetails;
import se.portvakt.booking.Invitation;
import se.portvakt.booking.InviteeContact;
import se.portvakt.booking.InviteeDetails;
import se.portvakt.booking.InviteeLinks;
import se.portvakt.booking.MeetingBooked;
import se.portvakt.booking.MeetingCancelled;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.MeetingUpdated;
import se.portvakt.booking.Meetings;
import se.portvakt.booking.Rooms;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.booking.internal.MeetingStore.InviteeRow;
import se.portvakt.booking.internal.MeetingStore.MeetingRow;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.RoomId;
import se.portvakt.ids.StaffId;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.organisation.StaffUser;
import se.portvakt.person.PersonalIdentityNumber;
import se.portvakt.person.PinVault;

/**
 * Books, changes and cancels meetings. Each operation is one transaction: the meeting, its invitees,
 * the audit record and (through the events) the invitations to send commit together or not at all.
 */
@Service
public class BookingService implements Meetings {

    private final MeetingStore store;
    private final Rooms rooms;
    private final StaffDirectory staff;
    private final InviteeLinks links;
    private final PinVault pins;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final BookingProperties properties;
    private final Clock clock;
    private final ChangeableMeetings changeable;
    private final Guardians guardians;

    BookingService(
            MeetingStore store,
            Rooms rooms,
            StaffDirectory staff,
            InviteeLinks links,
            PinVault pins,
            AuditLog audit,
            ApplicationEventPublisher events,
            BookingProperties properties,
            Clock clock,
            ChangeableMeetings changeable,
            Guardians guardians) {
        this.changeable = changeable;
        this.guardians = guardians;
        this.store = store;
        this.rooms = rooms;
        this.staff = staff;
        this.links = links;
        this.pins = pins;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public UUID book(Actor actor, MeetingRequest request) {
        Instant now = clock.instant();
        check(actor, request, true);
        UUID id = UUID.randomUUID();
        MeetingRow row = row(actor, id, request, MeetingStatus.SCHEDULED, id + "@portvakt", 0, 0);
        store.insert(row, now);
        // a microsecond apart, so invitees list in the order the host typed them (created_at, then id)
        Instant added = now;
        List<UUID> ids = new ArrayList<>();
        for (InviteeRequest invitee : request.invitees()) {
            UUID inviteeId = UUID.randomUUID();
            store.insertInvitee(id, inviteeRow(inviteeId, invitee, null), added);
            ids.add(inviteeId);
            added = added.plus(1, ChronoUnit.MICROS);
        }
        guardians.replace(id, guardianLinks(request, ids));
        audit.record(AuditEntry.of(actor.organisationId(), AuditAction.MEETING_BOOKED, actor.auditActor())
                .meeting(new MeetingId(id))
                .subject(id)
                .detail("invitees", request.invitees().size())
                .detail("assuranceLevel", request.assuranceLevel()));
        events.publishEvent(new MeetingBooked(new MeetingId(id)));
        return id;
    }

    /** Changes a meeting as it was at {@code expectedVersion}; refused if someone changed it since. */
    @Transactional
    public void change(Actor actor, UUID meetingId, int expectedVersion, MeetingRequest request) {
        Instant now = clock.instant();
        MeetingRow before = changeable.require(actor, meetingId);
        check(actor, request, false);
        Map<UUID, InviteeRow> existing = store.invitees(meetingId).stream()
                .filter(invitee -> invitee.removedAt() == null)
                .collect(Collectors.toMap(InviteeRow::id, Function.identity()));
        for (InviteeRequest invitee : request.invitees()) {
            if (invitee.id() != null && !existing.containsKey(invitee.id())) {
                throw BookingRejected.because("invitees", "booking.error.unknown-invitee");
            }
        }
        boolean detailsChanged = detailsChanged(before, request);
        Set<UUID> removed = new HashSet<>(existing.keySet());
        request.invitees().forEach(invitee -> removed.remove(invitee.id()));
        // RFC 5546: a CANCEL to a removed attendee carries a higher SEQUENCE than the REQUEST they hold
        boolean bump = detailsChanged || !removed.isEmpty();
        MeetingRow after = row(
                actor,
                meetingId,
                request,
                MeetingStatus.SCHEDULED,
                before.calendarUid(),
                bump ? before.sequence() + 1 : before.sequence(),
                before.version());
        if (!store.update(after, expectedVersion, now)) {
            throw BookingRejected.because(null, "booking.error.changed-meanwhile");
        }
        Set<UUID> added = new HashSet<>();
        Set<UUID> identityChanged = new HashSet<>();
        Instant addedAt = now;
        List<UUID> ids = new ArrayList<>();
        for (InviteeRequest invitee : request.invitees()) {
            if (invitee.id() == null) {
                UUID id = UUID.randomUUID();
                store.insertInvitee(meetingId, inviteeRow(id, invitee, null), addedAt);
                addedAt = addedAt.plus(1, ChronoUnit.MICROS);
                added.add(id);
                ids.add(id);
            } else {
                ids.add(invitee.id());
                InviteeRow old = existing.get(invitee.id());
                InviteeRow updated = inviteeRow(old.id(), invitee, old);
                store.updateInvitee(meetingId, updated);
                if (!Objects.equals(old.email(), updated.email()) || !Objects.equals(old.mobile(), updated.mobile())) {
                    added.add(old.id()); // a new address has not been invited yet
                }
                if (old.identityDiffers(updated)) {
                    store.identityChanged(meetingId, old.id(), now);
                    identityChanged.add(old.id());
                }
            }
        }
        removed.forEach(id -> store.removeInvitee(meetingId, id, now));
        guardians.replace(meetingId, guardianLinks(request, ids));
        audit.record(AuditEntry.of(actor.organisationId(), AuditAction.MEETING_CHANGED, actor.auditActor())
                .meeting(new MeetingId(meetingId))
                .subject(meetingId)
                .detail("detailsChanged", detailsChanged)
                .detail("invited", added.size())
                .detail("removed", removed.size())
                .detail("identityChanged", identityChanged.size()));
        MeetingUpdated event = new MeetingUpdated(
                new MeetingId(meetingId),
                detailsChanged,
                inviteeIds(added),
                inviteeIds(removed),
                inviteeIds(identityChanged));
        if (event.anyoneToTell() || !identityChanged.isEmpty()) {
            events.publishEvent(event);
        }
    }

    @Transactional
    public void cancel(Actor actor, UUID meetingId) {
        Instant now = clock.instant();
        MeetingRow before = changeable.require(actor, meetingId);
        MeetingRow cancelled = new MeetingRow(
                before.id(),
                before.organisationId(),
                before.organisationName(),
                before.timeZone(),
                before.roomId(),
                before.roomName(),
                before.hostId(),
                before.hostName(),
                before.hostEmail(),
                before.title(),
                before.start(),
                before.end(),
                before.assuranceLevel(),
                before.confidential(),
                before.information(),
                before.language(),
                MeetingStatus.CANCELLED,
                before.calendarUid(),
                before.sequence() + 1,
                before.version());
        if (!store.update(cancelled, before.version(), now)) {
            throw BookingRejected.because(null, "booking.error.changed-meanwhile");
        }
        audit.record(AuditEntry.of(actor.organisationId(), AuditAction.MEETING_CANCELLED, actor.auditActor())
                .meeting(new MeetingId(meetingId))
                .subject(meetingId));
        events.publishEvent(new MeetingCancelled(new MeetingId(meetingId)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MeetingDetails> details(MeetingId meetingId) {
        return details(meetingId.value());
    }

    /** {@link #details(MeetingId)} for booking's own packages, which keep the rows' plain UUIDs. */
    @Transactional(readOnly = true)
    public Optional<MeetingDetails> details(UUID meetingId) {
        return store.find(meetingId).map(this::details);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MeetingDetails> details(OrganisationId organisationId, MeetingId meetingId) {
        return store.find(organisationId.value(), meetingId.value()).map(this::details);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MeetingSummary> summary(MeetingId meetingId) {
        return store.find(meetingId.value()).map(BookingService::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeetingSummary> between(
            OrganisationId organisationId, Instant from, Instant to, int page, int pageSize) {
        return store.between(organisationId.value(), from, to, page * pageSize, pageSize).stream()
                .map(BookingService::summary)
                .toList();
    }

    @Override
    public Optional<OrganisationId> organisationOf(MeetingId meetingId) {
        return store.organisationOf(meetingId.value()).map(OrganisationId::new);
    }

    @Override
    public Set<MeetingId> heldBy(OrganisationId organisationId, Collection<MeetingId> meetingIds) {
        return store
                .heldBy(
                        organisationId.value(),
                        meetingIds.stream().map(MeetingId::value).toList())
                .stream()
                .map(MeetingId::new)
                .collect(Collectors.toSet());
    }

    @Override
    public boolean sameRoom(MeetingId meetingId, MeetingId otherMeetingId) {
        return store.sameRoom(meetingId.value(), otherMeetingId.value());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(MeetingId meetingId) {
        store.lock(meetingId.value());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Invitation> invitation(InviteeId inviteeId) {
        return store.invitation(inviteeId.value())
                .map(row -> new Invitation(
                        inviteeId,
                        new MeetingId(row.meetingId()),
                        row.name(),
                        row.removedAt() != null,
                        row.identityChangedAt(),
                        row.guardianOf(),
                        row.guardians()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<InviteeContact> contact(InviteeId inviteeId) {
        return store.contact(inviteeId.value()).map(row -> new InviteeContact(inviteeId, row.email(), row.mobile()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonalIdentityNumber> invitedPerson(InviteeId inviteeId) {
        return store.pinEncrypted(inviteeId.value()).map(pins::decrypt);
    }

    @Override
    @Transactional(readOnly = true)
    public List<InviteeId> invitationsNaming(PersonalIdentityNumber person, Instant endingAfter) {
        return store.invitationsNaming(pins.index(person), endingAfter).stream()
                .map(InviteeId::new)
                .toList();
    }

    private static Set<InviteeId> inviteeIds(Collection<UUID> ids) {
        return ids.stream().map(InviteeId::new).collect(Collectors.toSet());
    }

    /** A meeting of the actor's organisation, or empty: another organisation's meeting does not exist for them. */
    @Transactional(readOnly = true)
    public Optional<EditableMeeting> find(Actor actor, UUID meetingId) {
        return store.find(actor.organisationId().value(), meetingId)
                .map(row -> new EditableMeeting(details(row), row.roomId(), row.hostId(), row.version()));
    }

    /** Meetings starting in [from, to), one page at a time. */
    @Transactional(readOnly = true)
    public List<MeetingDetails> between(Actor actor, Instant from, Instant to, int page, int pageSize) {
        return store.between(actor.organisationId().value(), from, to, page * pageSize, pageSize).stream()
                .map(this::details)
                .toList();
    }

    private void check(Actor actor, MeetingRequest request, boolean isNew) {
        List<BookingProblem> problems =
                new ArrayList<>(BookingRules.check(request, clock.instant(), isNew, properties.maxInvitees()));
        // a retired room takes no new meetings; its meetings can still be changed
        if (request.roomId() != null
                && (isNew
                                ? rooms.findActive(actor.organisationId(), new RoomId(request.roomId()))
                                : rooms.find(actor.organisationId(), new RoomId(request.roomId())))
                        .isEmpty()) {
            problems.add(BookingProblem.of("roomId", "booking.error.room-unknown"));
        }
        if (request.hostId() != null
                && staff.byId(actor.organisationId(), new StaffId(request.hostId()))
                        .filter(StaffUser::isHost)
                        .isEmpty()) {
            problems.add(BookingProblem.of("hostId", "booking.error.host-unknown"));
        }
        if (!problems.isEmpty()) {
            throw new BookingRejected(problems);
        }
    }

    private static boolean detailsChanged(MeetingRow before, MeetingRequest request) {
        return !before.title().equals(request.title().strip())
                || !before.start().equals(request.start())
                || !before.end().equals(request.end())
                || !before.roomId().equals(request.roomId())
                || !before.hostId().equals(request.hostId())
                || before.assuranceLevel() != request.assuranceLevel()
                || before.confidential() != request.confidential()
                || !Objects.equals(before.information(), blankToNull(request.information()))
                || !before.language().equals(request.language());
    }

    private MeetingRow row(
            Actor actor,
            UUID id,
            MeetingRequest request,
            MeetingStatus status,
            String calendarUid,
            int sequence,
            int version) {
        return new MeetingRow(
                id,
                actor.organisationId().value(),
                null,
                null,
                request.roomId(),
                null,
                request.hostId(),
                null,
                null,
                request.title().strip(),
                request.start(),
                request.end(),
                request.assuranceLevel(),
                request.confidential(),
                blankToNull(request.information()),
                request.language(),
                status,
                calendarUid,
                sequence,
                version);
    }

    private InviteeRow inviteeRow(UUID id, InviteeRequest request, InviteeRow existing) {
        String encrypted = existing == null ? null : existing.pinEncrypted();
        String index = existing == null ? null : existing.pinIndex();
        if (!InviteeRequest.blank(request.personalIdentityNumber())) {
            PersonalIdentityNumber pin = PersonalIdentityNumber.parse(request.personalIdentityNumber())
                    .orElseThrow();
            encrypted = pins.encrypt(pin);
            index = pins.index(pin);
        }
        return new InviteeRow(
                id,
                request.name().strip(),
                ContactDetails.email(request.email()).orElse(null),
                ContactDetails.mobile(request.mobile()).orElse(null),
                encrypted,
                index,
                null,
                existing == null ? null : existing.identityChangedAt());
    }

    /** Guardian's invitee id to child's, from the request's positions ({@link BookingRules} checked them). */
    private static Map<UUID, UUID> guardianLinks(MeetingRequest request, List<UUID> ids) {
        Map<UUID, UUID> childByGuardian = new java.util.HashMap<>();
        for (int i = 0; i < request.invitees().size(); i++) {
            Integer child = request.invitees().get(i).guardianOf();
            if (child != null) {
                childByGuardian.put(ids.get(i), ids.get(child));
            }
        }
        return childByGuardian;
    }

    private MeetingDetails details(MeetingRow row) {
        Map<UUID, UUID> childByGuardian = guardians.of(row.id());
        List<InviteeDetails> invitees = store.invitees(row.id()).stream()
                .map(invitee -> new InviteeDetails(
                        new InviteeId(invitee.id()),
                        invitee.name(),
                        invitee.email(),
                        invitee.mobile(),
                        invitee.pinEncrypted() == null
                                ? null
                                : pins.decrypt(invitee.pinEncrypted()).masked(),
                        invitee.removedAt() != null,
                        links.linkFor(invitee.id()),
                        invitee.identityChangedAt(),
                        InviteeId.of(childByGuardian.get(invitee.id()))))
                .toList();
        return new MeetingDetails(
                new MeetingId(row.id()),
                new OrganisationId(row.organisationId()),
                row.organisationName(),
                row.title(),
                row.start(),
                row.end(),
                ZoneId.of(row.timeZone()),
                row.roomName(),
                row.hostName(),
                row.hostEmail(),
                row.assuranceLevel(),
                row.confidential(),
                row.information(),
                row.language(),
                row.status(),
                row.calendarUid(),
                row.sequence(),
                invitees);
    }

    private static MeetingSummary summary(MeetingRow row) {
        return new MeetingSummary(
                new MeetingId(row.id()),
                new OrganisationId(row.organisationId()),
                row.organisationName(),
                row.title(),
                row.start(),
                row.end(),
                ZoneId.of(row.timeZone()),
                row.roomName(),
                row.hostName(),
                row.assuranceLevel(),
                row.confidential(),
                row.information(),
                row.language(),
                row.status());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
