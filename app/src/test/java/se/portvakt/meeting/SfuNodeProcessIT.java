package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.plan;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.booking.InviteeLinks;
import se.portvakt.booking.Rooms;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.internal.BookingService;
import se.portvakt.organisation.Organisations;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.sfu.RemoteSfu;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.node.NodeStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app with its meetings' media on an SFU node, a process of its own (docs/sfu-control.md): a host's and a
 * guest's offers go through the app to the node and are answered with the node's address, and the node's event (the
 * guest's microphone asks the host to offer again) comes back through the app's events endpoint to the host's tab.
 */
class SfuNodeProcessIT {

    static final String SECRET = "node-secret-for-the-process-it-0123";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An offer and an event cross two processes here; on a loaded machine that took over 10 s. */
    static final Duration ACROSS = Duration.ofSeconds(60);

    ConfigurableApplicationContext app;
    SfuNodeProcess node;
    final List<SignalingClient> sockets = new java.util.ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        sockets.forEach(SignalingClient::close);
        if (app != null) {
            app.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aMeetingsMediaIsNegotiatedOnTheNodeAndItsEventsReachTheTabs() throws Exception {
        int port = freePort();
        node = SfuNodeProcess.start(SECRET, "http://127.0.0.1:" + port + SfuEventsController.PATH);
        node.warmUp(chromeOffer());
        app = MeetingRestartIT.start(
                Files.createTempDirectory("portvakt-sfu-node"),
                port,
                Map.of(
                        "server.port",
                        port,
                        "portvakt.media.nodes",
                        node.controlUrl(),
                        "portvakt.media.node-secret",
                        SECRET));
        assertThat(app.getBean(Sfu.class)).as("no SFU in the app's process").isInstanceOf(RemoteSfu.class);
        Tenant tenant = new Fixtures(
                        app.getBean(Organisations.class), app.getBean(StaffDirectory.class), app.getBean(Rooms.class))
                .tenant();
        Booked meeting = new TestBookings(
                        app.getBean(BookingService.class),
                        app.getBean(InviteeLinks.class),
                        app.getBean(PlatformTransactionManager.class))
                .book(plan(tenant).guests("Anna Andersson"));
        HttpVisitor host = new HttpVisitor(port).logIn(tenant.host().email(), Fixtures.PASSWORD);
        HttpVisitor anna = new HttpVisitor(port).arrive(meeting.token(0), false);
        SignalingClient room = open(host, "meeting=" + meeting.id());
        room.await("state");
        room.send("{\"type\":\"join\"}");
        SignalingClient annaSocket = open(anna, "invitee=" + meeting.invitee(0));
        String annaId = annaSocket.await("state").path("you").asString();
        room.send("{\"type\":\"admit\",\"participantId\":\"" + annaId + "\"}");
        annaSocket.await("state", state -> state.path("yourState").asString().equals("IN_MEETING"));

        room.send(publish(receivingOffer(), Map.of()));
        JsonNode hostAnswer = room.await("answer", answer -> true, ACROSS);
        NodeStatus status = node.status();
        assertThat(hostAnswer.path("sdp").asString())
                .as("the node's own media address is in the answer")
                .contains("a=ice-lite", " 127.0.0.1 " + status.udpPort() + " typ host"); // a new node: its first loop
        assertThat(hostAnswer.path("joined").asBoolean()).isTrue();
        assertThat(status.meetings()).isEqualTo(1);
        assertThat(status.participants()).isEqualTo(1);

        annaSocket.send(publish(chromeOffer(), Map.of("0", "microphone", "1", "camera")));
        assertThat(annaSocket
                        .await("answer", answer -> true, ACROSS)
                        .path("sdp")
                        .asString())
                .contains(" " + status.udpPort() + " typ host");
        assertThat(node.status().participants()).isEqualTo(2);
        JsonNode renegotiate = room.await("renegotiate", message -> true, ACROSS);
        assertThat(renegotiate.path("audio").asInt())
                .as("Anna's microphone, heard of through the node's event")
                .isEqualTo(1);

        room.send("{\"type\":\"end\"}");
        room.await("closed", message -> true, ACROSS);
        long deadline = System.nanoTime() + ACROSS.toNanos();
        while (node.status().meetings() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(node.status().meetings())
                .as("the ended meeting is closed on the node; the host's tab saw %s", room.seen())
                .isZero();
    }

    @Test
    void theEventsEndpointTakesOnlyTheNodesSecret() throws Exception {
        int port = freePort();
        node = SfuNodeProcess.start(SECRET, "http://127.0.0.1:" + port + SfuEventsController.PATH);
        app = MeetingRestartIT.start(
                Files.createTempDirectory("portvakt-sfu-node"),
                port,
                Map.of(
                        "server.port",
                        port,
                        "portvakt.media.nodes",
                        node.controlUrl(),
                        "portvakt.media.node-secret",
                        SECRET));
        String event = "{\"type\":\"dominantSpeaker\",\"meetingId\":\"" + java.util.UUID.randomUUID()
                + "\",\"participantId\":\"" + java.util.UUID.randomUUID() + "\"}";

        assertThat(post(port, SfuEventsController.PATH, event, null).statusCode())
                .isEqualTo(401);
        assertThat(post(port, SfuEventsController.PATH, event, "Bearer " + SECRET.replace('0', '1'))
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(port, SfuEventsController.PATH, event, SECRET).statusCode())
                .isEqualTo(401);
        assertThat(post(port, SfuEventsController.PATH, event, "Bearer " + SECRET)
                        .statusCode())
                .isEqualTo(204);
        assertThat(post(port, SfuEventsController.PATH, "{\"type\":\"nonsense\"}", "Bearer " + SECRET)
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(port, "/internal/sfu/other", event, "Bearer " + SECRET).statusCode())
                .as("nothing beside the events endpoint gets past CSRF")
                .isEqualTo(403);
    }

    SignalingClient open(HttpVisitor visitor, String query) {
        SignalingClient socket = SignalingClient.open(visitor, query);
        sockets.add(socket);
        return socket;
    }

    static String publish(String sdp, Map<String, String> sources) {
        return JSON.writeValueAsString(Map.of("type", "publish", "sdp", sdp, "sources", sources));
    }

    static HttpResponse<String> post(int port, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A real offer from headless Chromium 156: audio and simulcast video, sending. */
    static String chromeOffer() throws IOException {
        try (InputStream in = SfuNodeProcessIT.class.getResourceAsStream("/sdp/chrome-156-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The same browser only receiving: an audio and a video slot. */
    static String receivingOffer() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : chromeOffer().split("\r\n")) {
            if (Arrays.asList("a=rid:", "a=simulcast:", "a=ssrc", "a=msid:").stream()
                    .noneMatch(line::startsWith)) {
                out.append(line).append("\r\n");
            }
        }
        return out.toString().replace("a=sendonly", "a=recvonly");
    }
}
