package se.portvakt.config;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves Spring Boot's Redis auto-configuration (connection factory, templates, listener container, health, metrics)
 * out unless {@code portvakt.cluster.enabled} (meeting's {@code ClusterProperties}): a single node, the embedded
 * default above all, starts and stays healthy on a machine without Redis. Registered in META-INF/spring.factories.
 */
public class RedisOnlyInCluster implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String REDIS_AUTO_CONFIGURATION = "org.springframework.boot.data.redis.";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean cluster = environment.getProperty("portvakt.cluster.enabled", Boolean.class, false);
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            String name = autoConfigurationClasses[i];
            match[i] = cluster || name == null || !name.startsWith(REDIS_AUTO_CONFIGURATION);
        }
        return match;
    }
}
