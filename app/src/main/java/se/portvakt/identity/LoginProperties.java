package se.portvakt.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password login for staff.
 *
 * @param maxFailures failed logins in a row that lock the account
 * @param lockDuration how long a locked account stays locked
 */
@ConfigurationProperties("portvakt.login")
record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration lockDuration) {}
