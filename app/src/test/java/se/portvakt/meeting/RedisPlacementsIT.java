package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The SFU placements and node registry two app nodes share, each with its own connections to the real Redis at
 * 127.0.0.1:6379: the first placement wins, a placement is removed only from the node it names, exactly one app node
 * forgets a silent node. Meetings, node URLs and the registry's key are this test's own, so Redis stays shared.
 */
class RedisPlacementsIT {

    static final Duration EXPIRY = Duration.ofMinutes(10);

    final String run = UUID.randomUUID().toString();
    final URI nodeA = URI.create("http://127.0.0.1:1/" + run);
    final URI nodeB = URI.create("http://127.0.0.1:2/" + run);
    final String registryKey = "portvakt:test:" + run + ":sfu-nodes";
    final List<LettuceConnectionFactory> connections = new ArrayList<>();
    final List<String> meetings = new ArrayList<>();

    @AfterEach
    void clean() {
        StringRedisTemplate redis = redis();
        meetings.forEach(meeting -> redis.delete(RedisPlacements.key(meeting)));
        redis.delete(List.of(RedisPlacements.meetingsKey(nodeA), RedisPlacements.meetingsKey(nodeB), registryKey));
        connections.forEach(LettuceConnectionFactory::destroy);
    }

    @Test
    void theFirstPlacementWinsAndEveryAppNodeReadsIt() {
        RedisPlacements one = new RedisPlacements(redis(), EXPIRY);
        RedisPlacements other = new RedisPlacements(redis(), EXPIRY);
        String meeting = meeting();

        assertThat(one.placeIfAbsent(meeting, nodeA)).isEqualTo(nodeA);
        assertThat(other.placeIfAbsent(meeting, nodeB))
                .as("placed already: the first wins")
                .isEqualTo(nodeA);
        assertThat(other.nodeOf(meeting)).contains(nodeA);
        assertThat(other.on(nodeA)).containsExactly(meeting);
        assertThat(other.on(nodeB)).isEmpty();
        assertThat(redis().getExpire(RedisPlacements.key(meeting)))
                .as("a crashed app leaves it for at most the expiry")
                .isBetween(1L, EXPIRY.toSeconds());
        assertThat(redis().getExpire(RedisPlacements.meetingsKey(nodeA))).isBetween(1L, EXPIRY.toSeconds());

        assertThat(other.remove(meeting, nodeB)).as("not on B: kept").isFalse();
        assertThat(one.nodeOf(meeting)).contains(nodeA);
        assertThat(other.remove(meeting, nodeA)).isTrue();
        assertThat(one.remove(meeting, nodeA)).as("only one remover wins").isFalse();
        assertThat(one.nodeOf(meeting)).isEmpty();
        assertThat(one.on(nodeA)).isEmpty();

        one.placeIfAbsent(meeting, nodeB);
        other.remove(meeting);
        assertThat(one.nodeOf(meeting)).as("the meeting ended").isEmpty();
        assertThat(redis().opsForSet().size(RedisPlacements.meetingsKey(nodeB))).isZero();
    }

    @Test
    void twoAppNodesPlacingAtOnceAgree() throws Exception {
        RedisPlacements one = new RedisPlacements(redis(), EXPIRY);
        RedisPlacements other = new RedisPlacements(redis(), EXPIRY);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                String meeting = meeting();
                Callable<URI> a = () -> one.placeIfAbsent(meeting, nodeA);
                Callable<URI> b = () -> other.placeIfAbsent(meeting, nodeB);
                List<Future<URI>> placed = threads.invokeAll(List.of(a, b));
                assertThat(placed.get(0).get()).isEqualTo(placed.get(1).get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(one.on(nodeA).size() + one.on(nodeB).size()).isEqualTo(20);
    }

    @Test
    void aMeetingWhosePlacementExpiredIsNotOnItsNodeAnyMore() {
        RedisPlacements placements = new RedisPlacements(redis(), EXPIRY);
        String meeting = meeting();
        placements.placeIfAbsent(meeting, nodeA);
        redis().delete(RedisPlacements.key(meeting));

        assertThat(placements.on(nodeA))
                .as("left in the node's set, but placed nowhere")
                .isEmpty();
    }

    @Test
    void exactlyOneAppNodeForgetsASilentNode() {
        RedisNodeRegistry one = new RedisNodeRegistry(redis(), registryKey, EXPIRY);
        RedisNodeRegistry other = new RedisNodeRegistry(redis(), registryKey, EXPIRY);
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        one.seen(nodeA, now.minusSeconds(4));
        other.seen(nodeB, now);

        assertThat(other.lastSeen()).containsEntry(nodeA, now.minusSeconds(4)).containsEntry(nodeB, now);
        assertThat(one.removeIfSilentSince(nodeB, now.minusSeconds(3)))
                .as("B was heard from")
                .isFalse();
        assertThat(one.removeIfSilentSince(nodeA, now.minusSeconds(3))).isTrue();
        assertThat(other.removeIfSilentSince(nodeA, now.minusSeconds(3)))
                .as("already forgotten by the other app node")
                .isFalse();
        assertThat(other.lastSeen()).containsOnlyKeys(nodeB);
        assertThat(redis().getExpire(registryKey)).isBetween(1L, EXPIRY.toSeconds());
    }

    String meeting() {
        String meeting = UUID.randomUUID().toString();
        meetings.add(meeting);
        return meeting;
    }

    /** A connection of its own, as each app node has. */
    StringRedisTemplate redis() {
        LettuceConnectionFactory factory =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        factory.afterPropertiesSet();
        factory.start();
        connections.add(factory);
        return new StringRedisTemplate(factory);
    }
}
