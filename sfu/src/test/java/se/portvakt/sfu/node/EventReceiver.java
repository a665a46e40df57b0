package se.portvakt.sfu.node;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's events endpoint as a test stands it up: records each event POSTed, and fails the first few; heartbeats
 * are kept apart (always accepted, not counted), as they come every second whatever a test does.
 */
final class EventReceiver implements AutoCloseable {

    /** One POST as it arrived. */
    record Received(String authorization, String body) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Received> heartbeats = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    EventReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/sfu/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("\"type\":\"nodeAlive\"")) {
                heartbeats.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            requests.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/internal/sfu/events");
    }

    /** The next {@code count} POSTs are answered 503. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    /** POSTs answered so far, failed ones included. */
    int requests() {
        return requests.get();
    }

    /** The next event accepted, or null after {@code wait}. */
    Received next(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next heartbeat, or null after {@code wait}. */
    Received heartbeat(Duration wait) throws InterruptedException {
        return heartbeats.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
