package se.portvakt.meeting;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import se.portvakt.sfu.Placements;

/**
 * Which SFU node carries each meeting, in Redis so every app node sends a meeting's media calls to the same node:
 * {@code portvakt:meeting:<id>:sfu-node} holds the node's control URL, set with {@code SET NX} so the first placement
 * wins, and {@code portvakt:sfu-node:<url>:meetings} the set of meetings on a node, for the watch to find when the
 * node dies. Both expire after {@code expiry} without being read or written (every offer reads the placement), so an
 * app node that crashes leaves nothing forever.
 */
class RedisPlacements implements Placements {

    /** Deletes the placement only if it still names the node; drops the meeting from the node's set either way. */
    private static final RedisScript<Long> REMOVE_IF_ON = RedisScript.of("""
            local removed = 0
            if redis.call('GET', KEYS[1]) == ARGV[1] then removed = redis.call('DEL', KEYS[1]) end
            redis.call('SREM', KEYS[2], ARGV[2])
            return removed""", Long.class);

    private final StringRedisTemplate redis;
    private final Duration expiry;

    RedisPlacements(StringRedisTemplate redis, Duration expiry) {
        this.redis = redis;
        this.expiry = expiry;
    }

    static String key(String meetingId) {
        return "portvakt:meeting:" + meetingId + ":sfu-node";
    }

    static String meetingsKey(URI node) {
        return "portvakt:sfu-node:" + node + ":meetings";
    }

    @Override
    public Optional<URI> nodeOf(String meetingId) {
        String node = redis.opsForValue().getAndExpire(key(meetingId), expiry);
        if (node == null) {
            return Optional.empty();
        }
        URI url = URI.create(node);
        redis.expire(meetingsKey(url), expiry);
        return Optional.of(url);
    }

    @Override
    public URI placeIfAbsent(String meetingId, URI node) {
        // a placement removed between our SET NX and our GET is retried: someone closed or moved it just then
        for (int attempt = 0; attempt < 3; attempt++) {
            if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(meetingId), node.toString(), expiry))) {
                redis.opsForSet().add(meetingsKey(node), meetingId);
                redis.expire(meetingsKey(node), expiry);
                return node;
            }
            String placed = redis.opsForValue().get(key(meetingId));
            if (placed != null) {
                return URI.create(placed);
            }
        }
        throw new IllegalStateException("meeting " + meetingId + " could not be placed: its placement keeps changing");
    }

    @Override
    public boolean remove(String meetingId, URI node) {
        Long removed =
                redis.execute(REMOVE_IF_ON, List.of(key(meetingId), meetingsKey(node)), node.toString(), meetingId);
        return removed != null && removed > 0;
    }

    @Override
    public void remove(String meetingId) {
        String node = redis.opsForValue().getAndDelete(key(meetingId));
        if (node != null) {
            redis.opsForSet().remove(meetingsKey(URI.create(node)), meetingId);
        }
    }

    /** The members of the node's set whose placement still names it (one moved or expired may linger there). */
    @Override
    public Set<String> on(URI node) {
        Set<String> members = redis.opsForSet().members(meetingsKey(node));
        if (members == null || members.isEmpty()) {
            return Set.of();
        }
        List<String> meetings = new ArrayList<>(members);
        List<String> nodes = redis.opsForValue()
                .multiGet(meetings.stream().map(RedisPlacements::key).toList());
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < meetings.size(); i++) {
            if (nodes != null && Objects.equals(nodes.get(i), node.toString())) {
                placed.add(meetings.get(i));
            }
        }
        return Set.copyOf(placed);
    }
}
