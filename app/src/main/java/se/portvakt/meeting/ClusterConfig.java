package se.portvakt.meeting;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import se.portvakt.sfu.NodeRegistry;
import se.portvakt.sfu.Placements;
import tools.jackson.databind.ObjectMapper;

/**
 * What changes with several nodes ({@code portvakt.cluster.enabled}), all here: the sockets of every node reached
 * through Redis pub/sub, and the meetings' chat, hands and media states, their SFU node placements and the SFU
 * nodes' registry in Redis. Without it, one node keeps them in
 * its memory and Spring Boot's Redis auto-configuration is left out altogether ({@code config.RedisOnlyInCluster}).
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfig {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = ClusterProperties.ENABLED, havingValue = false, matchIfMissing = true)
    static class OneNode {

        @Bean
        ChatLog chatLog() {
            return new LocalChatLog();
        }

        @Bean
        RaisedHands raisedHands() {
            return new LocalRaisedHands();
        }

        @Bean
        MediaStates mediaStates() {
            return new LocalMediaStates();
        }

        @Bean
        Placements placements() {
            return Placements.inMemory();
        }

        @Bean
        NodeRegistry nodeRegistry() {
            return NodeRegistry.inMemory();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(ClusterProperties.ENABLED)
    static class SeveralNodes {

        /** Preferred to {@link LocalSockets}, which stays the bean that holds and delivers to this node's sockets. */
        @Bean
        @Primary
        RedisSockets redisSockets(StringRedisTemplate redis, LocalSockets local, ObjectMapper json) {
            return new RedisSockets(redis, local, json);
        }

        /**
         * Named as Spring Boot's own, which then steps aside. Calls the listener on the thread that reads the
         * subscription, one message after the other, so intents stay in the order they were published.
         */
        @Bean
        RedisMessageListenerContainer redisMessageListenerContainer(
                RedisConnectionFactory connections, RedisSockets sockets) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(connections);
            container.setTaskExecutor(new SyncTaskExecutor());
            container.addMessageListener(sockets, new ChannelTopic(RedisSockets.CHANNEL));
            return container;
        }

        @Bean
        ChatLog chatLog(StringRedisTemplate redis, ObjectMapper json, ClusterProperties cluster) {
            return new RedisChatLog(redis, json, cluster.memoryExpiry());
        }

        @Bean
        RaisedHands raisedHands(StringRedisTemplate redis, ClusterProperties cluster) {
            return new RedisRaisedHands(redis, cluster.memoryExpiry());
        }

        @Bean
        MediaStates mediaStates(StringRedisTemplate redis, ClusterProperties cluster) {
            return new RedisMediaStates(redis, cluster.memoryExpiry());
        }

        @Bean
        Placements placements(StringRedisTemplate redis, ClusterProperties cluster) {
            return new RedisPlacements(redis, cluster.memoryExpiry());
        }

        @Bean
        NodeRegistry nodeRegistry(StringRedisTemplate redis, ClusterProperties cluster) {
            return new RedisNodeRegistry(redis, cluster.memoryExpiry());
        }
    }
}
