package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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

/**
 * The application stops in the middle of a meeting and starts again on the same database and port: the
 * browsers' sessions and everyone's place are still there, and the tabs reconnect without being let in again.
 */
class MeetingRestartIT {

    ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    static ConfigurableApplicationContext start(Path data, int port) {
        return start(data, port, Map.of());
    }

    /** The same with {@code more} settings, given as command-line arguments: they win over application.properties. */
    static ConfigurableApplicationContext start(Path data, int port, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>();
        String url = System.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql:")) {
            properties.put("spring.flyway.default-schema", System.getProperty("portvakt.it.schema", "portvakt_it"));
        } else {
            properties.put(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + data.resolve("portvakt")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        properties.put("server.port", port);
        properties.put("portvakt.data-directory", data.toString());
        properties.put("portvakt.secret-key", TestDatabase.TEST_SECRET_KEY);
        properties.put("portvakt.identity.simulators", "true");
        properties.put("portvakt.invitation.poll-interval", "PT1H");
        properties.put("portvakt.media.udp-port", "0");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", "1");
        return new SpringApplicationBuilder(PortvaktApplication.class)
                .properties(properties)
                .run(more.entrySet().stream()
                        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void participantsReconnectIntoTheSameMeetingAfterARestart() throws IOException {
        Path data = Files.createTempDirectory("portvakt-restart");
        app = start(data, 0);
        int port = port(app);
        Fixtures fixtures = new Fixtures(
                app.getBean(Organisations.class), app.getBean(StaffDirectory.class), app.getBean(Rooms.class));
        Tenant tenant = fixtures.tenant();
        Booked meeting = new TestBookings(
                        app.getBean(BookingService.class),
                        app.getBean(InviteeLinks.class),
                        app.getBean(PlatformTransactionManager.class))
                .book(plan(tenant).guests("Anna Andersson", "Bertil Berg"));

        HttpVisitor host = new HttpVisitor(port).logIn(tenant.host().email(), Fixtures.PASSWORD);
        HttpVisitor anna = new HttpVisitor(port).arrive(meeting.token(0), false);
        HttpVisitor bertil = new HttpVisitor(port).arrive(meeting.token(1), false);
        SignalingClient room = SignalingClient.open(host, "meeting=" + meeting.id());
        room.await("state");
        room.send("{\"type\":\"join\"}");
        SignalingClient annaSocket = SignalingClient.open(anna, "invitee=" + meeting.invitee(0));
        String annaId = annaSocket.await("state").path("you").asString();
        SignalingClient bertilSocket = SignalingClient.open(bertil, "invitee=" + meeting.invitee(1));
        bertilSocket.await("state");
        room.send("{\"type\":\"admit\",\"participantId\":\"" + annaId + "\"}");
        annaSocket.await("state", state -> state.path("yourState").asString().equals("IN_MEETING"));

        app.close();
        app = null;
        annaSocket.awaitClosed();
        room.awaitClosed();

        app = start(data, port);
        // the same cookies, the same sessions: no new login, no new identification, no new admission
        assertThat(anna.get("/m/" + meeting.token(0) + "/wait").status()).isEqualTo(200);
        SignalingClient annaAgain = SignalingClient.open(anna, "invitee=" + meeting.invitee(0));
        var state = annaAgain.await("state");
        assertThat(state.path("yourState").asString()).isEqualTo("IN_MEETING");
        assertThat(state.path("meeting").path("started").asBoolean()).isTrue();
        assertThat(state.path("roster").toString())
                .contains("Anna Andersson", tenant.host().displayName());
        SignalingClient roomAgain = SignalingClient.open(host, "meeting=" + meeting.id());
        assertThat(roomAgain.await("state").path("yourState").asString()).isEqualTo("IN_MEETING");
        SignalingClient bertilAgain = SignalingClient.open(bertil, "invitee=" + meeting.invitee(1));
        assertThat(bertilAgain.await("state").path("yourState").asString()).isEqualTo("WAITING");
        SignalingClient console = SignalingClient.open(host, "console");
        assertThat(console.await("lobby").path("waiting").size()).isEqualTo(1);

        annaAgain.send("{\"type\":\"chat\",\"text\":\"Är ni kvar?\"}");
        assertThat(roomAgain.await("chat").path("line").path("text").asString()).isEqualTo("Är ni kvar?");
        java.util.List.of(annaAgain, roomAgain, bertilAgain, console).forEach(SignalingClient::close);
    }
}
