package se.portvakt.meeting;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.portvakt.audit.AuditAction;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.Meetings;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.ParticipantId;
import se.portvakt.lobby.Lobby;
import se.portvakt.lobby.LobbyRefusal;
import se.portvakt.lobby.Participant;
import se.portvakt.lobby.ParticipantState;
import se.portvakt.sfu.ParticipantAnswer;

/**
 * Carries out what a tab asks, after checking the caller may ask it of that meeting and participant. A refusal
 * is a {@link LobbyRefusal} with the protocol's error code; what others see follows from {@link Broadcasts}.
 */
@Component
class MeetingControl {

    private final Lobby lobby;
    private final MeetingSessions sessions;
    private final Meetings meetings;
    private final Attendance attendance;
    private final MeetingClosing closing;
    private final ChatLog chat;
    private final RaisedHands hands;
    private final Sockets sockets;
    private final Broadcasts broadcasts;
    private final MediaRelay media;
    private final MediaStates mediaStates;
    private final AuditLog audit;
    private final Clock clock;

    MeetingControl(
            Lobby lobby,
            MeetingSessions sessions,
            Meetings meetings,
            Attendance attendance,
            MeetingClosing closing,
            ChatLog chat,
            RaisedHands hands,
            Sockets sockets,
            Broadcasts broadcasts,
            MediaRelay media,
            MediaStates mediaStates,
            AuditLog audit,
            Clock clock) {
        this.lobby = lobby;
        this.sessions = sessions;
        this.meetings = meetings;
        this.attendance = attendance;
        this.closing = closing;
        this.chat = chat;
        this.hands = hands;
        this.sockets = sockets;
        this.broadcasts = broadcasts;
        this.media = media;
        this.mediaStates = mediaStates;
        this.audit = audit;
        this.clock = clock;
    }

    /** The sender's own tab, for what must be done to it before it is answered. */
    @FunctionalInterface
    interface Tab {
        /** This tab carries the participant's media: a renegotiate caused by someone else must find it. */
        void carriesMediaOf(UUID participantId);
    }

    /** Whom each message may come from and what it does (docs/protocol.md lists who may send which). */
    static final MessageHandlers HANDLERS = new MessageHandlers()
            .fromHost(ClientMessage.Admit.class, MeetingControl::admit)
            .fromHost(ClientMessage.AdmitAll.class, MeetingControl::admitAll)
            .fromHost(ClientMessage.Deny.class, MeetingControl::deny)
            .fromHost(ClientMessage.Move.class, MeetingControl::move)
            .fromHost(ClientMessage.SendBack.class, MeetingControl::sendBack)
            .fromHost(ClientMessage.Remove.class, MeetingControl::remove)
            .fromHost(ClientMessage.Mute.class, MeetingControl::mute)
            .fromHost(ClientMessage.CameraOff.class, MeetingControl::cameraOff)
            .fromHost(ClientMessage.Join.class, MeetingControl::join)
            .fromHost(ClientMessage.Lock.class, MeetingControl::lock)
            .fromHost(ClientMessage.End.class, MeetingControl::end)
            .fromParticipant(ClientMessage.Chat.class, MeetingControl::chat)
            .fromParticipant(ClientMessage.Hand.class, MeetingControl::hand)
            .fromParticipant(ClientMessage.React.class, MeetingControl::react)
            .fromParticipant(ClientMessage.MediaState.class, MeetingControl::mediaState)
            .fromParticipant(ClientMessage.Layers.class, MeetingControl::layers)
            .on(ClientMessage.Publish.class, (control, caller, publish, tab) -> control.publish(caller, publish, tab))
            .on(ClientMessage.Leave.class, (control, caller, leave, tab) -> control.leave(caller))
            .on(ClientMessage.Ping.class, (control, caller, ping, tab) -> List.of(new ServerMessage.Pong()))
            .complete();

    /** Carries out a message; returns what the sender's own tab gets back, in order. */
    List<ServerMessage> handle(Caller caller, ClientMessage message, Tab tab) {
        return HANDLERS.handle(this, caller, message, tab);
    }

