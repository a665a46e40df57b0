package se.portvakt.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import se.portvakt.booking.Invitation;
import se.portvakt.booking.MeetingStatus;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.Meetings;
import se.portvakt.ids.MeetingId;
import se.portvakt.lobby.Lobby;
import se.portvakt.lobby.Participant;
import se.portvakt.lobby.ParticipantState;
import se.portvakt.meeting.ServerMessage.Badge;

/**
 * What each kind of tab is shown. The one place that decides what a receiver may see: a guest sees only the
 * meeting they are in, never who else waits, and never whose pseudonym is whose.
 */
@Component
class Snapshots {

    /** The console offers meetings starting this far back and ahead as places to admit or move to. */
    static final Duration CHOICES_BEFORE = Duration.ofHours(12);

    static final Duration CHOICES_AFTER = Duration.ofHours(24);

    private final Lobby lobby;
    private final MeetingSessions sessions;
    private final ChatLog chat;
    private final RaisedHands hands;
    private final MediaStates media;
    private final Meetings meetings;
    private final TurnCredentials turn;
    private final Clock clock;

    Snapshots(
            Lobby lobby,
            MeetingSessions sessions,
            ChatLog chat,
            RaisedHands hands,
            MediaStates media,
            Meetings meetings,
            TurnCredentials turn,
            Clock clock) {
        this.lobby = lobby;
        this.sessions = sessions;
        this.chat = chat;
        this.hands = hands;
        this.media = media;
        this.meetings = meetings;
        this.turn = turn;
        this.clock = clock;
    }

    /** The state for a tab; empty when the caller's participant is gone for good (the socket should close). */
    Optional<ServerMessage.State> state(Caller caller) {
        return forBroadcast().apply(caller);
    }

    /** States for the tabs of one broadcast: what they share is read once for all of them ({@link Batch}). */
    Function<Caller, Optional<ServerMessage.State>> forBroadcast() {
        return new Batch()::state;
    }

    /**
     * States for the tabs of one broadcast: what every tab of a meeting shares (its summary, roster, chat) is read
     * once for all of them, not once per tab (a meeting of ten read it ten times on every admit). Not thread-safe:
     * one broadcast, one thread.
     */
    private final class Batch {
        private final Map<MeetingId, ServerMessage.MeetingInfo> info = new HashMap<>();
        private final Map<MeetingId, Roster> rosters = new HashMap<>();
        private final Map<MeetingId, List<Badge>> admitted = new HashMap<>();
        private final Map<MeetingId, List<ChatLog.Line>> chats = new HashMap<>();

        /** The state for a tab; empty when the caller's participant is gone for good (the socket should close). */
        Optional<ServerMessage.State> state(Caller caller) {
            if (caller instanceof Caller.Host host) {
                MeetingId meetingId = host.meetingId();
                Optional<Participant> self = lobby.hostIn(meetingId, host.staffId());
                return Optional.of(new ServerMessage.State(
                        self.map(participant -> participant.id().value()).orElse(null),
                        self.map(Participant::state).orElse(null),
                        true,
                        info(meetingId),
                        roster(meetingId).badges(true),
                        admitted(meetingId),
                        chat(meetingId),
                        self.filter(p -> p.state() == ParticipantState.IN_MEETING)
                                .map(p -> turn.forParticipant(p.id().value()))
                                .orElse(List.of())));
            }
            Caller.Guest guest = (Caller.Guest) caller;
            Participant participant = lobby.find(guest.participantId()).orElse(null);
            if (participant == null || participant.state().isFinal() || participant.state() == ParticipantState.LEFT) {
                return Optional.empty();
            }
            boolean in = participant.state() == ParticipantState.IN_MEETING;
            MeetingId meetingId = participant.meetingId();
            return Optional.of(new ServerMessage.State(
                    participant.id().value(),
                    participant.state(),
                    false,
                    info(meetingId),
                    in ? roster(meetingId).badges(false) : List.of(),
                    List.of(),
                    in ? chat(meetingId) : List.of(),
                    in ? turn.forParticipant(participant.id().value()) : List.of()));
        }

        private ServerMessage.MeetingInfo info(MeetingId meetingId) {
            return info.computeIfAbsent(meetingId, Snapshots.this::info);
        }

        private Roster roster(MeetingId meetingId) {
            return rosters.computeIfAbsent(
                    meetingId,
                    id -> new Roster(
                            lobby.ofMeeting(id, ParticipantState.IN_MEETING),
                            hands.order(id.value()),
                            media.of(id.value()),
                            media.connectionsLost(id.value())));
        }

