package se.portvakt.meeting;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.portvakt.audit.AuditLog;
import se.portvakt.booking.MeetingDetails;
import se.portvakt.booking.MeetingSummary;
import se.portvakt.booking.Meetings;
import se.portvakt.audit.AuditEntry;
import se.portvakt.audit.AuditActor;
import se.portvakt.audit.AuditAction;
import se.portvakt.lobby.Lobby;
import se.portvakt.lobby.LobbyRefusal;
import se.portvakt.lobby.Participant;
import se.portvakt.lobby.ParticipantState;
import se.portvakt.meeting.ClientMessage.HostOnly;
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

    MeetingControl(Lobby lobby, MeetingSessions sessions, Meetings meetings, Attendance attendance,
            MeetingClosing closing, ChatLog chat, RaisedHands hands, Sockets sockets, Broadcasts broadcasts,
            MediaRelay media, MediaStates mediaStates, AuditLog audit, Clock clock) {
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

    void handle(Caller caller, ClientMessage message) {
        if (message instanceof ClientMessage.Ping || message instanceof ClientMessage.Publish) {
            return;
        }
        if (caller instanceof Caller.Host host) {
            if (message instanceof HostOnly command) {
                host(host, command);
            } else {
                hostAsParticipant(host, message);
            }
            return;
        }
        Caller.Guest guest = (Caller.Guest) caller;
        if (message instanceof HostOnly) {
            throw new LobbyRefusal("forbidden");
        }
        guest(guest, message);
    }

    private void host(Caller.Host host, HostOnly command) {
        if (command instanceof ClientMessage.Admit admit) {
            Participant guest = entitledGuest(host, admit.participantId());
            openForEntry(guest.meetingId());
            lobby.admit(guest.id(), () -> sessions.life(guest.meetingId()).started());
            decided(host, AuditAction.GUEST_ADMITTED, guest);
        } else if (command instanceof ClientMessage.AdmitAll all) {
            ownMeeting(host, all.meetingId());
            openForEntry(all.meetingId());
            attendance.recheck(all.meetingId());
            lobby.ofMeeting(all.meetingId(), ParticipantState.WAITING).forEach(guest -> {
                lobby.admit(guest.id(), () -> sessions.life(all.meetingId()).started());
                decided(host, AuditAction.GUEST_ADMITTED, guest);
            });
        } else if (command instanceof ClientMessage.Deny deny) {
            Participant guest = entitledGuest(host, deny.participantId());
            lobby.deny(guest.id(), deny.message());
            decided(host, AuditAction.GUEST_DENIED, guest);
        } else if (command instanceof ClientMessage.Move move) {
            Participant guest = entitledGuest(host, move.participantId());
            ownMeeting(host, move.meetingId());
            boolean started = openForEntry(move.meetingId()).started();
            MeetingDetails target = meetings.details(move.meetingId()).orElseThrow(() -> new LobbyRefusal("unknown-meeting"));
            attendance.lost(guest, target).ifPresent(lost -> {
                throw new LobbyRefusal(MOVE_REFUSALS.get(lost.reason()));
            });
            lobby.move(guest.id(), move.meetingId(), started);
            audit.record(decision(host, AuditAction.GUEST_MOVED, guest).meeting(move.meetingId())
                    .detail("fromMeeting", guest.meetingId()));
        } else if (command instanceof ClientMessage.SendBack back) {
            Participant guest = entitledGuest(host, back.participantId());
            lobby.sendBack(guest.id());
            decided(host, AuditAction.GUEST_SENT_BACK, guest);
        } else if (command instanceof ClientMessage.Remove remove) {
            Participant guest = guestOf(host, remove.participantId());
            lobby.remove(guest.id());
            decided(host, AuditAction.GUEST_REMOVED, guest);
        } else if (command instanceof ClientMessage.Mute mute) {
            sockets.toGuest(presentGuest(host, mute.participantId()).id(), new ServerMessage.MuteRequested());
        } else if (command instanceof ClientMessage.CameraOff off) {
            sockets.toGuest(presentGuest(host, off.participantId()).id(), new ServerMessage.CameraTurnedOff());
        } else {
            inMeeting(host, command);
        }
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
                .meeting(guest.meetingId()).subject(guest.id()).detail("invitee", guest.inviteeId())
                .evidence(guest.method(), guest.level(), guest.simulated())
                .detail("anonymous", guest.anonymous() ? "true" : null);
    }

    /** Join, lock and end: only from a meeting's host view, for that meeting. */
    private void inMeeting(Caller.Host host, HostOnly command) {
        UUID meetingId = host.meetingId();
        if (meetingId == null) {
            throw new LobbyRefusal("not-in-meeting");
        }
        if (command instanceof ClientMessage.Join) {
            if (cancelled(meetingId)) {
                throw new LobbyRefusal("cancelled");
            }
            if (sessions.life(meetingId).ended()) {
                throw new LobbyRefusal("ended");
            }
            sessions.start(meetingId);
            lobby.hostJoins(meetingId, host.staffId(), host.name());
        } else if (command instanceof ClientMessage.Lock lock) {
            sessions.lock(meetingId, lock.locked());
            broadcasts.meetingChanged(meetingId, host.organisationId());
        } else if (command instanceof ClientMessage.End) {
            if (closing.close(meetingId, host.organisationId(), "ENDED")) {
                audit.record(AuditEntry.of(host.organisationId(), AuditAction.MEETING_ENDED, AuditActor.staff(host.staffId()))
                        .meeting(meetingId).subject(meetingId));
            }
        }
    }

    private void hostAsParticipant(Caller.Host host, ClientMessage message) {
        Participant self = host.meetingId() == null ? null : lobby.hostIn(host.meetingId(), host.staffId())
                .filter(participant -> participant.state() == ParticipantState.IN_MEETING).orElse(null);
        if (self == null) {
            throw new LobbyRefusal("not-in-meeting");
        }
        if (message instanceof ClientMessage.Leave) {
            lobby.leave(self.id());
        } else {
            participate(self, message);
        }
    }

    private void guest(Caller.Guest caller, ClientMessage message) {
        Participant self = lobby.find(caller.participantId()).orElseThrow(() -> new LobbyRefusal("gone"));
        if (self.state().isFinal() || self.state() == ParticipantState.LEFT) {
            throw new LobbyRefusal("gone");
        }
        if (message instanceof ClientMessage.Leave) {
            lobby.leave(self.id());
            return;
        }
        if (self.state() != ParticipantState.IN_MEETING) {
            throw new LobbyRefusal("not-in-meeting");
        }
        participate(self, message);
    }

    private void participate(Participant self, ClientMessage message) {
        UUID meetingId = self.meetingId();
        String shownName = self.anonymous() ? null : self.displayName();
        if (message instanceof ClientMessage.Chat line) {
            ChatLog.Line posted = chat.post(meetingId, new ChatLog.Line(self.id(),
                    shownName == null ? "" : shownName, printable(line.text()), clock.instant()));
            sockets.toPresent(meetingId, new ServerMessage.ChatPosted(posted));
        } else if (message instanceof ClientMessage.Hand hand) {
            if (hand.raised()) {
                hands.raise(meetingId, self.id());
            } else {
                hands.lower(meetingId, self.id());
            }
            broadcasts.meetingChangedSoon(meetingId);
        } else if (message instanceof ClientMessage.React react) {
            sockets.toPresent(meetingId, new ServerMessage.Reaction(self.id(),
                    shownName == null ? "" : shownName, react.reaction()));
        } else if (message instanceof ClientMessage.MediaState state) {
            mediaStates.set(meetingId, self.id(), new MediaStates.On(state.microphone(), state.camera()));
            broadcasts.meetingChangedSoon(meetingId);
        } else if (message instanceof ClientMessage.Layers layers) {
            media.preferLayers(meetingId, self.id(), layers.slots());
        }
    }

    /**
     * What a {@code publish} gets back: the answer for the sender's tab alone, and, when the SFU has more streams
     * for it than its offer had room for, a {@code renegotiate} to send right after.
     */
    record Published(ServerMessage.Answer answer, ServerMessage.Renegotiate moreSlots) {}

    /** The caller's participant, if they may send media now: a guest IN_MEETING, or a host who has joined. */
    Participant publisher(Caller caller) {
        Participant self;
        if (caller instanceof Caller.Host host) {
            self = host.meetingId() == null ? null : lobby.hostIn(host.meetingId(), host.staffId()).orElse(null);
        } else {
            self = lobby.find(((Caller.Guest) caller).participantId()).orElseThrow(() -> new LobbyRefusal("gone"));
            if (self.state().isFinal() || self.state() == ParticipantState.LEFT) {
                throw new LobbyRefusal("gone");
            }
        }
        if (self == null || self.state() != ParticipantState.IN_MEETING) {
            throw new LobbyRefusal("not-in-meeting");
        }
        return self;
    }

    /** The {@link #publisher} offers their media, first or again: the SFU answers. */
    Published publish(Participant self, ClientMessage.Publish publish) {
        ParticipantAnswer answer = media.negotiate(self.meetingId(), self.id(), publish.sdp(), publish.sources());
        List<ServerMessage.Stream> streams = answer.streams().stream()
                .map(s -> new ServerMessage.Stream(s.mid(), UUID.fromString(s.participantId()), s.kind(), s.source()))
                .toList();
        return new Published(new ServerMessage.Answer(answer.answerSdp(), streams, answer.joined()),
                answer.needsMoreSlots() ? new ServerMessage.Renegotiate(answer.audio(), answer.video()) : null);
    }

    /**
     * Why a guest's tab may not come back: DENIED, REMOVED, ENDED (the meeting) or LEFT, or the reason they were
     * taken out when the meeting or their invitation changed (CANCELLED, IDENTIFY_AGAIN, NOT_ANONYMOUS, RESCHEDULED).
     */
    String closedReason(UUID participantId) {
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
        return sessions.life(participant.meetingId()).ended() ? "ENDED" : "LEFT";
    }

    /** A guest of the host's organisation, or "unknown-participant" (never saying whether it exists elsewhere). */
    private Participant guestOf(Caller.Host host, UUID participantId) {
        Participant participant = lobby.find(participantId).orElseThrow(() -> new LobbyRefusal("unknown-participant"));
        if (participant.isHost()
                || !lobby.organisationOf(participant.meetingId()).orElseThrow().equals(host.organisationId())) {
            throw new LobbyRefusal("unknown-participant");
        }
        return participant;
    }

    /** Why a host's view of the meeting may not open: CANCELLED, ENDED, or null while it may. */
    String hostClosedReason(UUID meetingId) {
        if (cancelled(meetingId)) {
            return "CANCELLED";
        }
        return sessions.life(meetingId).ended() ? "ENDED" : null;
    }

    /** {@link #guestOf}, asked again whether they may still be here; refused if they were taken out just now. */
    private Participant entitledGuest(Caller.Host host, UUID participantId) {
        Participant before = guestOf(host, participantId);
        Participant now = attendance.recheck(before);
        if (now.state() != before.state()) {
            throw new LobbyRefusal("no-longer-entitled");
        }
        return now;
    }

    private Participant presentGuest(Caller.Host host, UUID participantId) {
        Participant guest = entitledGuest(host, participantId);
        if (guest.state() != ParticipantState.IN_MEETING) {
            throw new LobbyRefusal("wrong-state");
        }
        return guest;
    }

    private void ownMeeting(Caller.Host host, UUID meetingId) {
        if (!lobby.organisationOf(meetingId).map(host.organisationId()::equals).orElse(false)) {
            throw new LobbyRefusal("unknown-meeting");
        }
    }

    private boolean cancelled(UUID meetingId) {
        return meetings.summary(meetingId).map(MeetingSummary::cancelled).orElse(true);
    }

    private MeetingSessions.Life openForEntry(UUID meetingId) {
        if (cancelled(meetingId)) {
            throw new LobbyRefusal("cancelled");
        }
        MeetingSessions.Life life = sessions.life(meetingId);
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
