package se.portvakt.meeting;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.portvakt.lobby.ParticipantState;

/** What the server sends over the signaling socket (docs/protocol.md). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.State.class, name = "state"),
    @JsonSubTypes.Type(value = ServerMessage.LobbyView.class, name = "lobby"),
    @JsonSubTypes.Type(value = ServerMessage.Arrived.class, name = "arrived"),
    @JsonSubTypes.Type(value = ServerMessage.ChatPosted.class, name = "chat"),
    @JsonSubTypes.Type(value = ServerMessage.Reaction.class, name = "reaction"),
    @JsonSubTypes.Type(value = ServerMessage.MuteRequested.class, name = "muteRequested"),
    @JsonSubTypes.Type(value = ServerMessage.CameraTurnedOff.class, name = "cameraOff"),
    @JsonSubTypes.Type(value = ServerMessage.Closed.class, name = "closed"),
    @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
    @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerMessage.Answer.class, name = "answer"),
    @JsonSubTypes.Type(value = ServerMessage.Renegotiate.class, name = "renegotiate"),
    @JsonSubTypes.Type(value = ServerMessage.MediaMoved.class, name = "mediaMoved"),
    @JsonSubTypes.Type(value = ServerMessage.Speaker.class, name = "speaker")
})
sealed interface ServerMessage {

    /**
     * A participant's badge as the receiver may see it. For a guest receiver, {@code verifiedName} of an anonymous
     * participant is always null.
     *
     * @param hand the place in the raised-hands queue (1 = first), or null
     * @param microphone whether their microphone is on, as their tab last said (null before it said)
     * @param camera likewise for the camera
     * @param connectionLost the SFU has heard nothing from their browser for seconds: their network is gone while
     *     their browser tries to reconnect
     */
    record Badge(
            UUID participantId,
            String name,
            boolean host,
            String verifiedName,
            String method,
            String level,
            String pseudonym,
            boolean simulated,
            Integer hand,
            Boolean microphone,
            Boolean camera,
            boolean connectionLost) {}

    record MeetingInfo(UUID id, String title, String roomName, boolean started, boolean locked, boolean ended) {}

    /**
     * Everything a tab shows, sent on connect and after every change that concerns it.
     *
     * @param you the receiver's own participant id (null for a host who has not joined) and state
     * @param roster who is in the meeting: only for those in it
     * @param admitted guests let in before the host joined: for hosts only
     * @param iceServers the TURN relay with a credential of the receiver's own: only for one in the meeting
     */
    record State(
            UUID you,
            ParticipantState yourState,
            boolean host,
            MeetingInfo meeting,
            List<Badge> roster,
            List<Badge> admitted,
            List<ChatLog.Line> chat,
            List<IceServer> iceServers)
            implements ServerMessage {}

    /** An RTCIceServer: a TURN relay's URLs and a time-limited credential (docs/turn.md). */
    record IceServer(List<String> urls, String username, String credential) {}

    /**
     * The waiting guest as a host's console lists them.
     *
     * @param guardianOf the invited name of the child this guest comes with as guardian, or null
     * @param guardians the invited names of this guest's guardians in the meeting (the guest is a child), maybe empty
     */
    record Waiting(
            Badge guest,
            UUID meetingId,
            String meetingTitle,
            String roomName,
            Instant waitingSince,
            String guardianOf,
            List<String> guardians) {}

    /** A meeting a waiting guest may be admitted or moved to. */
    record MeetingChoice(UUID id, String title, String roomName, Instant start, boolean started, boolean locked) {}

    /** A host console's whole waiting room. */
    record LobbyView(List<Waiting> waiting, List<MeetingChoice> meetings) implements ServerMessage {}

    /** Someone came to the waiting room (the console plays a sound and shows a notification). */
    record Arrived(Waiting guest) implements ServerMessage {}

    record ChatPosted(ChatLog.Line line) implements ServerMessage {}

    record Reaction(UUID from, String name, String reaction) implements ServerMessage {}

    record MuteRequested() implements ServerMessage {}

    record CameraTurnedOff() implements ServerMessage {}

    /**
     * The server is closing this socket for good and the tab must not reconnect.
     *
     * @param reason DENIED, REMOVED, ENDED or LEFT
     * @param message the host's words on denial, or null
     */
    record Closed(String reason, String message) implements ServerMessage {}

    /** @param code see docs/protocol.md; @param about the offending message's type, when known */
    record Error(String code, String about) implements ServerMessage {}

    record Pong() implements ServerMessage {}

    /**
     * The SFU's SDP answer to the receiver's own {@code publish}.
     *
     * @param streams what each of the browser's receive m-sections carries now
     * @param joined  the SFU took the offer as a new connection (it restarted, or the meeting moved): a tab whose
     *                connection had an answer before must start it over, as its DTLS association is unknown there
     */
    record Answer(String sdp, List<Stream> streams, boolean joined) implements ServerMessage {}

    /**
     * A stream forwarded to the receiver.
     *
     * @param kind audio or video
     * @param source microphone, camera or screen
     */
    record Stream(String mid, UUID participantId, String kind, String source) {}

    /** The SFU has this many streams for the receiver: offer again with at least as many receive m-sections. */
    record Renegotiate(int audio, int video) implements ServerMessage {}

    /**
     * The SFU node carrying the meeting's media died: start a new connection at once, which the server places on a
     * live node (docs/sfu-control.md, "In the app").
     */
    record MediaMoved() implements ServerMessage {}

    /** The meeting's loudest participant changed. */
    record Speaker(UUID participantId) implements ServerMessage {}
}
