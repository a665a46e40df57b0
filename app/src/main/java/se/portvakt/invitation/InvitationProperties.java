package se.portvakt.invitation;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitations by e-mail and SMS. E-mail leaves through {@code spring.mail.*} (SMTP).
 *
 * @param from the From address of invitation e-mails
 * @param pollInterval how often the outbox worker looks for messages to send
 * @param maxAttempts attempts before a message is given up as FAILED
 * @param sms the SMS gateway; SMS is off in production until its URL is set
 */
@ConfigurationProperties("portvakt.invitation")
record InvitationProperties(
        @DefaultValue("Portvakt <no-reply@portvakt.localhost>")
        String from,

        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue Sms sms) {

    /**
     * The SMS gateway (see docs/sms-gateway.md).
     *
     * @param gatewayUrl where messages are POSTed; unset means no gateway
     * @param token sent as {@code Authorization: Bearer <token>}
     * @param sender the sender name or number the gateway shows (at most 11 characters for a name)
     */
    record Sms(
            URI gatewayUrl,
            String token,
            @DefaultValue("Portvakt") String sender) {

        boolean enabled() {
            return gatewayUrl != null && !gatewayUrl.toString().isBlank();
        }
    }
}
