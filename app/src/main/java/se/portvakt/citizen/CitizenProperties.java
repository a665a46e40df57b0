package se.portvakt.citizen;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The citizen's side: identity confirmation inside a meeting.
 *
 * @param confirmationCodeValidity how long a confirmation code works after it is shown
 * @param confirmationMaxAttempts wrong tries that spend a confirmation code (a new one must then be shown)
 */
@ConfigurationProperties("portvakt.citizen")
record CitizenProperties(
        @DefaultValue("PT2M") Duration confirmationCodeValidity,
        @DefaultValue("5") int confirmationMaxAttempts) {}