    private void admit(Caller.Host host, ClientMessage.Admit admit) {
        Participant guest = entitledGuest(host, admit.participantId());
        openForEntry(guest.meetingId());
        lobby.admit(guest.id(), () -> sessions.life(guest.meetingId().value()).started());
        decided(host, AuditAction.GUEST_ADMITTED, guest);
    }

    private void admitAll(Caller.Host host, ClientMessage.AdmitAll all) {
        ownMeeting(host, all.meetingId());
        openForEntry(all.meetingId());
        attendance.recheck(all.meetingId().value());
        lobby.ofMeeting(all.meetingId(), ParticipantState.WAITING).forEach(guest -> {
            lobby.admit(guest.id(), () -> sessions.life(all.meetingId().value()).started());
            decided(host, AuditAction.GUEST_ADMITTED, guest);
        });
    }

    private void deny(Caller.Host host, ClientMessage.Deny deny) {
        Participant guest = entitledGuest(host, deny.participantId());
        lobby.deny(guest.id(), deny.message());
        decided(host, AuditAction.GUEST_DENIED, guest);
    }

    private void move(Caller.Host host, ClientMessage.Move move) {
        Participant guest = entitledGuest(host, move.participantId());
        ownMeeting(host, move.meetingId());
        openForEntry(move.meetingId());
        MeetingSummary target =
                meetings.summary(move.meetingId()).orElseThrow(() -> new LobbyRefusal("unknown-meeting"));
        attendance.lost(guest, target).ifPresent(lost -> {
            throw new LobbyRefusal(MOVE_REFUSALS.get(lost.reason()));
        });
        lobby.move(
                guest.id(),
                move.meetingId(),
                () -> sessions.life(move.meetingId().value()).started());
        audit.record(decision(host, AuditAction.GUEST_MOVED, guest)
                .meeting(move.meetingId())
                .detail("fromMeeting", guest.meetingId()));
    }

    private void sendBack(Caller.Host host, ClientMessage.SendBack back) {
        Participant guest = entitledGuest(host, back.participantId());
        lobby.sendBack(guest.id());
        decided(host, AuditAction.GUEST_SENT_BACK, guest);
    }

    private void remove(Caller.Host host, ClientMessage.Remove remove) {
        Participant guest = guestOf(host, remove.participantId());
        lobby.remove(guest.id());
        decided(host, AuditAction.GUEST_REMOVED, guest);
    }

    private void mute(Caller.Host host, ClientMessage.Mute mute) {
        sockets.toGuest(presentGuest(host, mute.participantId()).id().value(), new ServerMessage.MuteRequested());
    }

    private void cameraOff(Caller.Host host, ClientMessage.CameraOff off) {
        sockets.toGuest(presentGuest(host, off.participantId()).id().value(), new ServerMessage.CameraTurnedOff());
    }

    /** Why a guest cannot be moved into a meeting, as the protocol's error code. */
    private static final java.util.Map<String, String> MOVE_REFUSALS = java.util.Map.of(
            Attendance.Lost.CANCELLED.reason(), "cancelled",
            Attendance.Lost.IDENTIFY_AGAIN.reason(), "level-too-low",
            Attendance.Lost.NOT_ANONYMOUS.reason(), "not-confidential",
            Attendance.Lost.RESCHEDULED.reason(), "not-open-yet");

    /** A host's decision about a guest, with what the guest had proved when it was taken. */
    private void decided(Caller.Host host, AuditAction action, Participant guest) {
        audit.record(decision(host, action, guest));
    }

    private static AuditEntry decision(Caller.Host host, AuditAction action, Participant guest) {
        return AuditEntry.of(host.organisationId(), action, AuditActor.staff(host.staffId()))
                .meeting(guest.meetingId())
                .subject(guest.id())
                .detail("invitee", guest.inviteeId())
                .evidence(guest.method(), guest.level(), guest.simulated())
                .detail("anonymous", guest.anonymous() ? "true" : null);
    }

    /** Join, lock and end come only from a meeting's host view, for that meeting. */
    private static MeetingId viewedMeeting(Caller.Host host) {
        if (host.meetingId() == null) {
            throw new LobbyRefusal("not-in-meeting");
        }
        return host.meetingId();
    }

