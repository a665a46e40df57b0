package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.web.socket.CloseStatus;
import se.portvakt.ids.InviteeId;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.ParticipantId;
import se.portvakt.ids.StaffId;
import se.portvakt.lobby.ParticipantState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes in one JVM, each with its own Redis connections, listener and sockets, against the real Redis at
 * 127.0.0.1:6379: what one node sends reaches the sockets the other holds, and what one writes of a meeting (chat,
 * hands, media states) the other reads. Each test uses meetings and participants of its own, so it shares Redis and
 * the channel with whatever else runs.
 */
class TwoNodesIT {

    static final Duration EXPIRY = Duration.ofMinutes(10);
    static final long WAIT_MS = 5_000;
    static final long SILENCE_MS = 300;
    static final JsonMapper JSON = JsonMapper.builder().build();

    final UUID meeting = UUID.randomUUID();
    final UUID organisation = UUID.randomUUID();
    Node a;
    Node b;

    /** A node as ClusterConfig assembles it, with a Snapshots that renders only what Redis holds of the meeting. */
    static final class Node implements AutoCloseable {
        final LettuceConnectionFactory connections;
        final StringRedisTemplate redis;
        final ChatLog chat;
        final RaisedHands hands;
        final MediaStates media;
        final RedisOnlySnapshots snapshots;
        final LocalSockets local;
        final RedisSockets sockets;
        final RedisMessageListenerContainer listener;

        Node() {
            connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
            connections.afterPropertiesSet();
            connections.start();
            redis = new StringRedisTemplate(connections);
            chat = new RedisChatLog(redis, JSON, EXPIRY);
            hands = new RedisRaisedHands(redis, EXPIRY);
            media = new RedisMediaStates(redis, EXPIRY);
            snapshots = new RedisOnlySnapshots(chat, hands, media);
            local = new LocalSockets(JSON, snapshots);
            sockets = new RedisSockets(redis, local, JSON);
            listener = new RedisMessageListenerContainer();
            listener.setConnectionFactory(connections);
            listener.setTaskExecutor(new SyncTaskExecutor());
            listener.addMessageListener(sockets, new ChannelTopic(RedisSockets.CHANNEL));
            listener.afterPropertiesSet();
            listener.start();
        }

        RecordingSession open(Caller caller) {
            RecordingSession session = new RecordingSession();
            local.add(session, caller);
            return session;
        }

        @Override
        public void close() throws Exception {
            listener.stop();
            listener.destroy();
            sockets.stop();
            connections.destroy();
        }
    }

    /**
     * Renders what Redis holds of one meeting (its chat, and its raised hands as the roster) for a guest, and an empty
     * waiting room for a console: what a node renders comes from the shared memory, no database needed.
     */
    static final class RedisOnlySnapshots extends Snapshots {
        private final ChatLog chat;
        private final RaisedHands hands;
        private volatile UUID meetingId;

        RedisOnlySnapshots(ChatLog chat, RaisedHands hands, MediaStates media) {
            super(null, null, chat, hands, media, null, null, null);
            this.chat = chat;
            this.hands = hands;
        }

        @Override
        Function<Caller, Optional<ServerMessage.State>> forBroadcast() {
            return this::render;
        }

        private Optional<ServerMessage.State> render(Caller caller) {
            List<UUID> order = hands.order(meetingId);
            List<ServerMessage.Badge> roster = new ArrayList<>();
            for (UUID raised : order) {
                roster.add(new ServerMessage.Badge(
                        raised, "", false, null, null, null, null, false, roster.size() + 1, null, null, false));
            }
            return Optional.of(new ServerMessage.State(
                    ((Caller.Guest) caller).participantId().value(),
                    ParticipantState.IN_MEETING,
                    false,
                    new ServerMessage.MeetingInfo(meetingId, "Samtal", "Rum 1", true, false, false),
                    roster,
                    List.of(),
                    chat.of(meetingId),
                    List.of()));
        }

        @Override
        ServerMessage.LobbyView lobby(Caller.Host host) {
            return new ServerMessage.LobbyView(List.of(), List.of());
        }
    }

    @BeforeEach
    void startNodes() {
        a = new Node();
        b = new Node();
        a.snapshots.meetingId = meeting;
        b.snapshots.meetingId = meeting;
    }

    @AfterEach
    void stopNodes() throws Exception {
        a.redis.delete(List.of(
                RedisChatLog.key(meeting),
                RedisRaisedHands.key(meeting),
                RedisRaisedHands.sequenceKey(meeting),
                RedisMediaStates.key(meeting),
                RedisMediaStates.lostKey(meeting)));
        a.close();
        b.close();
    }

