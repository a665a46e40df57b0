package se.portvakt.meeting;

import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import se.portvakt.sfu.RemoteSfu;
import se.portvakt.sfu.Sfu;

/**
 * What the SFU notices, told to the tabs: a participant whose streams changed is asked to offer again, the meeting
 * learns who speaks and whose connection is lost (shown on their tile, so a host does not talk to a frozen picture),
 * and when the SFU node carrying a meeting died every tab of it is told to start a new connection. The SFU calls on its packet
 * thread, which must never wait for a slow socket, so the sends are handed to a thread of their own.
 */
@Component
class MediaEvents {

    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "media-events");
        thread.setDaemon(true);
        return thread;
    });

    MediaEvents(Sfu sfu, Sockets sockets, MediaStates states, Broadcasts broadcasts) {
        sfu.onRenegotiationNeeded(event -> sender.execute(() -> sockets.toMediaTab(
                UUID.fromString(event.participantId()), new ServerMessage.Renegotiate(event.audio(), event.video()))));
        sfu.onDominantSpeakerChanged(event -> sender.execute(() -> sockets.toPresent(
                UUID.fromString(event.meetingId()),
                new ServerMessage.Speaker(UUID.fromString(event.participantId())))));
        sfu.onMediaPathChanged(event -> sender.execute(() -> {
            UUID meetingId = UUID.fromString(event.meetingId());
            if (states.connectionLost(meetingId, UUID.fromString(event.participantId()), event.lost())) {
                broadcasts.meetingChangedSoon(meetingId);
            }
        }));
        if (sfu instanceof RemoteSfu nodes) {
            // every tab starts a new connection at once; its first offer places the meeting on a live node
            nodes.onMeetingNodeLost(event -> meetingId(event.meetingId())
                    .ifPresent(meetingId ->
                            sender.execute(() -> sockets.toPresent(meetingId, new ServerMessage.MediaMoved()))));
        }
    }

    /** Echo sessions are placed on nodes too, under ids that are no meetings': such a test ends with its node. */
    private static Optional<UUID> meetingId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
