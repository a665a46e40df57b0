package se.portvakt.meeting;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import tools.jackson.databind.ObjectMapper;

/**
 * The sockets open on this node, in memory, and the one place that delivers to them: alone it is the {@link Sockets}
 * of a single node; with several, {@link RedisSockets} hands it every intent that any node published. A slow or
 * broken socket never holds up the others.
 */
@Component
class LocalSockets implements Sockets {

    private static final Logger log = LoggerFactory.getLogger(LocalSockets.class);
    /** How long a send may block and how much may queue for one slow socket before it is dropped. */
    static final int SEND_TIME_LIMIT_MS = 5_000;

    static final int BUFFER_LIMIT_BYTES = 512 * 1024;

    private record Open(WebSocketSession session, Caller caller) {}

    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> guestMeetings = new ConcurrentHashMap<>();
    /** Guests placed in their meeting (not waiting or admitted-before-the-host). */
    private final Set<UUID> present = ConcurrentHashMap.newKeySet();
    /** Participant to the id of the socket whose tab published their media last. */
    private final Map<UUID, String> mediaTabs = new ConcurrentHashMap<>();

    private final ObjectMapper json;
    private final Snapshots snapshots;

    LocalSockets(ObjectMapper json, Snapshots snapshots) {
        this.json = json;
        this.snapshots = snapshots;
    }

    /** Registers a socket; sends through the returned session are safe from any thread. */
    WebSocketSession add(WebSocketSession session, Caller caller) {
        WebSocketSession safe =
                new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
        open.put(session.getId(), new Open(safe, caller));
        return safe;
    }

    void removeSocket(WebSocketSession session) {
        open.remove(session.getId());
        mediaTabs.values().removeIf(session.getId()::equals);
    }

    /** This socket's tab now carries the participant's media: renegotiation goes to it. */
    void mediaTab(WebSocketSession session, UUID participantId) {
        mediaTabs.put(participantId, session.getId());
    }

    int count() {
        return open.size();
    }

    /** How many sockets are open for the sender (a guest's participant or a staff user): see {@link SignalingHandler}. */
    int countOf(UUID sender) {
        return (int) open.values().stream()
                .filter(socket -> sender.equals(SignalingHandler.senderOf(socket.caller())))
                .count();
    }

    @Override
    public void place(UUID participantId, UUID meetingId, boolean inMeeting) {
        guestMeetings.put(participantId, meetingId);
        if (inMeeting) {
            present.add(participantId);
        } else {
            present.remove(participantId);
        }
    }

    @Override
    public void toPresent(UUID meetingId, ServerMessage message) {
        open.values().stream()
                .filter(socket -> inMeeting(socket.caller(), meetingId) && hostOrPresent(socket.caller()))
                .forEach(socket -> send(socket.session(), message));
    }

    @Override
    public void toMediaTab(UUID participantId, ServerMessage message) {
        String socketId = mediaTabs.get(participantId);
        Open socket = socketId == null ? null : open.get(socketId);
        if (socket != null) {
            send(socket.session(), message);
        }
    }

    @Override
    public void stateToMeeting(UUID meetingId) {
        Function<Caller, Optional<ServerMessage.State>> states = snapshots.forBroadcast();
        open.values().stream()
                .filter(socket -> inMeeting(socket.caller(), meetingId))
                .forEach(socket ->
                        send(socket.session(), states.apply(socket.caller()).orElse(null)));
    }

    @Override
    public void lobbyToConsoles(UUID organisationId) {
        toConsoles(organisationId, snapshots::lobby);
    }

    @Override
    public void toConsoles(UUID organisationId, ServerMessage message) {
        toConsoles(organisationId, host -> message);
    }

    private void toConsoles(UUID organisationId, Function<Caller.Host, ServerMessage> message) {
        open.values().forEach(socket -> {
            if (socket.caller() instanceof Caller.Host host
                    && host.onConsole()
                    && host.organisationId().value().equals(organisationId)) {
                send(socket.session(), message.apply(host));
            }
        });
    }

    @Override
    public void toGuest(UUID participantId, ServerMessage message) {
        open.values().stream()
                .filter(socket -> isGuest(socket.caller(), participantId))
                .forEach(socket -> send(socket.session(), message));
    }

    @Override
    public void closeGuest(UUID participantId, ServerMessage last) {
        open.values().stream()
                .filter(socket -> isGuest(socket.caller(), participantId))
                .forEach(socket -> sendAndClose(socket.session(), last));
    }

    @Override
    public void closeMeeting(UUID meetingId, ServerMessage last) {
        open.values().stream()
                .filter(socket -> inMeeting(socket.caller(), meetingId))
                .forEach(socket -> sendAndClose(socket.session(), last));
    }

    void send(WebSocketSession session, ServerMessage message) {
        try {
            if (message != null && session.isOpen()) {
                session.sendMessage(new TextMessage(json.writeValueAsString(message)));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not send to socket {}: {}", session.getId(), e.toString());
        }
    }

    void sendAndClose(WebSocketSession session, ServerMessage last) {
        send(session, last);
        awaitFlushed(session);
        try {
            session.close(CloseStatus.NORMAL);
        } catch (IOException | RuntimeException e) {
            log.debug("Could not close socket {}: {}", session.getId(), e.toString());
        }
    }

    /**
     * Waits (at most the send time limit) until another thread flushing this socket has sent what is queued:
     * closing at once would drop the last word the tab needs to stop reconnecting.
     */
    private static void awaitFlushed(WebSocketSession session) {
        if (!(session instanceof ConcurrentWebSocketSessionDecorator queued)) {
            return;
        }
        long deadline = System.nanoTime() + SEND_TIME_LIMIT_MS * 1_000_000L;
        while ((queued.getBufferSize() > 0 || queued.getTimeSinceSendStarted() > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean inMeeting(Caller caller, UUID meetingId) {
        if (caller instanceof Caller.Host host) {
            return host.meetingId() != null && meetingId.equals(host.meetingId().value());
        }
        Caller.Guest guest = (Caller.Guest) caller;
        return meetingId.equals(guestMeetings.get(guest.participantId().value()));
    }

    private boolean hostOrPresent(Caller caller) {
        return caller instanceof Caller.Host
                || present.contains(((Caller.Guest) caller).participantId().value());
    }

    private static boolean isGuest(Caller caller, UUID participantId) {
        return caller instanceof Caller.Guest guest
                && guest.participantId().value().equals(participantId);
    }
}
