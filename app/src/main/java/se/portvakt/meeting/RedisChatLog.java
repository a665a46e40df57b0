package se.portvakt.meeting;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The chat in Redis, one list per meeting ({@code portvakt:meeting:<id>:chat}, a line's JSON per entry, oldest
 * first), so every node shows the same history and a node that stops takes none of it along. Redis keeps it in
 * memory only (no persistence is needed or wanted for it); it expires after {@code memoryExpiry} without a line.
 */
class RedisChatLog implements ChatLog {

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Duration expiry;

    RedisChatLog(StringRedisTemplate redis, ObjectMapper json, Duration expiry) {
        this.redis = redis;
        this.json = json;
        this.expiry = expiry;
    }

    static String key(UUID meetingId) {
        return "portvakt:meeting:" + meetingId + ":chat";
    }

    @Override
    public Line post(UUID meetingId, Line line) {
        String key = key(meetingId);
        redis.opsForList().rightPush(key, json.writeValueAsString(line));
        redis.opsForList().trim(key, -KEPT_LINES, -1);
        redis.expire(key, expiry);
        return line;
    }

    @Override
    public List<Line> of(UUID meetingId) {
        List<String> lines = redis.opsForList().range(key(meetingId), 0, -1);
        return lines == null
                ? List.of()
                : lines.stream().map(line -> json.readValue(line, Line.class)).toList();
    }

    @Override
    public void forget(UUID meetingId) {
        redis.delete(key(meetingId));
    }
}
