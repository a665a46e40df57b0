package se.portvakt.lobby;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.Meetings;
import se.portvakt.config.SqlTime;
import se.portvakt.guest.GuestArrivals.Arrival;
import se.portvakt.guest.GuestArrived;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.ParticipantId;
import se.portvakt.ids.StaffId;

/**
 * The waiting room: every participant's state, kept in the database so a restart keeps everyone where they
 * were. Each change is one conditional update, so two hosts clicking at once cannot both win.
 * Callers check who may ask; this class checks only that the change makes sense from the current state.
 */
@Service
public class Lobby {

    /**
     * The most characters a host's words on denial may have; pages pass it on to their scripts as data-deny-max
     * (meeting.PageLimits).
     */
    public static final int MAX_DENY_MESSAGE = 500;

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Lobby(JdbcClient jdbc, Meetings meetings, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A guest said they are here: they wait, unless they are already let in or may never come back. */
    @EventListener
    void arrived(GuestArrived event) {
        Arrival arrival = event.arrival();
        // the name stays with the row even for an anonymous guest: hosts may tie the pseudonym to the person
        String shown = arrival.verifiedName() != null ? arrival.verifiedName() : event.inviteeName();
        Optional<Participant> existing = ofInvitee(arrival.inviteeId());
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            ParticipantId id = new ParticipantId(UUID.randomUUID());
            jdbc.sql("""
                    insert into participant (id, meeting_id, invitee_id, state, display_name, verified_name, method,
                        assurance_level, simulated, pseudonym, waiting_since, changed_at)
                    values (?, ?, ?, 'WAITING', ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id.value(),
                            arrival.meetingId().value(),
                            arrival.inviteeId().value(),
                            shown == null ? "" : shown,
                            arrival.verifiedName(),
                            arrival.method().name(),
                            arrival.level().name(),
                            arrival.simulated(),
                            arrival.pseudonym(),
                            SqlTime.of(now),
                            SqlTime.of(now))
                    .update();
            publish(id, arrival.meetingId(), arrival.meetingId(), ParticipantState.WAITING, true);
            return;
        }
        Participant participant = existing.get();
        jdbc.sql("""
                update participant set display_name = ?, verified_name = ?, method = ?, assurance_level = ?,
                    simulated = ?, pseudonym = ? where id = ?""")
                .params(
                        shown == null ? "" : shown,
                        arrival.verifiedName(),
                        arrival.method().name(),
                        arrival.level().name(),
                        arrival.simulated(),
                        arrival.pseudonym(),
                        participant.id().value())
                .update();
        if (participant.state() == ParticipantState.LEFT) {
            change(participant.id(), ParticipantState.WAITING, true, ParticipantState.LEFT);
        }
    }

    public Optional<Participant> find(ParticipantId participantId) {
        return select("where id = ?", participantId.value()).stream().findFirst();
    }

    public Optional<Participant> ofInvitee(InviteeId inviteeId) {
        return select("where invitee_id = ?", inviteeId.value()).stream().findFirst();
    }

    /** The host's own row in the meeting, once they have joined it. */
    public Optional<Participant> hostIn(MeetingId meetingId, StaffId staffId) {
        return select("where meeting_id = ? and staff_id = ?", meetingId.value(), staffId.value()).stream()
                .findFirst();
    }

    /** Everyone of the meeting in the given states, in the order they came to that state. */
    public List<Participant> ofMeeting(MeetingId meetingId, ParticipantState... states) {
        String in = Arrays.stream(states).map(state -> "'" + state.name() + "'").collect(Collectors.joining(","));
        return select("where meeting_id = ? and state in (" + in + ") order by changed_at, id", meetingId.value());
    }

    /** The organisation's waiting room, longest waiting first. */
    public List<Participant> waiting(OrganisationId organisationId) {
        List<Participant> waiting = select("where state = 'WAITING' order by waiting_since, id");
        Set<MeetingId> held = meetings.heldBy(
                organisationId,
                waiting.stream().map(Participant::meetingId).distinct().toList());
        return waiting.stream()
                .filter(participant -> held.contains(participant.meetingId()))
                .toList();
    }

    /** The organisation that holds the meeting, or empty for a meeting we do not have. */
    public Optional<OrganisationId> organisationOf(MeetingId meetingId) {
        return meetings.organisationOf(meetingId);
    }

    /**
     * A host opens the meeting: they are in it, and whoever was admitted before enters with them. Holds the meeting
     * against {@link #admit}, so a guest admitted at the same moment is not left outside.
     */
    @Transactional
    public Participant hostJoins(MeetingId meeting, StaffId staff, String name) {
        UUID meetingId = meeting.value();
        UUID staffId = staff.value();
        meetings.hold(meeting);
        Instant now = clock.instant();
        int updated = jdbc.sql(
                        "update participant set state = 'IN_MEETING', changed_at = ? where meeting_id = ? and staff_id = ?")
                .params(SqlTime.of(now), meetingId, staffId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into participant (id, meeting_id, staff_id, state, display_name, waiting_since, changed_at)
                    values (?, ?, ?, 'IN_MEETING', ?, ?, ?)""")
                    .params(UUID.randomUUID(), meetingId, staffId, name, SqlTime.of(now), SqlTime.of(now))
                    .update();
        }
        Participant host = select("where meeting_id = ? and staff_id = ?", meetingId, staffId)
                .get(0);
        publish(host.id(), meeting, meeting, ParticipantState.IN_MEETING, false);
        for (Participant admitted : ofMeeting(meeting, ParticipantState.ADMITTED)) {
            change(admitted.id(), ParticipantState.IN_MEETING, false, ParticipantState.ADMITTED);
        }
        return host;
    }

