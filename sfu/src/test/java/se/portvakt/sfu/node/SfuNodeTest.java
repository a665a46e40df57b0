package se.portvakt.sfu.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.stats.MeetingStats;
import tools.jackson.databind.JsonNode;

/** A node started in this JVM on free ports, driven over real HTTP, its events sent to a receiver of the test's. */
class SfuNodeTest {

    static final String SECRET = "test-secret-of-the-sfu-node-0123";
    static final Duration WAIT = Duration.ofSeconds(10);

    final HttpClient http = HttpClient.newHttpClient();
    EventReceiver app;
    SfuNode node;

    @BeforeEach
    void start() {
        app = new EventReceiver();
        node = SfuNode.start(NodeSettings.from(Map.of(
                "portvakt.sfu.udp-port", "0",
                "portvakt.sfu.tcp-port", "0",
                "portvakt.sfu.control-port", "0",
                "portvakt.sfu.secret", SECRET,
                "portvakt.sfu.events-url", app.url().toString())::get));
    }

    @AfterEach
    void stop() {
        node.close();
        app.close();
    }

    @Test
    void everyRequestWithoutTheSecretIsRefused() throws Exception {
        for (String authorization : new String[] {
            null, "Bearer wrong-secret-of-the-same-size", "Basic " + SECRET, "Bearer " + SECRET + "x", "Bearer"
        }) {
            HttpResponse<String> refused = send("GET", "/node", null, authorization);
            assertThat(refused.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(refused.body()).contains("\"error\"");
        }
        assertThat(send("PUT", "/meetings/m1", null, "Bearer nope").statusCode())
                .isEqualTo(401);
        assertThat(json(send("GET", "/node")).path("meetings").asInt())
                .as("the refused PUT opened nothing")
                .isZero();
    }

    @Test
    void aCapturedChromeOfferIsAnswered() throws Exception {
        assertThat(send("PUT", "/meetings/m1").statusCode()).isEqualTo(204);
        HttpResponse<String> answered = send(
                "POST",
                "/meetings/m1/participants/alice/offer",
                ControlJson.MAPPER.writeValueAsString(
                        new NodeOffer(ChromeOffers.captured(), Map.of("0", "microphone", "1", "camera"))));

        assertThat(answered.statusCode()).isEqualTo(200);
        ParticipantAnswer answer = ControlJson.MAPPER.readValue(answered.body(), ParticipantAnswer.class);
        assertThat(answer.answerSdp())
                .startsWith("v=0")
                .contains("a=ice-lite", "a=ice-ufrag:" + answer.localIce().ufrag());
        assertThat(answer.remoteIce().ufrag()).isEqualTo("4ukl");
        assertThat(answer.joined()).isTrue();
        NodeStatus status = ControlJson.MAPPER.readValue(send("GET", "/node").body(), NodeStatus.class);
        assertThat(status.meetings()).isEqualTo(1);
        assertThat(status.participants()).isEqualTo(1);
        assertThat(status.address()).isEqualTo("127.0.0.1");
        assertThat(answer.answerSdp())
                .as("the first meeting on the first loop")
                .contains(" 127.0.0.1 " + status.udpPort() + " typ host");
        assertThat(status.udpPorts())
                .as("a port per packet loop")
                .hasSize(Runtime.getRuntime().availableProcessors())
                .startsWith(status.udpPort())
                .doesNotHaveDuplicates();
        MeetingStats stats =
                ControlJson.MAPPER.readValue(send("GET", "/meetings/m1/stats").body(), MeetingStats.class);
        assertThat(stats.meetingId()).isEqualTo("m1");
        assertThat(stats.participants()).isEqualTo(1);

        assertThat(send("DELETE", "/meetings/m1/participants/alice").statusCode())
                .isEqualTo(204);
        assertThat(json(send("GET", "/node")).path("participants").asInt()).isZero();
        assertThat(send("DELETE", "/meetings/m1").statusCode()).isEqualTo(204);
        assertThat(send("GET", "/meetings/m1/stats").statusCode()).isEqualTo(400);
    }

    @Test
    void whatTheSfuRefusesIsABadRequest() throws Exception {
        String offer = ControlJson.MAPPER.writeValueAsString(new NodeOffer(ChromeOffers.receiving(), Map.of()));
        HttpResponse<String> noRoom = send("POST", "/meetings/nowhere/participants/alice/offer", offer);
        assertThat(noRoom.statusCode()).isEqualTo(400);
        assertThat(json(noRoom).path("error").asString()).contains("nowhere");

        send("PUT", "/meetings/m1");
        String unusable = ControlJson.MAPPER.writeValueAsString(new NodeOffer("v=0\r\ns=-\r\n", Map.of()));
        assertThat(send("POST", "/meetings/m1/participants/alice/offer", unusable)
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/meetings/m1/participants/alice/offer", "{\"offerSdp\":")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/meetings/m1/participants/alice/offer", "{}").statusCode())
                .isEqualTo(400);
        assertThat(send("PUT", "/meetings/m1/participants/alice/layers", "[1,2]")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws Exception {
        send("PUT", "/meetings/m1");
        String huge = "{\"offerSdp\":\"" + "a".repeat(ControlServer.MAX_BODY) + "\"}";
        HttpResponse<String> refused = send("POST", "/meetings/m1/participants/alice/offer", huge);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(json(refused).path("error").asString()).contains("body over");
    }

    @Test
    void unknownPathsAndMethods() throws Exception {
        assertThat(send("GET", "/nothing").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/meetings/m1/participants/alice/dance").statusCode())
                .isEqualTo(404);
        HttpResponse<String> wrongMethod = send("GET", "/meetings/m1");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("PUT, DELETE");
        assertThat(send("POST", "/node", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void layersAndEchoSessionsGoToTheSfu() throws Exception {
        assertThat(send("PUT", "/echo/echo-1").statusCode()).isEqualTo(204);
        String sendingAndReceiving = ChromeOffers.captured().replace("a=sendonly", "a=sendrecv");
        HttpResponse<String> echoed = send(
                "POST",
                "/meetings/echo-1/participants/tester/offer",
                ControlJson.MAPPER.writeValueAsString(new NodeOffer(sendingAndReceiving, null)));
        assertThat(echoed.statusCode()).isEqualTo(200);
        assertThat(json(echoed).path("streams").size())
                .as("its own streams come back")
                .isPositive();
        String intruder = ControlJson.MAPPER.writeValueAsString(new NodeOffer(ChromeOffers.receiving(), null));
        assertThat(send("POST", "/meetings/echo-1/participants/intruder/offer", intruder)
                        .statusCode())
                .as("an echo room takes nobody else")
                .isEqualTo(400);
        assertThat(send("PUT", "/meetings/echo-1/participants/tester/layers", "{\"1\":\"high\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("DELETE", "/meetings/echo-1").statusCode()).isEqualTo(204);
        assertThat(json(send("GET", "/node")).path("meetings").asInt()).isZero();
    }

    @Test
    void eventsReachTheAppInOrderWithTheSecretAfterAFailedTry() throws Exception {
        send("PUT", "/meetings/m1");
        String receiving = ControlJson.MAPPER.writeValueAsString(new NodeOffer(ChromeOffers.receiving(), null));
        assertThat(send("POST", "/meetings/m1/participants/alice/offer", receiving)
                        .statusCode())
                .isEqualTo(200);
        app.failNext(1);

        String publishing = ControlJson.MAPPER.writeValueAsString(new NodeOffer(ChromeOffers.captured(), null));
        assertThat(send("POST", "/meetings/m1/participants/bob/offer", publishing)
                        .statusCode())
                .isEqualTo(200);
        EventReceiver.Received asked = app.next(WAIT);
        assertThat(asked).as("bob's audio asks alice to offer again").isNotNull();
        assertThat(asked.authorization()).isEqualTo("Bearer " + SECRET);
        assertThat(app.requests())
                .as("the first try was refused and tried again")
                .isEqualTo(2);
        JsonNode event = ControlJson.MAPPER.readTree(asked.body());
        assertThat(event.path("type").asString()).isEqualTo("renegotiationNeeded");
        assertThat(NodeEvents.decode(asked.body().getBytes()))
                .as("his simulcast camera is learnt from its first packets, not from the offer")
                .isEqualTo(new RenegotiationNeeded("m1", "alice", 1, 0));

        send("DELETE", "/meetings/m1/participants/bob");
        EventReceiver.Received gone = app.next(WAIT);
        assertThat(gone).as("bob left: alice's slots are asked for again").isNotNull();
        assertThat(NodeEvents.decode(gone.body().getBytes())).isEqualTo(new RenegotiationNeeded("m1", "alice", 0, 0));
        assertThat(json(send("GET", "/node")).path("eventsDropped").asLong()).isZero();
    }

    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return send(method, path, null);
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, "Bearer " + SECRET);
    }

    HttpResponse<String> send(String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.controlAddress().getPort() + path))
                .timeout(WAIT)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return ControlJson.MAPPER.readTree(response.body());
    }
}
