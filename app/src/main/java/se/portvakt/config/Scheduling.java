package se.portvakt.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service's background jobs (outbox, audit sealing, retention purge, e-ID order clean-up). A one-shot command
 * such as the audit verification turns them off: it must never send an invitation or seal while it checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "portvakt.scheduling.enabled", matchIfMissing = true)
class Scheduling {}
