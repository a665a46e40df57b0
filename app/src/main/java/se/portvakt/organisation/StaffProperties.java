package se.portvakt.organisation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A staff member's one-time set-password links.
 *
 * @param invitationValidity how long an invitation's link works
 * @param resetValidity how long a forgotten-password link works
 * @param resetInterval the least time between two reset links for one account (a stranger cannot flood a mailbox)
 */
@ConfigurationProperties("portvakt.staff")
public record StaffProperties(
        @DefaultValue("P7D") Duration invitationValidity,
        @DefaultValue("PT1H") Duration resetValidity,
        @DefaultValue("PT5M") Duration resetInterval) {}
