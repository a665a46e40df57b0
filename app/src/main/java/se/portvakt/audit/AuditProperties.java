package se.portvakt.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log's sealing and purge jobs.
 *
 * @param sealInterval how often committed records are sealed into their chain
 * @param checkpointInterval how often a chain that has grown gets a new signed checkpoint
 * @param purgeInterval how often the retention purge looks for meetings whose personal data is due to go
 */
@ConfigurationProperties("portvakt.audit")
record AuditProperties(
        @DefaultValue("PT10S") Duration sealInterval,
        @DefaultValue("PT1H") Duration checkpointInterval,
        @DefaultValue("PT1H") Duration purgeInterval) {}