    static Caller.Guest guest(UUID participantId) {
        return new Caller.Guest(new InviteeId(UUID.randomUUID()), new ParticipantId(participantId));
    }

    Caller.Host console(UUID organisationId) {
        return new Caller.Host(new StaffId(UUID.randomUUID()), new OrganisationId(organisationId), "Värd", null);
    }

    static JsonNode next(RecordingSession session) throws InterruptedException {
        String text = session.next(WAIT_MS);
        assertThat(text).as("a message within %d ms", WAIT_MS).isNotNull();
        return JSON.readTree(text);
    }

    /** Nothing arrives meanwhile; checked after a message that was sent later has arrived elsewhere. */
    static void nothingFor(RecordingSession session) throws InterruptedException {
        assertThat(session.next(SILENCE_MS)).isNull();
    }

    @Test
    void whatOneNodeSendsAGuestReachesTheirTabOnTheOther() throws InterruptedException {
        UUID anna = UUID.randomUUID();
        UUID bertil = UUID.randomUUID();
        RecordingSession annaOnB = b.open(guest(anna));
        RecordingSession bertilOnA = a.open(guest(bertil));

        a.sockets.toGuest(anna, new ServerMessage.MuteRequested());

        assertThat(next(annaOnB).path("type").asString()).isEqualTo("muteRequested");
        nothingFor(bertilOnA);
    }

    @Test
    void thePublishingNodesOwnTabsHearItToo() throws InterruptedException {
        UUID anna = UUID.randomUUID();
        RecordingSession annaOnA = a.open(guest(anna));

        a.sockets.toGuest(anna, new ServerMessage.CameraTurnedOff());

        assertThat(next(annaOnA).path("type").asString()).isEqualTo("cameraOff");
    }

    @Test
    void aPlaceOnOneNodeDecidesWhatTheOtherDeliversAfterIt() throws InterruptedException {
        UUID anna = UUID.randomUUID();
        UUID bertil = UUID.randomUUID();
        RecordingSession annaOnB = b.open(guest(anna));
        RecordingSession bertilOnB = b.open(guest(bertil));
        a.sockets.place(anna, meeting, true);
        a.sockets.place(bertil, meeting, false);

        a.sockets.toPresent(meeting, new ServerMessage.Reaction(anna, "", "heart"));

        JsonNode reaction = next(annaOnB);
        assertThat(reaction.path("type").asString()).isEqualTo("reaction");
        assertThat(reaction.path("reaction").asString()).isEqualTo("heart");
        nothingFor(bertilOnB); // still waiting: the meeting's reactions are not for them
    }

    @Test
    void eachNodeRendersTheStateOfItsOwnTabsFromWhatRedisHolds() throws InterruptedException {
        UUID anna = UUID.randomUUID();
        UUID bertil = UUID.randomUUID();
        RecordingSession annaOnB = b.open(guest(anna));
        a.chat.post(meeting, new ChatLog.Line(bertil, "Bertil", "Hej Anna", Instant.parse("2026-12-07T05:10:00Z")));
        a.hands.raise(meeting, bertil);
        b.hands.raise(meeting, anna);
        a.sockets.place(anna, meeting, true);

        a.sockets.stateToMeeting(meeting);

        JsonNode state = next(annaOnB);
        assertThat(state.path("type").asString()).isEqualTo("state");
        assertThat(state.path("you").asString()).isEqualTo(anna.toString());
        assertThat(state.path("chat").get(0).path("text").asString()).isEqualTo("Hej Anna");
        assertThat(state.path("roster").get(0).path("participantId").asString()).isEqualTo(bertil.toString());
        assertThat(state.path("roster").get(1).path("participantId").asString()).isEqualTo(anna.toString());
    }

    @Test
    void theOrganisationsConsolesOnTheOtherNodeGetTheirWaitingRoom() throws InterruptedException {
        RecordingSession consoleOnB = b.open(console(organisation));
        RecordingSession otherOrganisationOnB = b.open(console(UUID.randomUUID()));

        a.sockets.lobbyToConsoles(organisation);
        a.sockets.toConsoles(organisation, new ServerMessage.Pong());

        assertThat(next(consoleOnB).path("type").asString()).isEqualTo("lobby");
        assertThat(next(consoleOnB).path("type").asString()).isEqualTo("pong");
        nothingFor(otherOrganisationOnB);
    }

    @Test
    void theTabThatCarriesAParticipantsMediaIsAskedToOfferAgainWhereverItIs() throws InterruptedException {
        UUID anna = UUID.randomUUID();
        RecordingSession annaOnB = b.open(guest(anna));
        b.local.mediaTab(annaOnB, anna);

        a.sockets.toMediaTab(anna, new ServerMessage.Renegotiate(2, 3));

        JsonNode renegotiate = next(annaOnB);
        assertThat(renegotiate.path("type").asString()).isEqualTo("renegotiate");
        assertThat(renegotiate.path("video").asInt()).isEqualTo(3);
    }