        private List<Badge> admitted(MeetingId meetingId) {
            return admitted.computeIfAbsent(
                    meetingId,
                    id -> lobby.ofMeeting(id, ParticipantState.ADMITTED).stream()
                            .map(participant -> badge(participant, true, List.of(), null, false))
                            .toList());
        }

        private List<ChatLog.Line> chat(MeetingId meetingId) {
            return chats.computeIfAbsent(meetingId, id -> chat.of(id.value()));
        }
    }

    /** Who is in a meeting with their hands, microphones and cameras, read once for a batch of tabs. */
    private record Roster(
            List<Participant> inMeeting, List<UUID> handOrder, Map<UUID, MediaStates.On> on, Set<UUID> lost) {

        List<Badge> badges(boolean forHost) {
            return inMeeting.stream()
                    .map(participant -> badge(
                            participant,
                            forHost,
                            handOrder,
                            on.get(participant.id().value()),
                            lost.contains(participant.id().value())))
                    .toList();
        }
    }

    ServerMessage.LobbyView lobby(Caller.Host host) {
        Map<MeetingId, MeetingSummary> summaries = new HashMap<>();
        List<ServerMessage.Waiting> waiting = lobby.waiting(host.organisationId()).stream()
                .map(participant -> waiting(participant, summaries))
                .toList();
        Instant now = clock.instant();
        List<ServerMessage.MeetingChoice> choices =
                meetings
                        .between(host.organisationId(), now.minus(CHOICES_BEFORE), now.plus(CHOICES_AFTER), 0, 200)
                        .stream()
                        .filter(meeting -> meeting.status() == MeetingStatus.SCHEDULED)
                        .filter(meeting -> !sessions.life(meeting.id().value()).ended())
                        .map(meeting -> {
                            MeetingSessions.Life life =
                                    sessions.life(meeting.id().value());
                            return new ServerMessage.MeetingChoice(
                                    meeting.id().value(),
                                    meeting.title(),
                                    meeting.roomName(),
                                    meeting.start(),
                                    life.started(),
                                    life.locked());
                        })
                        .toList();
        return new ServerMessage.LobbyView(waiting, choices);
    }

    /**
     * A waiting guest as the console shows them, with who comes with them; reads their meeting's summary (once per
     * meeting in {@code summaries}) and their own invitation, never the meeting's invitee list.
     */
    ServerMessage.Waiting waiting(Participant participant, Map<MeetingId, MeetingSummary> summaries) {
        MeetingSummary meeting = summaries.computeIfAbsent(
                participant.meetingId(), id -> meetings.summary(id).orElseThrow());
        Optional<Invitation> invitation =
                Optional.ofNullable(participant.inviteeId()).flatMap(meetings::invitation);
        return new ServerMessage.Waiting(
                badge(participant, true, List.of(), null, false),
                meeting.id().value(),
                meeting.title(),
                meeting.roomName(),
                participant.waitingSince(),
                invitation.map(Invitation::guardianOf).orElse(null),
                invitation.map(Invitation::guardians).orElse(List.of()));
    }

    ServerMessage.MeetingInfo info(MeetingId meetingId) {
        MeetingSummary meeting = meetings.summary(meetingId).orElseThrow();
        MeetingSessions.Life life = sessions.life(meetingId.value());
        return new ServerMessage.MeetingInfo(
                meetingId.value(), meeting.title(), meeting.roomName(), life.started(), life.locked(), life.ended());
    }

    /**
     * @param on whether their microphone and camera are on, or null if their tab has not said
     * @param connectionLost whether the SFU has lost them
     */
    static Badge badge(
            Participant participant, boolean forHost, List<UUID> handOrder, MediaStates.On on, boolean connectionLost) {
        int place = handOrder.indexOf(participant.id().value());
        // whose pseudonym it is stays with the hosts
        String verified = participant.anonymous() && !forHost ? null : participant.verifiedName();
        String name = participant.anonymous() && !forHost ? "" : participant.displayName();
        return new Badge(
                participant.id().value(),
                name,
                participant.isHost(),
                verified,
                participant.method(),
                participant.level(),
                participant.pseudonym(),
                participant.simulated(),
                place < 0 ? null : place + 1,
                on == null ? null : on.microphone(),
                on == null ? null : on.camera(),
                connectionLost);
    }
}
