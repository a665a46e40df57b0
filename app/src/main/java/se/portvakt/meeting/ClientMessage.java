package se.portvakt.meeting;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;
import java.util.Set;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.ParticipantId;
import se.portvakt.lobby.Lobby;

/**
 * What a browser may send over the signaling socket (docs/protocol.md). Each record checks its own fields;
 * a bad one fails to parse and its sender gets an {@code error}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Admit.class, name = "admit"),
    @JsonSubTypes.Type(value = ClientMessage.AdmitAll.class, name = "admitAll"),
    @JsonSubTypes.Type(value = ClientMessage.Deny.class, name = "deny"),
    @JsonSubTypes.Type(value = ClientMessage.Move.class, name = "move"),
    @JsonSubTypes.Type(value = ClientMessage.SendBack.class, name = "sendBack"),
    @JsonSubTypes.Type(value = ClientMessage.Remove.class, name = "remove"),
    @JsonSubTypes.Type(value = ClientMessage.Join.class, name = "join"),
    @JsonSubTypes.Type(value = ClientMessage.Lock.class, name = "lock"),
    @JsonSubTypes.Type(value = ClientMessage.End.class, name = "end"),
    @JsonSubTypes.Type(value = ClientMessage.Mute.class, name = "mute"),
    @JsonSubTypes.Type(value = ClientMessage.CameraOff.class, name = "cameraOff"),
    @JsonSubTypes.Type(value = ClientMessage.Chat.class, name = "chat"),
    @JsonSubTypes.Type(value = ClientMessage.Hand.class, name = "hand"),
    @JsonSubTypes.Type(value = ClientMessage.React.class, name = "react"),
    @JsonSubTypes.Type(value = ClientMessage.Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ClientMessage.Publish.class, name = "publish"),
    @JsonSubTypes.Type(value = ClientMessage.MediaState.class, name = "mediaState"),
    @JsonSubTypes.Type(value = ClientMessage.Layers.class, name = "layers")
})
sealed interface ClientMessage {

    int MAX_CHAT = 1000;
    /**
     * The longest SDP offer we take: a receive m-section per stream in the meeting, about 1.5 KB each when the
     * browser offers only the codecs we forward (docs/protocol.md), so a few dozen participants fit.
     */
    int MAX_SDP = 60_000;
    /** What a tab's own tracks may be. */
    Set<String> SOURCES = Set.of("microphone", "camera", "screen");

    Set<String> LAYERS = Set.of("high", "low");
    int MAX_LAYER_SLOTS = 64;
    Set<String> REACTIONS = Set.of("thumbs-up", "heart", "clap", "laugh", "surprised");

    /** Messages only a host (staff of the meeting's organisation) may send. */
    sealed interface HostOnly extends ClientMessage {}

    record Admit(ParticipantId participantId) implements HostOnly {
        public Admit {
            require(participantId != null, "participantId");
        }
    }

    /** Admits everyone waiting for the meeting. */
    record AdmitAll(MeetingId meetingId) implements HostOnly {
        public AdmitAll {
            require(meetingId != null, "meetingId");
        }
    }

    /** @param message optional words for the guest, at most {@link Lobby#MAX_DENY_MESSAGE} characters */
    record Deny(ParticipantId participantId, String message) implements HostOnly {
        public Deny {
            require(participantId != null, "participantId");
            require(message == null || message.length() <= Lobby.MAX_DENY_MESSAGE, "message");
        }
    }

    record Move(ParticipantId participantId, MeetingId meetingId) implements HostOnly {
        public Move {
            require(participantId != null, "participantId");
            require(meetingId != null, "meetingId");
        }
    }

    record SendBack(ParticipantId participantId) implements HostOnly {
        public SendBack {
            require(participantId != null, "participantId");
        }
    }

    /** Disconnects a participant for good. */
    record Remove(ParticipantId participantId) implements HostOnly {
        public Remove {
            require(participantId != null, "participantId");
        }
    }

    /** The host enters the meeting of their tab; the first time starts it. */
    record Join() implements HostOnly {}

    record Lock(boolean locked) implements HostOnly {}

    record End() implements HostOnly {}

    /** Asks a participant to mute their microphone. */
    record Mute(ParticipantId participantId) implements HostOnly {
        public Mute {
            require(participantId != null, "participantId");
        }
    }

    /** Turns a participant's camera off. */
    record CameraOff(ParticipantId participantId) implements HostOnly {
        public CameraOff {
            require(participantId != null, "participantId");
        }
    }

    record Chat(String text) implements ClientMessage {
        public Chat {
            require(text != null && !text.isBlank(), "text");
            require(text.length() <= MAX_CHAT, "text");
        }
    }

    record Hand(boolean raised) implements ClientMessage {}

    record React(String reaction) implements ClientMessage {
        public React {
            require(reaction != null && REACTIONS.contains(reaction), "reaction");
        }
    }

    record Leave() implements ClientMessage {}

    record Ping() implements ClientMessage {}

    /**
     * The sender's browser offers (or offers again) to the SFU; answered with {@code answer}.
     *
     * @param sources what each of its own sending m-sections is, by mid (may be absent)
     */
    record Publish(String sdp, Map<String, String> sources) implements ClientMessage {
        public Publish {
            require(sdp != null && sdp.startsWith("v=0"), "sdp");
            require(sdp.length() <= MAX_SDP, "sdp");
            sources = sources == null ? Map.of() : Map.copyOf(sources);
            require(sources.size() <= 8, "sources");
            require(sources.keySet().stream().allMatch(mid -> mid.length() <= 16), "sources");
            require(SOURCES.containsAll(sources.values()), "sources");
        }
    }

    /** The sender's microphone and camera are on or off now (others see it in the roster). */
    record MediaState(boolean microphone, boolean camera) implements ClientMessage {}

    /**
     * Which simulcast layer the sender wants in some of its own receive slots: "high" for its stage, "low" for a
     * small tile.
     *
     * @param slots receive m-section mid to "high" or "low", at most {@link #MAX_LAYER_SLOTS}
     */
    record Layers(Map<String, String> slots) implements ClientMessage {
        public Layers {
            require(slots != null && slots.size() <= MAX_LAYER_SLOTS, "slots");
            slots = Map.copyOf(slots);
            require(slots.keySet().stream().allMatch(mid -> !mid.isEmpty() && mid.length() <= 16), "slots");
            require(LAYERS.containsAll(slots.values()), "slots");
        }
    }

    private static void require(boolean valid, String field) {
        if (!valid) {
            throw new IllegalArgumentException(field);
        }
    }
}
