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

    @Bean
    DeploymentMode deploymentMode(Environment environment) {
        return DeploymentMode.of(environment);
    }
}
