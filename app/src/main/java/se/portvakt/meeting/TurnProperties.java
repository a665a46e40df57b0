package se.portvakt.meeting;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The TURN relay (coturn) for browsers that reach neither of the SFU's ports directly (docs/turn.md). Portvakt
 * never relays itself: it mints time-limited credentials in coturn's shared-secret scheme (coturn's
 * {@code use-auth-secret} with the same {@code static-auth-secret}).
 *
 * @param urls     the relay's ICE URLs as browsers reach them, e.g. {@code turn:turn.example.se:3478?transport=udp},
 *                 {@code turns:turn.example.se:443?transport=tcp}; none: no TURN
 * @param secret   coturn's static-auth-secret
 * @param lifetime how long a minted credential is valid
 */
@ConfigurationProperties("portvakt.turn")
record TurnProperties(
        @DefaultValue List<String> urls,
        String secret,
        @DefaultValue("PT12H") Duration lifetime) {

    TurnProperties {
        urls = List.copyOf(urls);
        if (!urls.isEmpty() && (secret == null || secret.isBlank())) {
            throw new IllegalArgumentException(
                    "portvakt.turn.urls is set but portvakt.turn.secret is not: " + "give coturn's static-auth-secret");
        }
    }

    boolean enabled() {
        return !urls.isEmpty();
    }
}
