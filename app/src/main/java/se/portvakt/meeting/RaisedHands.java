package se.portvakt.meeting;

import java.util.List;
import java.util.UUID;

/**
 * Raised hands per meeting, in the order they went up (the host answers them in that order). In memory on one node
 * ({@link LocalRaisedHands}), in Redis with several ({@link RedisRaisedHands}).
 */
interface RaisedHands {

    /** Puts the hand up; a hand already up keeps its place. */
    void raise(UUID meetingId, UUID participantId);

    void lower(UUID meetingId, UUID participantId);

    /** Who has a hand up, first raised first. */
    List<UUID> order(UUID meetingId);

    void forget(UUID meetingId);
}
