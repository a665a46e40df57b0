package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

/** Spring Boot's Redis auto-configuration is imported only with several nodes; every other one is left alone. */
class RedisOnlyInClusterTest {

    @ParameterizedTest
    @CsvSource({
        "'',    org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration,                     false",
        "false, org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration, false",
        "false, org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration,         false",
        "true,  org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration,                     true",
        "true,  org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration, true",
        "'',    org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,                          true",
        "true,  org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,                          true",
    })
    void importsRedisOnlyInACluster(String enabled, String autoConfiguration, boolean imported) {
        MockEnvironment environment = new MockEnvironment();
        if (!enabled.isEmpty()) {
            environment.setProperty("portvakt.cluster.enabled", enabled);
        }
        RedisOnlyInCluster filter = new RedisOnlyInCluster();
        filter.setEnvironment(environment);

        assertThat(filter.match(new String[] {autoConfiguration, null}, null)).containsExactly(imported, true);
    }
}
