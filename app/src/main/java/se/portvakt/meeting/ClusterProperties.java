package se.portvakt.meeting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several app nodes behind one address (docs/architecture.md, "Several nodes"). Redis itself is set with Spring's
 * {@code spring.data.redis.*} (host, port, password, ssl; default localhost:6379), read only when enabled.
 *
 * @param enabled signaling goes through Redis pub/sub and the meetings' chat, hands, media states and SFU node
 *     placements, and the SFU nodes' registry, live in Redis, so every node reaches every tab and reads every meeting. Off (the default): one node, all in its memory, and
 *     Redis is never connected to
 * @param memoryExpiry how long a meeting's chat, hands, media states and SFU node placement stay in Redis after their
 *     last change (the placement: its last read), should no node be left to delete them when the meeting ends
 */
@ConfigurationProperties("portvakt.cluster")
record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("12h") Duration memoryExpiry) {

    static final String ENABLED = "portvakt.cluster.enabled";
}
