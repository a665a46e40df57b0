package se.portvakt.meeting;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import se.portvakt.sfu.NodeRegistry;

/**
 * The SFU nodes every app node knows, in Redis: one sorted set ({@link #KEY}) of control URLs scored by when each
 * was last seen (epoch milliseconds by the app node that saw it, so the app nodes' clocks must agree to well within
 * a second: NTP). A node's heartbeat reaching any app node registers it for all. The set expires after {@code
 * expiry} without a heartbeat, when no node and no app node is left.
 */
class RedisNodeRegistry implements NodeRegistry {

    static final String KEY = "portvakt:sfu-nodes";

    /** Removes the member only if its score is still below the bound: one caller of several wins. */
    private static final RedisScript<Long> REMOVE_IF_SILENT = RedisScript.of("""
            local seen = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if seen and tonumber(seen) < tonumber(ARGV[2]) then return redis.call('ZREM', KEYS[1], ARGV[1]) end
            return 0""", Long.class);

    private final StringRedisTemplate redis;
    private final String key;
    private final Duration expiry;

    RedisNodeRegistry(StringRedisTemplate redis, Duration expiry) {
        this(redis, KEY, expiry);
    }

    /** With a key of its own (tests sharing one Redis). */
    RedisNodeRegistry(StringRedisTemplate redis, String key, Duration expiry) {
        this.redis = redis;
        this.key = key;
        this.expiry = expiry;
    }

    @Override
    public void seen(URI node, Instant at) {
        redis.opsForZSet().add(key, node.toString(), at.toEpochMilli());
        redis.expire(key, expiry);
    }

    @Override
    public Map<URI, Instant> lastSeen() {
        Set<TypedTuple<String>> nodes = redis.opsForZSet().rangeWithScores(key, 0, -1);
        Map<URI, Instant> seen = new HashMap<>();
        if (nodes != null) {
            for (TypedTuple<String> node : nodes) {
                if (node.getValue() != null && node.getScore() != null) {
                    seen.put(
                            URI.create(node.getValue()),
                            Instant.ofEpochMilli(node.getScore().longValue()));
                }
            }
        }
        return Map.copyOf(seen);
    }

    @Override
    public boolean removeIfSilentSince(URI node, Instant before) {
        Long removed =
                redis.execute(REMOVE_IF_SILENT, List.of(key), node.toString(), String.valueOf(before.toEpochMilli()));
        return removed != null && removed > 0;
    }
}
