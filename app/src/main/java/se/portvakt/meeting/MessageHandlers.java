package se.portvakt.meeting;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.portvakt.lobby.LobbyRefusal;
import se.portvakt.lobby.Participant;

/**
 * One handler per {@link ClientMessage} type, saying whom it may come from (a host, a participant in the meeting, or
 * anyone) and what it does. {@link #complete()} fails unless every {@code @JsonSubTypes} entry has its handler, so a
 * new message type cannot be silently ignored.
 */
final class MessageHandlers {

    /** Carries out a message; returns what the sender's own tab gets back, in order. */
    @FunctionalInterface
    interface Handler<M extends ClientMessage> {
        List<ServerMessage> handle(MeetingControl control, Caller caller, M message, MeetingControl.Tab tab);
    }

    /** A step that answers nothing to the sender: others learn of it through {@link Sockets} and {@link Broadcasts}. */
    @FunctionalInterface
    interface Step<S, M> {
        void run(MeetingControl control, S sender, M message);
    }

    private final Map<Class<?>, Handler<?>> handlers = new HashMap<>();

    <M extends ClientMessage> MessageHandlers on(Class<M> type, Handler<M> handler) {
        if (handlers.putIfAbsent(type, handler) != null) {
            throw new IllegalStateException("Two handlers for " + type.getSimpleName());
        }
        return this;
    }

    /** Only a host may send it: a guest is refused with {@code forbidden}. */
    <M extends ClientMessage.HostOnly> MessageHandlers fromHost(Class<M> type, Step<Caller.Host, M> step) {
        return on(type, (control, caller, message, tab) -> {
            if (!(caller instanceof Caller.Host host)) {
                throw new LobbyRefusal("forbidden");
            }
            step.run(control, host, message);
            return List.of();
        });
    }

    /** Only one in the meeting may send it: a guest let in, or a host who has joined. */
    <M extends ClientMessage> MessageHandlers fromParticipant(Class<M> type, Step<Participant, M> step) {
        return on(type, (control, caller, message, tab) -> {
            step.run(control, control.inMeeting(caller), message);
            return List.of();
        });
    }

    /** This table, once every message type has its handler. */
    MessageHandlers complete() {
        Set<String> missing = new TreeSet<>();
        Stream.concat(protocolTypes().stream(), leavesOf(ClientMessage.class).stream())
                .filter(type -> !handlers.containsKey(type))
                .forEach(type -> missing.add(type.getSimpleName()));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Client messages without a handler: " + missing);
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    <M extends ClientMessage> List<ServerMessage> handle(
            MeetingControl control, Caller caller, M message, MeetingControl.Tab tab) {
        Handler<M> handler = (Handler<M>) handlers.get(message.getClass());
        return handler.handle(control, caller, message, tab);
    }

    boolean handles(Class<?> type) {
        return handlers.containsKey(type);
    }

    /** The records named in {@link ClientMessage}'s {@code @JsonSubTypes}: what may arrive over the socket. */
    static Set<Class<?>> protocolTypes() {
        return Arrays.stream(
                        ClientMessage.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value)
                .collect(Collectors.toSet());
    }

    /** The records that implement a sealed interface, through its sealed sub-interfaces. */
    static Set<Class<?>> leavesOf(Class<?> sealed) {
        Set<Class<?>> leaves = new HashSet<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                leaves.addAll(leavesOf(permitted));
            } else {
                leaves.add(permitted);
            }
        }
        return leaves;
    }
}
