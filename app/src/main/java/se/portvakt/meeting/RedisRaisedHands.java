package se.portvakt.meeting;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Raised hands in Redis: a sorted set per meeting ({@code portvakt:meeting:<id>:hands}) scored by a counter of its
 * own ({@code ...:hands-seq}), so the order they went up holds across nodes whatever their clocks say. Added only
 * when absent (a hand already up keeps its place); both keys expire after {@code memoryExpiry} without a change.
 */
class RedisRaisedHands implements RaisedHands {

    private final StringRedisTemplate redis;
    private final Duration expiry;

    RedisRaisedHands(StringRedisTemplate redis, Duration expiry) {
        this.redis = redis;
        this.expiry = expiry;
    }

    static String key(UUID meetingId) {
        return "portvakt:meeting:" + meetingId + ":hands";
    }

    static String sequenceKey(UUID meetingId) {
        return key(meetingId) + "-seq";
    }

    @Override
    public void raise(UUID meetingId, UUID participantId) {
        String key = key(meetingId);
        Long turn = redis.opsForValue().increment(sequenceKey(meetingId));
        redis.opsForZSet().addIfAbsent(key, participantId.toString(), turn == null ? 0 : turn);
        redis.expire(key, expiry);
        redis.expire(sequenceKey(meetingId), expiry);
    }

    @Override
    public void lower(UUID meetingId, UUID participantId) {
        redis.opsForZSet().remove(key(meetingId), participantId.toString());
    }

    @Override
    public List<UUID> order(UUID meetingId) {
        Set<String> up = redis.opsForZSet().range(key(meetingId), 0, -1);
        return up == null ? List.of() : up.stream().map(UUID::fromString).toList();
    }

    @Override
    public void forget(UUID meetingId) {
        redis.delete(List.of(key(meetingId), sequenceKey(meetingId)));
    }
}