    private void join(Caller.Host host, ClientMessage.Join join) {
        MeetingId meetingId = viewedMeeting(host);
        if (cancelled(meetingId)) {
            throw new LobbyRefusal("cancelled");
        }
        if (sessions.life(meetingId.value()).ended()) {
            throw new LobbyRefusal("ended");
        }
        sessions.start(meetingId.value());
        lobby.hostJoins(meetingId, host.staffId(), host.name());
    }

    private void lock(Caller.Host host, ClientMessage.Lock lock) {
        MeetingId meetingId = viewedMeeting(host);
        sessions.lock(meetingId.value(), lock.locked());
        broadcasts.meetingChanged(meetingId.value(), host.organisationId().value());
    }

    private void end(Caller.Host host, ClientMessage.End end) {
        MeetingId meetingId = viewedMeeting(host);
        if (closing.close(meetingId.value(), host.organisationId().value(), "ENDED")) {
            audit.record(
                    AuditEntry.of(host.organisationId(), AuditAction.MEETING_ENDED, AuditActor.staff(host.staffId()))
                            .meeting(meetingId)
                            .subject(meetingId));
        }
    }

    /** The caller's own participant while in the meeting: a guest let in, or a host who has joined. */
    Participant inMeeting(Caller caller) {
        Participant self = present(caller);
        if (self.state() != ParticipantState.IN_MEETING) {
            throw new LobbyRefusal("not-in-meeting");
        }
        return self;
    }

    /**
     * The caller's own participant, not yet gone: a guest waiting or in the meeting (else "gone"), or a host who
     * has joined (else "not-in-meeting").
     */
    private Participant present(Caller caller) {
        if (caller instanceof Caller.Host host) {
            Participant self = host.meetingId() == null
                    ? null
                    : lobby.hostIn(host.meetingId(), host.staffId()).orElse(null);
            if (self == null || self.state() != ParticipantState.IN_MEETING) {
                throw new LobbyRefusal("not-in-meeting");
            }
            return self;
        }
        Participant self =
                lobby.find(((Caller.Guest) caller).participantId()).orElseThrow(() -> new LobbyRefusal("gone"));
        if (self.state().isFinal() || self.state() == ParticipantState.LEFT) {
            throw new LobbyRefusal("gone");
        }
        return self;
    }

    /** A waiting guest may leave too; a host leaves only the meeting they joined. */
    private List<ServerMessage> leave(Caller caller) {
        lobby.leave(present(caller).id());
        return List.of();
    }

    private void chat(Participant self, ClientMessage.Chat line) {
        UUID meetingId = self.meetingId().value();
        ChatLog.Line posted = chat.post(
                meetingId,
                new ChatLog.Line(self.id().value(), shownName(self), printable(line.text()), clock.instant()));
        sockets.toPresent(meetingId, new ServerMessage.ChatPosted(posted));
    }

    private void hand(Participant self, ClientMessage.Hand hand) {
        UUID meetingId = self.meetingId().value();
        if (hand.raised()) {
            hands.raise(meetingId, self.id().value());
        } else {
            hands.lower(meetingId, self.id().value());
        }
        broadcasts.meetingChangedSoon(meetingId);
    }

    private void react(Participant self, ClientMessage.React react) {
        sockets.toPresent(
                self.meetingId().value(),
                new ServerMessage.Reaction(self.id().value(), shownName(self), react.reaction()));
    }

    private void mediaState(Participant self, ClientMessage.MediaState state) {
        UUID meetingId = self.meetingId().value();
        mediaStates.set(meetingId, self.id().value(), new MediaStates.On(state.microphone(), state.camera()));
        broadcasts.meetingChangedSoon(meetingId);
    }

    private void layers(Participant self, ClientMessage.Layers layers) {
        media.preferLayers(self.meetingId().value(), self.id().value(), layers.slots());
    }

    /** The name others see on chat and reactions: empty for an anonymous participant. */
    private static String shownName(Participant self) {
        return self.anonymous() || self.displayName() == null ? "" : self.displayName();
    }

