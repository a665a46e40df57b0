package se.portvakt.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class ApplicationConfig {

    /** One clock for the whole service, so tests can move time instead of waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Static: a post-processor is made before the other beans, and checks before any of them runs. */
    @Bean
    static ProductionSettingsCheck productionSettingsCheck(Environment environment) {
        return new ProductionSettingsCheck(environment);
    }

    @Bean
    DeploymentMode deploymentMode(Environment environment) {
        return DeploymentMode.of(environment);
    }
}
