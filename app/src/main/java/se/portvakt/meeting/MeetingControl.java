package se.portvakt.meeting;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.portvakt.audit.AuditLog;
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
    private final ChatLog chat;
    private final RaisedHands hands;
    private final Sockets sockets;
    private final Broadcasts broadcasts;
    private final MediaRelay media;
    private final MediaStates mediaStates;
    private final AuditLog audit;
    private final Clock clock;

    MeetingControl(Lobby lobby, MeetingSessions sessions, ChatLog chat, RaisedHands hands, Sockets sockets,
            Broadcasts broadcasts, MediaRelay media, MediaStates mediaStates, AuditLog audit, Clock clock) {
        this.lobby = lobby;
        this.sessions = sessions;
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
            Participant guest = guestOf(host, admit.participantId());
            lobby.admit(guest.id(), openForEntry(guest.meetingId()).started());
            decided(host, AuditAction.GUEST_ADMITTED, guest);
        } else if (command instanceof ClientMessage.AdmitAll all) {
            ownMeeting(host, all.meetingId());
            boolean started = openForEntry(all.meetingId()).started();
            lobby.ofMeeting(all.meetingId(), ParticipantState.WAITING).forEach(guest -> {
                lobby.admit(guest.id(), started);
                decided(host, AuditAction.GUEST_ADMITTED, guest);
            });
        } else if (command instanceof ClientMessage.Deny deny) {
            Participant guest = guestOf(host, deny.participantId());
            lobby.deny(guest.id(), deny.message());
            decided(host, AuditAction.GUEST_DENIED, guest);
        } else if (command instanceof ClientMessage.Move move) {
            Participant guest = guestOf(host, move.participantId());
            ownMeeting(host, move.meetingId());
            lobby.move(guest.id(), move.meetingId(), openForEntry(move.meetingId()).started());
            audit.record(decision(host, AuditAction.GUEST_MOVED, guest).meeting(move.meetingId())
                    .detail("fromMeeting", guest.meetingId()));
            media.leave(guest.meetingId(), guest.id());
        } else if (command instanceof ClientMessage.SendBack back) {
            Participant guest = guestOf(host, back.participantId());
            hands.lower(guest.meetingId(), guest.id());
            lobby.sendBack(guest.id());
            decided(host, AuditAction.GUEST_SENT_BACK, guest);
            media.leave(guest.meetingId(), guest.id());
        } else if (command instanceof ClientMessage.Remove remove) {
            Participant guest = guestOf(host, remove.participantId());
            hands.lower(guest.meetingId(), guest.id());
            lobby.remove(guest.id());
            decided(host, AuditAction.GUEST_REMOVED, guest);
            media.leave(guest.meetingId(), guest.id());
        } else if (command instanceof ClientMessage.Mute mute) {
            sockets.toGuest(presentGuest(host, mute.participantId()).id(), new ServerMessage.MuteRequested());
        } else if (command instanceof ClientMessage.CameraOff off) {
            sockets.toGuest(presentGuest(host, off.participantId()).id(), new ServerMessage.CameraTurnedOff());
        } else {
            inMeeting(host, command);
        }
    }

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
            if (sessions.life(meetingId).ended()) {
                throw new LobbyRefusal("ended");
            }
            sessions.start(meetingId);
            lobby.hostJoins(meetingId, host.staffId(), host.name());
        } else if (command instanceof ClientMessage.Lock lock) {
            sessions.lock(meetingId, lock.locked());
            broadcasts.meetingChanged(meetingId, host.organisationId());
        } else if (command instanceof ClientMessage.End) {
            if (sessions.end(meetingId)) {
                audit.record(AuditEntry.of(host.organisationId(), AuditAction.MEETING_ENDED, AuditActor.staff(host.staffId()))
                        .meeting(meetingId).subject(meetingId));
                chat.forget(meetingId);
                hands.forget(meetingId);
                mediaStates.forget(meetingId);
                sockets.closeMeeting(meetingId, new ServerMessage.Closed("ENDED", null));
                lobby.meetingEnded(meetingId);
                media.end(meetingId);
                broadcasts.consoles(host.organisationId());
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
            media.leave(self.meetingId(), self.id());
            mediaStates.forget(self.meetingId(), self.id());
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
            hands.lower(self.meetingId(), self.id());
            lobby.leave(self.id());
            media.leave(self.meetingId(), self.id());
            mediaStates.forget(self.meetingId(), self.id());
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
            broadcasts.meetingChanged(meetingId, null);
        } else if (message instanceof ClientMessage.React react) {
            sockets.toPresent(meetingId, new ServerMessage.Reaction(self.id(),
                    shownName == null ? "" : shownName, react.reaction()));
        } else if (message instanceof ClientMessage.MediaState state) {
            mediaStates.set(meetingId, self.id(), new MediaStates.On(state.microphone(), state.camera()));
            broadcasts.meetingChanged(meetingId, null);
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
        return new Published(new ServerMessage.Answer(answer.answerSdp(), streams),
                answer.needsMoreSlots() ? new ServerMessage.Renegotiate(answer.audio(), answer.video()) : null);
    }

    /** Why a guest's tab may not come back: DENIED, REMOVED, ENDED (the meeting) or LEFT. */
    String closedReason(UUID participantId) {
        Participant participant = lobby.find(participantId).orElse(null);
        if (participant == null) {
            return "REMOVED";
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

    private Participant presentGuest(Caller.Host host, UUID participantId) {
        Participant guest = guestOf(host, participantId);
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

    private MeetingSessions.Life openForEntry(UUID meetingId) {
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
