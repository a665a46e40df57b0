package se.portvakt.guest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How guests prove who they are with a one-time code (the join window is each organisation's setting).
 *
 * @param codeValidity how long a one-time code works after it is sent
 * @param maxAttempts wrong codes in a row that lock the invitation
 * @param lockDuration how long a locked invitation refuses codes (and sends none)
 * @param resendInterval the least time between two codes sent to one invitee; a request sooner sends nothing
 * @param maxCodeRequestsPerHour code requests per invitee in any hour, whether the address matched or not
 */
@ConfigurationProperties("portvakt.guest")
record GuestProperties(
        @DefaultValue("PT5M") Duration codeValidity,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT15M") Duration lockDuration,
        @DefaultValue("PT60S") Duration resendInterval,
        @DefaultValue("5") int maxCodeRequestsPerHour) {}
