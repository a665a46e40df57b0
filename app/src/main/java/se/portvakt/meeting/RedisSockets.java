package se.portvakt.meeting;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import se.portvakt.ids.MeetingId;
import se.portvakt.ids.OrganisationId;
import se.portvakt.ids.ParticipantId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The sockets of every node: each call is published as a {@link SocketIntent} on {@link #CHANNEL}, and every node,
 * this one included, hears it and lets its {@link LocalSockets} deliver it. So a tab gets what concerns it whichever
 * node it is connected to, and in the order this node published it (one Redis connection publishes; one thread
 * delivers). Pub/sub keeps nothing: a node that is down when an intent goes out misses it,
 * as do its sockets, which are closed by then and reconnect elsewhere for a fresh state.
 */
class RedisSockets implements Sockets, MessageListener {

    /** The one channel every node publishes to and listens on. */
    static final String CHANNEL = "portvakt:sockets";

    private static final Logger log = LoggerFactory.getLogger(RedisSockets.class);

    private final StringRedisTemplate redis;
    private final LocalSockets local;
    private final ObjectMapper json;
    /**
     * Delivers one intent after the other, in the order heard: the subscription's own thread only reads them, and
     * must not wait for a state to render or a slow socket.
     */
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "signaling-delivery");
        thread.setDaemon(true);
        return thread;
    });

    RedisSockets(StringRedisTemplate redis, LocalSockets local, ObjectMapper json) {
        this.redis = redis;
        this.local = local;
        this.json = json;
    }

    @Override
    public void place(UUID participantId, UUID meetingId, boolean inMeeting) {
        publish(new SocketIntent.Place(new ParticipantId(participantId), new MeetingId(meetingId), inMeeting));
    }

    @Override
    public void stateToMeeting(UUID meetingId) {
        publish(new SocketIntent.StateToMeeting(new MeetingId(meetingId)));
    }

    @Override
    public void toPresent(UUID meetingId, ServerMessage message) {
        publish(new SocketIntent.ToPresent(new MeetingId(meetingId), message));
    }

    @Override
    public void toMediaTab(UUID participantId, ServerMessage message) {
        publish(new SocketIntent.ToMediaTab(new ParticipantId(participantId), message));
    }

    @Override
    public void lobbyToConsoles(UUID organisationId) {
        publish(new SocketIntent.LobbyToConsoles(new OrganisationId(organisationId)));
    }

    @Override
    public void toConsoles(UUID organisationId, ServerMessage message) {
        publish(new SocketIntent.ToConsoles(new OrganisationId(organisationId), message));
    }

    @Override
    public void toGuest(UUID participantId, ServerMessage message) {
        publish(new SocketIntent.ToGuest(new ParticipantId(participantId), message));
    }

    @Override
    public void closeGuest(UUID participantId, ServerMessage last) {
        publish(new SocketIntent.CloseGuest(new ParticipantId(participantId), last));
    }

    @Override
    public void closeMeeting(UUID meetingId, ServerMessage last) {
        publish(new SocketIntent.CloseMeeting(new MeetingId(meetingId), last));
    }

    void publish(SocketIntent intent) {
        redis.convertAndSend(CHANNEL, json.writeValueAsString(intent));
    }

    /** An intent some node published: delivered to the sockets of this one. */
    @Override
    public void onMessage(Message message, byte[] pattern) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        SocketIntent intent;
        try {
            intent = json.readValue(body, SocketIntent.class);
        } catch (JacksonException e) {
            // a node of another version may publish what this one does not know; the others still deliver
            log.warn("Ignored an intent this node cannot read: {}", e.getOriginalMessage());
            return;
        }
        delivery.execute(() -> deliver(intent));
    }

    private void deliver(SocketIntent intent) {
        try {
            intent.deliverTo(local);
        } catch (RuntimeException e) {
            // the next intent is delivered all the same; the intent itself may hold chat, which no log keeps
            log.warn("Could not deliver {}", intent.getClass().getSimpleName(), e);
        }
    }

    @PreDestroy
    void stop() {
        delivery.shutdownNow();
    }
}
