package se.portvakt.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password login for staff.
 *
 * @param maxFailures wrong passwords for one account, each from a different client address, that lock the
 *     account for everyone (a guesser with many addresses); wrong passwords from one address never do
 * @param maxFailuresPerAddress failed logins from one client address, to any account, after which that address
 *     gets no further try (a guesser at one address)
 * @param lockDuration how long a failure counts, and so how long a lock or throttle lasts after the last one
 */
@ConfigurationProperties("portvakt.login")
record LoginProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("10") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration lockDuration) {}
