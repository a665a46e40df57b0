package se.portvakt.meeting;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Media states in Redis, per meeting: a hash of participant to what their tab said ({@code portvakt:meeting:<id>:media},
 * values {@code mc}, {@code m-}, {@code -c} or {@code --} for microphone and camera) and the set of those the SFU lost
 * ({@code ...:lost}). Both expire after {@code memoryExpiry} without a change.
 */
class RedisMediaStates implements MediaStates {

    private final StringRedisTemplate redis;
    private final Duration expiry;

    RedisMediaStates(StringRedisTemplate redis, Duration expiry) {
        this.redis = redis;
        this.expiry = expiry;
    }

    static String key(UUID meetingId) {
        return "portvakt:meeting:" + meetingId + ":media";
    }

    static String lostKey(UUID meetingId) {
        return "portvakt:meeting:" + meetingId + ":lost";
    }

    @Override
    public void set(UUID meetingId, UUID participantId, On on) {
        String key = key(meetingId);
        redis.opsForHash().put(key, participantId.toString(), encode(on));
        redis.expire(key, expiry);
    }

    @Override
    public Map<UUID, On> of(UUID meetingId) {
        Map<UUID, On> states = new HashMap<>();
        redis.<String, String>opsForHash()
                .entries(key(meetingId))
                .forEach((participant, on) -> states.put(UUID.fromString(participant), decode(on)));
        return Map.copyOf(states);
    }

    @Override
    public boolean connectionLost(UUID meetingId, UUID participantId, boolean connectionLost) {
        String key = lostKey(meetingId);
        Long changed = connectionLost
                ? redis.opsForSet().add(key, participantId.toString())
                : redis.opsForSet().remove(key, participantId.toString());
        redis.expire(key, expiry);
        return changed != null && changed > 0;
    }

    @Override
    public Set<UUID> connectionsLost(UUID meetingId) {
        Set<String> lost = redis.opsForSet().members(lostKey(meetingId));
        return lost == null ? Set.of() : lost.stream().map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void forget(UUID meetingId, UUID participantId) {
        redis.opsForHash().delete(key(meetingId), participantId.toString());
        redis.opsForSet().remove(lostKey(meetingId), participantId.toString());
    }

    @Override
    public void forget(UUID meetingId) {
        redis.delete(List.of(key(meetingId), lostKey(meetingId)));
    }

    static String encode(On on) {
        return (on.microphone() ? "m" : "-") + (on.camera() ? "c" : "-");
    }

    static On decode(String on) {
        return new On(on.charAt(0) == 'm', on.charAt(1) == 'c');
    }
}
