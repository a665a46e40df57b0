package se.portvakt.meeting;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import se.portvakt.lobby.LobbyRefusal;
import se.portvakt.lobby.ParticipantState;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidTypeIdException;

/**
 * The signaling socket: parses each message, lets {@link MeetingControl} act on it and sends the sender's tab what
 * it returns, and answers a bad one with an {@code error} while the socket (and everyone else's) carries on.
 */
@Component
class SignalingHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(SignalingHandler.class);
    /** The largest message we read; the container drops a connection that sends more than 4 times this. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024;
    /** An SDP offer grows with the meeting (a receive m-section per stream): {@code publish} may be this long. */
    static final int MAX_PUBLISH_BYTES = 96 * 1024;

    private final LocalSockets sockets;
    private final MeetingControl control;
    private final Snapshots snapshots;
    private final ObjectMapper json;
    private final Map<String, WebSocketSession> safeSessions = new ConcurrentHashMap<>();
    /** Each sender's message budget, shared by all their tabs so more tabs do not mean more messages. */
    private final Map<UUID, MessageLimits.Budget> budgets = new ConcurrentHashMap<>();

    SignalingHandler(LocalSockets sockets, MeetingControl control, Snapshots snapshots, ObjectMapper json) {
        this.sockets = sockets;
        this.control = control;
        this.snapshots = snapshots;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Caller caller = caller(session);
        WebSocketSession safe = sockets.add(session, caller);
        safeSessions.put(session.getId(), safe);
        if (caller instanceof Caller.Host host && host.onConsole()) {
            sockets.send(safe, snapshots.lobby(host));
            return;
        }
        if (caller instanceof Caller.Guest guest) {
            var participant = snapshots.state(guest);
            if (participant.isEmpty()) {
                // denied, removed, left or the meeting ended: this session may not come back
                sockets.sendAndClose(safe, new ServerMessage.Closed(closedReason(guest), null));
                return;
            }
            sockets.place(
                    guest.participantId().value(),
                    participant.get().meeting().id(),
                    participant.get().yourState() == ParticipantState.IN_MEETING);
            sockets.send(safe, participant.get());
            return;
        }
        String closed = control.hostClosedReason(((Caller.Host) caller).meetingId());
        if (closed != null) {
            sockets.sendAndClose(safe, new ServerMessage.Closed(closed, null));
            return;
        }
        snapshots.state(caller).ifPresent(state -> sockets.send(safe, state));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        WebSocketSession safe = safeSessions.getOrDefault(session.getId(), session);
        int bytes = Math.max(message.getPayloadLength(), message.getPayload().getBytes(StandardCharsets.UTF_8).length);
        if (bytes > MAX_PUBLISH_BYTES) {
            sockets.send(safe, new ServerMessage.Error("too-large", null));
            return;
        }
        ClientMessage parsed;
        try {
            JsonNode tree = json.readTree(message.getPayload());
            if (tree == null || !tree.isObject() || !tree.path("type").isString()) {
                sockets.send(safe, new ServerMessage.Error("invalid", null));
                return;
            }
            if (bytes > MAX_MESSAGE_BYTES && !tree.path("type").asString().equals("publish")) {
                sockets.send(safe, new ServerMessage.Error("too-large", null));
                return;
            }
            parsed = json.treeToValue(tree, ClientMessage.class);
        } catch (InvalidTypeIdException e) {
            sockets.send(safe, new ServerMessage.Error("unknown-type", e.getTypeId()));
            return;
        } catch (JacksonException | IllegalArgumentException e) {
            sockets.send(safe, new ServerMessage.Error("invalid", null));
            return;
        }
        if (parsed == null) {
            sockets.send(safe, new ServerMessage.Error("invalid", null));
            return;
        }

        String type = typeOf(parsed);
        if (!budgets.computeIfAbsent(senderOf(caller(session)), sender -> new MessageLimits.Budget(System.nanoTime()))
                .allow(type, System.nanoTime())) {
            sockets.send(safe, new ServerMessage.Error("rate-limited", type));
            return;
        }
        try {
            for (ServerMessage reply : control.handle(
                    caller(session), parsed, participantId -> sockets.mediaTab(session, participantId))) {
                sockets.send(safe, reply);
            }
        } catch (LobbyRefusal refusal) {
            sockets.send(safe, new ServerMessage.Error(refusal.code(), type));
            if (refusal.code().equals("gone")) {
                sockets.sendAndClose(
                        safe, new ServerMessage.Closed(closedReason((Caller.Guest) caller(session)), null));
            }
        } catch (RuntimeException e) {
            log.warn("Signaling message {} failed", type, e);
            sockets.send(safe, new ServerMessage.Error("failed", type));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Signaling socket {} failed: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        sockets.removeSocket(session);
        safeSessions.remove(session.getId());
        UUID sender = senderOf(caller(session));
        if (sockets.countOf(sender) == 0) {
            budgets.remove(sender);
        }
    }

    /** Whose budget a socket's messages use: the guest's participant or the staff user. */
    static UUID senderOf(Caller caller) {
        return caller instanceof Caller.Guest guest
                ? guest.participantId().value()
                : ((Caller.Host) caller).staffId().value();
    }

    private String closedReason(Caller.Guest guest) {
        return control.closedReason(guest.participantId());
    }

    private static Caller caller(WebSocketSession session) {
        return (Caller) session.getAttributes().get(SignalingHandshake.CALLER);
    }

    /** The message's protocol name, from its {@code @JsonSubTypes} entry. */
    static String typeOf(ClientMessage message) {
        for (var type : ClientMessage.class
                .getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class)
                .value()) {
            if (type.value().equals(message.getClass())) {
                return type.name();
            }
        }
        return null;
    }
}
