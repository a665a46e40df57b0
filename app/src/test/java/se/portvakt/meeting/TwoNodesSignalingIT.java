package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.PortvaktApplication;
import se.portvakt.TestDatabase;
import se.portvakt.booking.InviteeLinks;
import se.portvakt.booking.Rooms;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.organisation.Organisations;
import se.portvakt.organisation.StaffDirectory;
import tools.jackson.databind.JsonNode;

/**
 * Two whole nodes ({@code portvakt.cluster.enabled}) on one database and the real Redis at 127.0.0.1:6379, as a load
 * balancer would spread one meeting's tabs: the host's room on node A, the guest's tab and the host's console on
 * node B. Every step crosses between them, and what the meeting holds (chat, hands) a new tab reads from Redis.
 */
class TwoNodesSignalingIT {

    final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    final List<SignalingClient> open = new ArrayList<>();

    @AfterEach
    void stop() {
        open.forEach(SignalingClient::close);
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext start(String database, Path data) {
        Map<String, Object> properties = new HashMap<>();
        if (System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:")) {
            properties.put("spring.flyway.default-schema", System.getProperty("portvakt.it.schema", "portvakt_it"));
        } else {
            properties.put("spring.datasource.url", database);
        }
        properties.put("portvakt.cluster.enabled", "true");
        // named, as production requires (on the PostgreSQL pass these nodes run in production mode)
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("portvakt.data-directory", data.toString());
        properties.put("portvakt.secret-key", TestDatabase.TEST_SECRET_KEY);
        properties.put("portvakt.identity.simulators", "true");
        properties.put("portvakt.invitation.poll-interval", "PT1H");
        properties.put("portvakt.audit.seal-interval", "PT1H");
        properties.put("portvakt.audit.purge-interval", "PT1H");
        properties.put("portvakt.media.udp-port", "0");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", "1");
        // as arguments, which win over application.properties (default properties would not)
        ConfigurableApplicationContext node = new SpringApplicationBuilder(PortvaktApplication.class)
                .run(properties.entrySet().stream()
                        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    SignalingClient connect(HttpVisitor visitor, String query) {
        SignalingClient client = SignalingClient.open(visitor, query);
        open.add(client);
        return client;
    }

    @Test
    void aMeetingWhoseTabsAreOnTwoNodes() throws IOException {
        // one in-memory H2 that both nodes of this JVM open (or the build's PostgreSQL)
        String database = "jdbc:h2:mem:two-nodes-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        ConfigurableApplicationContext a = start(database, Files.createTempDirectory("portvakt-node-a"));
        ConfigurableApplicationContext b = start(database, Files.createTempDirectory("portvakt-node-b"));
        Tenant tenant = new Fixtures(
                        a.getBean(Organisations.class), a.getBean(StaffDirectory.class), a.getBean(Rooms.class))
                .tenant();
        Booked meeting = new TestBookings(
                        a.getBean(BookingService.class),
                        a.getBean(InviteeLinks.class),
                        a.getBean(PlatformTransactionManager.class))
                .book(plan(tenant).guests("Anna Andersson"));

        HttpVisitor hostOnA = new HttpVisitor(port(a)).logIn(tenant.host().email(), Fixtures.PASSWORD);
        SignalingClient console = connect(hostOnA.at(port(b)), "console");
        console.await("lobby");
        // Anna says she is here through node A's pages; her tab's socket lands on node B
        HttpVisitor anna = new HttpVisitor(port(a)).arrive(meeting.token(0), false);
        SignalingClient annaOnB = connect(anna.at(port(b)), "invitee=" + meeting.invitee(0));
        annaOnB.await("state", state -> state.path("yourState").asString().equals("WAITING"));
        console.await(
                "arrived",
                arrived -> arrived.path("guest")
                        .path("guest")
                        .path("name")
                        .asString()
                        .equals("Anna Andersson"));

        SignalingClient roomOnA = connect(hostOnA, "meeting=" + meeting.id());
        roomOnA.await("state");
        roomOnA.send("{\"type\":\"join\"}");
        JsonNode lobby = console.await("lobby", view -> view.path("waiting").size() == 1);
        String annaId =
                lobby.path("waiting").get(0).path("guest").path("participantId").asString();
        console.send("{\"type\":\"admit\",\"participantId\":\"" + annaId + "\"}");
        annaOnB.await("state", state -> state.path("yourState").asString().equals("IN_MEETING"));
        roomOnA.await("state", state -> state.path("roster").size() == 2);

        annaOnB.send("{\"type\":\"chat\",\"text\":\"Hej från nod B\"}");
        assertThat(roomOnA.await("chat").path("line").path("text").asString()).isEqualTo("Hej från nod B");
        annaOnB.send("{\"type\":\"hand\",\"raised\":true}");
        roomOnA.await("state", state -> LobbySignalingIT.hasHand(state, "Anna Andersson", 1));
        roomOnA.send("{\"type\":\"mute\",\"participantId\":\"" + annaId + "\"}");
        annaOnB.await("muteRequested");

        // a tab the host opens on node A now reads the chat and the hand that node B wrote
        SignalingClient secondRoomOnA = connect(hostOnA, "meeting=" + meeting.id());
        JsonNode fresh = secondRoomOnA.await("state");
        assertThat(fresh.path("chat").get(0).path("text").asString()).isEqualTo("Hej från nod B");
        assertThat(LobbySignalingIT.hasHand(fresh, "Anna Andersson", 1)).isTrue();

        roomOnA.send("{\"type\":\"end\"}");
        assertThat(annaOnB.await("closed").path("reason").asString()).isEqualTo("ENDED");
        annaOnB.awaitClosed();
        StringRedisTemplate redis = b.getBean(StringRedisTemplate.class);
        assertThat(redis.hasKey(RedisChatLog.key(meeting.id()))).isFalse();
        assertThat(redis.hasKey(RedisRaisedHands.key(meeting.id()))).isFalse();
    }
}
