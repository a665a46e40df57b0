package se.portvakt.meeting;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * One {@link Sockets} call as it crosses from node to node (JSON on the Redis channel {@link RedisSockets#CHANNEL};
 * docs/architecture.md, "Several nodes"). It names whom to reach and what to send or render, never a socket: each
 * node carries it out for the sockets it holds, and one that holds none of them does nothing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "intent")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SocketIntent.Place.class, name = "place"),
    @JsonSubTypes.Type(value = SocketIntent.StateToMeeting.class, name = "stateToMeeting"),
    @JsonSubTypes.Type(value = SocketIntent.ToPresent.class, name = "toPresent"),
    @JsonSubTypes.Type(value = SocketIntent.ToMediaTab.class, name = "toMediaTab"),
    @JsonSubTypes.Type(value = SocketIntent.LobbyToConsoles.class, name = "lobbyToConsoles"),
    @JsonSubTypes.Type(value = SocketIntent.ToConsoles.class, name = "toConsoles"),
    @JsonSubTypes.Type(value = SocketIntent.ToGuest.class, name = "toGuest"),
    @JsonSubTypes.Type(value = SocketIntent.CloseGuest.class, name = "closeGuest"),
    @JsonSubTypes.Type(value = SocketIntent.CloseMeeting.class, name = "closeMeeting")
})
sealed interface SocketIntent {

    /** Carries the intent out on {@code sockets}: this node's own ({@link LocalSockets}). */
    void deliverTo(Sockets sockets);

    record Place(UUID participantId, UUID meetingId, boolean inMeeting) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.place(participantId, meetingId, inMeeting);
        }
    }

    /** Each node renders every receiver's own state: what one may see is decided where it is sent. */
    record StateToMeeting(UUID meetingId) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.stateToMeeting(meetingId);
        }
    }

    record ToPresent(UUID meetingId, ServerMessage message) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.toPresent(meetingId, message);
        }
    }

    record ToMediaTab(UUID participantId, ServerMessage message) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.toMediaTab(participantId, message);
        }
    }

    record LobbyToConsoles(UUID organisationId) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.lobbyToConsoles(organisationId);
        }
    }

    record ToConsoles(UUID organisationId, ServerMessage message) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.toConsoles(organisationId, message);
        }
    }

    record ToGuest(UUID participantId, ServerMessage message) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.toGuest(participantId, message);
        }
    }

    record CloseGuest(UUID participantId, ServerMessage last) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.closeGuest(participantId, last);
        }
    }

    record CloseMeeting(UUID meetingId, ServerMessage last) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.closeMeeting(meetingId, last);
        }
    }
}