    /**
     * Lets a waiting guest in: straight into the meeting when a host is there, else when one comes. Whether a host
     * is there is asked with the meeting held against {@link #hostJoins}: asked before, a host joining in between
     * would have let in those admitted so far and missed this guest.
     */
    @Transactional
    public void admit(ParticipantId participantId, BooleanSupplier hostPresent) {
        Participant participant = find(participantId).orElseThrow(() -> new LobbyRefusal("unknown-participant"));
        meetings.hold(participant.meetingId());
        change(
                participantId,
                hostPresent.getAsBoolean() ? ParticipantState.IN_MEETING : ParticipantState.ADMITTED,
                false,
                ParticipantState.WAITING);
    }

    public void deny(ParticipantId participantId, String message) {
        String words = message == null || message.isBlank() ? null : message.strip();
        if (words != null && words.length() > MAX_DENY_MESSAGE) {
            throw new LobbyRefusal("too-long");
        }
        jdbc.sql("update participant set deny_message = ? where id = ? and state = 'WAITING'")
                .params(words, participantId.value())
                .update();
        change(participantId, ParticipantState.DENIED, false, ParticipantState.WAITING);
    }

    /**
     * Moves a waiting or present guest into another meeting of the same room: into it when a host is there, else
     * admitted there. Asks with the target meeting held against {@link #hostJoins}, for the reason {@link #admit}
     * does.
     */
    @Transactional
    public void move(ParticipantId participant, MeetingId target, BooleanSupplier hostPresentThere) {
        Participant moving = find(participant).orElseThrow(() -> new LobbyRefusal("unknown-participant"));
        if (moving.isHost() || !meetings.sameRoom(moving.meetingId(), target)) {
            throw new LobbyRefusal("not-same-room");
        }
        meetings.hold(target);
        ParticipantState arriving =
                hostPresentThere.getAsBoolean() ? ParticipantState.IN_MEETING : ParticipantState.ADMITTED;
        int moved = jdbc.sql("""
                update participant set meeting_id = ?, state = ?, changed_at = ?
                where id = ? and state in ('WAITING', 'ADMITTED', 'IN_MEETING')""")
                .params(target.value(), arriving.name(), SqlTime.of(clock.instant()), participant.value())
                .update();
        if (moved == 0) {
            throw new LobbyRefusal("wrong-state");
        }
        publish(participant, target, moving.meetingId(), arriving, false);
    }

    /** Back to the waiting room, at the end of the queue. */
    public void sendBack(ParticipantId participantId) {
        change(participantId, ParticipantState.WAITING, true, ParticipantState.ADMITTED, ParticipantState.IN_MEETING);
    }

    /** Disconnects someone for good: their session can never come back to this meeting. */
    public void remove(ParticipantId participantId) {
        change(
                participantId,
                ParticipantState.REMOVED,
                false,
                ParticipantState.WAITING,
                ParticipantState.ADMITTED,
                ParticipantState.IN_MEETING,
                ParticipantState.LEFT);
    }

