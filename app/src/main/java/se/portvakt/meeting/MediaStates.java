package se.portvakt.meeting;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Whose microphone and camera are on, per meeting, as each tab last said, and whose connection the SFU lost. Kept
 * for the meeting's life, like raised hands: in memory on one node ({@link LocalMediaStates}), where after a restart
 * the tabs say it again when they publish; in Redis with several ({@link RedisMediaStates}).
 */
interface MediaStates {

    record On(boolean microphone, boolean camera) {}

    void set(UUID meetingId, UUID participantId, On on);

    /** What each participant of the meeting last said; absent for those who have not. */
    Map<UUID, On> of(UUID meetingId);

    /** @return whether that changed what the others should see */
    boolean connectionLost(UUID meetingId, UUID participantId, boolean connectionLost);

    /** Those of the meeting whose browser the SFU has not heard from for seconds. */
    Set<UUID> connectionsLost(UUID meetingId);

    /** The participant left the meeting: their states go with them. */
    void forget(UUID meetingId, UUID participantId);

    void forget(UUID meetingId);
}
