package se.portvakt.invitation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server standing in for the SMS gateway: it records what it is sent and answers as told. */
final class TestSmsGateway {

    /** One request as the gateway saw it. */
    record Request(String method, String authorization, String contentType, String idempotencyKey, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 202;

    private TestSmsGateway(HttpServer server) {
        this.server = server;
    }

    static TestSmsGateway start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestSmsGateway gateway = new TestSmsGateway(server);
            server.createContext("/sms", gateway::handle);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void answer(int status) {
        this.status = status;
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status;
            if (answer / 100 == 2) {
                requests.add(new Request(
                        exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        body));
            }
            byte[] response = "{\"id\":\"gw-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, response.length);
            exchange.getResponseBody().write(response);
        }
    }
}