    public void leave(ParticipantId participantId) {
        change(
                participantId,
                ParticipantState.LEFT,
                false,
                ParticipantState.WAITING,
                ParticipantState.ADMITTED,
                ParticipantState.IN_MEETING);
    }

    /**
     * Takes a guest out because the meeting or their invitation changed under them: for good ({@code REMOVED}) when
     * they are no longer invited, else {@code LEFT}, free to come back once they meet the meeting's terms again.
     * A guest already out is left as they are.
     *
     * @param reason what their tabs are told and keep being told: CANCELLED, IDENTIFY_AGAIN, NOT_ANONYMOUS, RESCHEDULED
     */
    public void takeOut(ParticipantId participantId, boolean forGood, String reason) {
        try {
            change(
                    participantId,
                    forGood ? ParticipantState.REMOVED : ParticipantState.LEFT,
                    false,
                    reason,
                    ParticipantState.WAITING,
                    ParticipantState.ADMITTED,
                    ParticipantState.IN_MEETING);
        } catch (LobbyRefusal alreadyOut) {
            // another node or a host's click took them out first: nothing more to do
        }
    }

    /** The meeting is over: everyone still there has left it. */
    public void meetingEnded(MeetingId meetingId) {
        for (Participant participant : ofMeeting(
                meetingId, ParticipantState.WAITING, ParticipantState.ADMITTED, ParticipantState.IN_MEETING)) {
            leave(participant.id());
        }
    }

    private void change(
            ParticipantId participantId, ParticipantState to, boolean waitsAgain, ParticipantState... from) {
        change(participantId, to, waitsAgain, null, from);
    }

    private void change(
            ParticipantId participantId,
            ParticipantState to,
            boolean waitsAgain,
            String reason,
            ParticipantState... from) {
        String in = Arrays.stream(from).map(state -> "'" + state.name() + "'").collect(Collectors.joining(","));
        Instant now = clock.instant();
        List<Object> params = new ArrayList<>(List.of(to.name(), SqlTime.of(now)));
        if (waitsAgain) {
            params.add(SqlTime.of(now));
        }
        params.add(reason);
        params.add(participantId.value());
        int changed = jdbc.sql("update participant set state = ?, changed_at = ?"
                        + (waitsAgain ? ", waiting_since = ?" : "") + ", closed_reason = ?"
                        + " where id = ? and state in (" + in + ")")
                .params(params)
                .update();
        if (changed == 0) {
            throw new LobbyRefusal(find(participantId).isPresent() ? "wrong-state" : "unknown-participant");
        }
        Participant participant = find(participantId).orElseThrow();
        if (to.isFinal() || reason != null) {
            AuditAction action = reason != null
                    ? AuditAction.PARTICIPANT_TAKEN_OUT
                    : to == ParticipantState.DENIED ? AuditAction.PARTICIPANT_DENIED : AuditAction.PARTICIPANT_REMOVED;
            organisationOf(participant.meetingId())
                    .ifPresent(organisation -> audit.record(AuditEntry.of(organisation, action, AuditActor.SYSTEM)
                            .meeting(participant.meetingId())
                            .subject(participantId.value())
                            .detail("reason", reason)));
        }
        publish(participantId, participant.meetingId(), participant.meetingId(), to, false);
    }

    private void publish(
            ParticipantId participantId,
            MeetingId meetingId,
            MeetingId previousMeetingId,
            ParticipantState state,
            boolean arrived) {
        OrganisationId organisation = organisationOf(meetingId).orElseThrow();
        events.publishEvent(
                new ParticipantChanged(organisation, meetingId, previousMeetingId, participantId, state, arrived));
    }

    private List<Participant> select(String where, Object... params) {
        return jdbc.sql("""
                select id, meeting_id, invitee_id, staff_id, state, display_name, verified_name, method,
                    assurance_level, simulated, pseudonym, waiting_since, deny_message, closed_reason
                from participant""" + " " + where)
                .params(params)
                .query((rs, n) -> new Participant(
                        new ParticipantId(rs.getObject(1, UUID.class)),
                        new MeetingId(rs.getObject(2, UUID.class)),
                        InviteeId.of(rs.getObject(3, UUID.class)),
                        StaffId.of(rs.getObject(4, UUID.class)),
                        ParticipantState.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBoolean(10),
                        rs.getString(11),
                        SqlTime.read(rs, 12),
                        rs.getString(13),
                        rs.getString(14)))
                .list();
    }
}
