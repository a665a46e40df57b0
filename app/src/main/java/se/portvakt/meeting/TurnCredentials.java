package se.portvakt.meeting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Credentials for the TURN relay in coturn's shared-secret scheme (the "TURN REST API"): the username is
 * {@code <expiry in Unix seconds>:<participant id>}, the password base64(HMAC-SHA1(secret, username)). coturn checks
 * both without asking Portvakt; an expired one is refused. Only a participant in the meeting is given one.
 */
@Component
class TurnCredentials {

    private final TurnProperties turn;
    private final Clock clock;

    TurnCredentials(TurnProperties turn, Clock clock) {
        this.turn = turn;
        this.clock = clock;
    }

    /** The relay as the participant's browser may use it now; empty without TURN. */
    List<ServerMessage.IceServer> forParticipant(UUID participantId) {
        if (!turn.enabled()) {
            return List.of();
        }
        long expiry = clock.instant().plus(turn.lifetime()).getEpochSecond();
        String username = expiry + ":" + participantId;
        return List.of(new ServerMessage.IceServer(turn.urls(), username, password(turn.secret(), username)));
    }

    static String password(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is in every JDK", e);
        }
    }
}