    @Test
    void closingOnOneNodeClosesTheTabsOnTheOther() throws InterruptedException {
        UUID anna = UUID.randomUUID();
        RecordingSession annaOnB = b.open(guest(anna));
        RecordingSession hostOnB = b.open(new Caller.Host(
                new StaffId(UUID.randomUUID()), new OrganisationId(organisation), "Värd", new MeetingId(meeting)));

        a.sockets.closeGuest(anna, new ServerMessage.Closed("REMOVED", null));
        a.sockets.closeMeeting(meeting, new ServerMessage.Closed("ENDED", null));

        assertThat(next(annaOnB).path("reason").asString()).isEqualTo("REMOVED");
        assertThat(next(hostOnB).path("reason").asString()).isEqualTo("ENDED");
        assertThat(annaOnB.closed(WAIT_MS)).isEqualTo(CloseStatus.NORMAL);
        assertThat(hostOnB.closed(WAIT_MS)).isEqualTo(CloseStatus.NORMAL);
    }

    @Test
    void theChatOneNodeKeepsTheOtherReadsTheLastLinesOfInOrder() {
        for (int i = 0; i < ChatLog.KEPT_LINES + 5; i++) {
            (i % 2 == 0 ? a : b)
                    .chat.post(meeting, new ChatLog.Line(UUID.randomUUID(), "", "rad " + i, Instant.ofEpochSecond(i)));
        }

        List<ChatLog.Line> lines = b.chat.of(meeting);

        assertThat(lines).hasSize(ChatLog.KEPT_LINES);
        assertThat(lines.get(0).text()).isEqualTo("rad 5");
        assertThat(lines.get(lines.size() - 1).text()).isEqualTo("rad " + (ChatLog.KEPT_LINES + 4));
        assertThat(lines.get(0).at()).isEqualTo(Instant.ofEpochSecond(5));
        assertThat(a.redis.getExpire(RedisChatLog.key(meeting))).isBetween(1L, EXPIRY.toSeconds());

        a.chat.forget(meeting);
        assertThat(b.chat.of(meeting)).isEmpty();
    }

    @Test
    void handsGoUpInOrderWhicheverNodeHearsThem() {
        UUID anna = UUID.randomUUID();
        UUID bertil = UUID.randomUUID();
        UUID cecilia = UUID.randomUUID();
        a.hands.raise(meeting, anna);
        b.hands.raise(meeting, bertil);
        a.hands.raise(meeting, cecilia);
        b.hands.raise(meeting, anna); // already up: keeps the first place

        assertThat(b.hands.order(meeting)).containsExactly(anna, bertil, cecilia);

        b.hands.lower(meeting, anna);
        assertThat(a.hands.order(meeting)).containsExactly(bertil, cecilia);
        assertThat(a.redis.getExpire(RedisRaisedHands.key(meeting))).isBetween(1L, EXPIRY.toSeconds());

        b.hands.forget(meeting);
        assertThat(a.hands.order(meeting)).isEmpty();
        assertThat(a.redis.hasKey(RedisRaisedHands.sequenceKey(meeting))).isFalse();
    }

    @Test
    void mediaStatesOneNodeSetsTheOtherReads() {
        UUID anna = UUID.randomUUID();
        UUID bertil = UUID.randomUUID();
        a.media.set(meeting, anna, new MediaStates.On(true, false));
        b.media.set(meeting, bertil, new MediaStates.On(false, true));
        b.media.set(meeting, bertil, new MediaStates.On(true, true));

        assertThat(b.media.of(meeting))
                .isEqualTo(Map.of(anna, new MediaStates.On(true, false), bertil, new MediaStates.On(true, true)));

        assertThat(a.media.connectionLost(meeting, anna, true)).isTrue();
        assertThat(b.media.connectionLost(meeting, anna, true))
                .as("already lost")
                .isFalse();
        assertThat(b.media.connectionsLost(meeting)).isEqualTo(Set.of(anna));
        assertThat(a.redis.getExpire(RedisMediaStates.lostKey(meeting))).isBetween(1L, EXPIRY.toSeconds());

        b.media.forget(meeting, anna);
        assertThat(a.media.of(meeting)).containsOnlyKeys(bertil);
        assertThat(a.media.connectionsLost(meeting)).isEmpty();

        a.media.forget(meeting);
        assertThat(b.media.of(meeting)).isEmpty();
    }
}
