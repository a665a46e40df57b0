package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** coturn's shared-secret scheme: username "expiry:participant", password base64(HMAC-SHA1(secret, username)). */
class TurnCredentialsTest {

    static final UUID PARTICIPANT = UUID.fromString("7d3f1c0e-0000-4000-8000-000000000001");

    @Test
    void theCredentialExpiresAfterTheLifetimeAndIsSignedWithTheSharedSecret() {
        TurnProperties turn =
                new TurnProperties(List.of("turns:turn.example.se:443?transport=tcp"), "north", Duration.ofHours(1));
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L - 3600), ZoneOffset.UTC);

        List<ServerMessage.IceServer> servers = new TurnCredentials(turn, clock).forParticipant(PARTICIPANT);

        assertThat(servers)
                .containsExactly(new ServerMessage.IceServer(
                        List.of("turns:turn.example.se:443?transport=tcp"),
                        "1700000000:" + PARTICIPANT,
                        // python3: base64(hmac.new(b'north', b'1700000000:7d3f...0001', hashlib.sha1).digest())
                        "b+7t/0gATA/oe++JeLayS2Ruwmw="));
    }

    @Test
    void withoutTurnNobodyGetsARelay() {
        TurnProperties none = new TurnProperties(List.of(), null, Duration.ofHours(1));
        assertThat(new TurnCredentials(none, Clock.systemUTC()).forParticipant(PARTICIPANT))
                .isEmpty();
    }

    @Test
    void urlsWithoutASecretAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new TurnProperties(List.of("turn:turn.example.se"), " ", Duration.ofHours(1)))
                .hasMessageContaining("portvakt.turn.secret");
    }
}
