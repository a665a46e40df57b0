package se.portvakt.meeting;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.ParticipantId;

/**
 * One {@link Sockets} call as it crosses from node to node (JSON on the Redis channel {@link RedisSockets#CHANNEL};
 * docs/architecture.md, "Several nodes"). It names whom to reach and what to send or render, never a socket: each
 * node carries it out for the sockets it holds, and one that holds none of them does nothing. Ids are typed here
 * (they serialise as the bare UUID) since the records are public.
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

    record Place(ParticipantId participantId, MeetingId meetingId, boolean inMeeting) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.place(participantId.value(), meetingId.value(), inMeeting);
        }
    }

    /** Each node renders every receiver's own state: what one may see is decided where it is sent. */
    record StateToMeeting(MeetingId meetingId) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.stateToMeeting(meetingId.value());
        }
    }

    record ToPresent(MeetingId meetingId, ServerMessage message) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.toPresent(meetingId.value(), message);
        }
    }

    record ToMediaTab(ParticipantId participantId, ServerMessage message) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.toMediaTab(participantId.value(), message);
        }
    }

    record LobbyToConsoles(OrganisationId organisationId) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.lobbyToConsoles(organisationId.value());
        }
    }

    record ToConsoles(OrganisationId organisationId, ServerMessage message) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.toConsoles(organisationId.value(), message);
        }
    }

    record ToGuest(ParticipantId participantId, ServerMessage message) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.toGuest(participantId.value(), message);
        }
    }

    record CloseGuest(ParticipantId participantId, ServerMessage last) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.closeGuest(participantId.value(), last);
        }
    }

    record CloseMeeting(MeetingId meetingId, ServerMessage last) implements SocketIntent {
        @Override
        public void deliverTo(Sockets sockets) {
            sockets.closeMeeting(meetingId.value(), last);
        }
    }
}