    /**
     * The sender offers their media, first or again: the SFU's answer for their tab alone, and, when the SFU has
     * more streams for it than the offer had room for, a {@code renegotiate} right after.
     */
    private List<ServerMessage> publish(Caller caller, ClientMessage.Publish publish, Tab tab) {
        Participant self = inMeeting(caller);
        // before the SFU answers: a renegotiate caused meanwhile by someone else must find this tab
        tab.carriesMediaOf(self.id().value());
        ParticipantAnswer answer =
                media.negotiate(self.meetingId().value(), self.id().value(), publish.sdp(), publish.sources());
        List<ServerMessage.Stream> streams = answer.streams().stream()
                .map(s -> new ServerMessage.Stream(s.mid(), UUID.fromString(s.participantId()), s.kind(), s.source()))
                .toList();
        ServerMessage.Answer sdpAnswer = new ServerMessage.Answer(answer.answerSdp(), streams, answer.joined());
        return answer.needsMoreSlots()
                ? List.of(sdpAnswer, new ServerMessage.Renegotiate(answer.audio(), answer.video()))
                : List.of(sdpAnswer);
    }

    /**
     * Why a guest's tab may not come back: DENIED, REMOVED, ENDED (the meeting) or LEFT, or the reason they were
     * taken out when the meeting or their invitation changed (CANCELLED, IDENTIFY_AGAIN, NOT_ANONYMOUS, RESCHEDULED).
     */
    String closedReason(ParticipantId participantId) {
        Participant participant = lobby.find(participantId).orElse(null);
        if (participant == null) {
            return "REMOVED";
        }
        if (participant.closedReason() != null) {
            return participant.closedReason();
        }
        if (participant.state().isFinal()) {
            return participant.state().name();
        }
        return sessions.life(participant.meetingId().value()).ended() ? "ENDED" : "LEFT";
    }

    /** A guest of the host's organisation, or "unknown-participant" (never saying whether it exists elsewhere). */
    private Participant guestOf(Caller.Host host, ParticipantId participantId) {
        Participant participant = lobby.find(participantId).orElseThrow(() -> new LobbyRefusal("unknown-participant"));
        if (participant.isHost()
                || !lobby.organisationOf(participant.meetingId()).orElseThrow().equals(host.organisationId())) {
            throw new LobbyRefusal("unknown-participant");
        }
        return participant;
    }

    /** Why a host's view of the meeting may not open: CANCELLED, ENDED, or null while it may. */
    String hostClosedReason(MeetingId meetingId) {
        if (cancelled(meetingId)) {
            return "CANCELLED";
        }
        return sessions.life(meetingId.value()).ended() ? "ENDED" : null;
    }

    /** {@link #guestOf}, asked again whether they may still be here; refused if they were taken out just now. */
    private Participant entitledGuest(Caller.Host host, ParticipantId participantId) {
        Participant before = guestOf(host, participantId);
        Participant now = attendance.recheck(before);
        if (now.state() != before.state()) {
            throw new LobbyRefusal("no-longer-entitled");
        }
        return now;
    }

    private Participant presentGuest(Caller.Host host, ParticipantId participantId) {
        Participant guest = entitledGuest(host, participantId);
        if (guest.state() != ParticipantState.IN_MEETING) {
            throw new LobbyRefusal("wrong-state");
        }
        return guest;
    }

    private void ownMeeting(Caller.Host host, MeetingId meetingId) {
        if (!lobby.organisationOf(meetingId).map(host.organisationId()::equals).orElse(false)) {
            throw new LobbyRefusal("unknown-meeting");
        }
    }

    private boolean cancelled(MeetingId meetingId) {
        return meetings.summary(meetingId).map(MeetingSummary::cancelled).orElse(true);
    }

    private MeetingSessions.Life openForEntry(MeetingId meetingId) {
        if (cancelled(meetingId)) {
            throw new LobbyRefusal("cancelled");
        }
        MeetingSessions.Life life = sessions.life(meetingId.value());
        if (life.ended()) {
            throw new LobbyRefusal("ended");
        }
        if (life.locked()) {
            throw new LobbyRefusal("locked");
        }
        return life;
    }

    /** Chat text without control characters (line breaks and tabs stay). */
    static String printable(String text) {
        return text.strip().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
    }
}
