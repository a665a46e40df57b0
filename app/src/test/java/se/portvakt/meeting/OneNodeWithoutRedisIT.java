package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import se.portvakt.IntegrationTest;

/**
 * The default, one node, has nothing of Redis: no connection to open, no listener, no health check that would fail on
 * a machine without it; its sockets and the meetings' memory are its own.
 */
@IntegrationTest
class OneNodeWithoutRedisIT {

    @Autowired
    ApplicationContext context;

    @Test
    void oneNodeKeepsItsSocketsAndMeetingsInItsOwnMemory() {
        assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RedisMessageListenerContainer.class))
                .isEmpty();
        assertThat(context.getBean(Sockets.class)).isInstanceOf(LocalSockets.class);
        assertThat(context.getBean(ChatLog.class)).isInstanceOf(LocalChatLog.class);
        assertThat(context.getBean(RaisedHands.class)).isInstanceOf(LocalRaisedHands.class);
        assertThat(context.getBean(MediaStates.class)).isInstanceOf(LocalMediaStates.class);
    }
}
