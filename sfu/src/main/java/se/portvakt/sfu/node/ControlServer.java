package se.portvakt.sfu.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import se.portvakt.sfu.sdp.SdpParseException;
import tools.jackson.core.JacksonException;

/**
 * The control API over HTTP/1.1 (the JDK's server): checks the bearer secret before anything else, bounds the
 * body, hands the request to {@link ControlRoutes} and writes its reply, or an error as {@code {"error": "..."}}:
 * 401 without the secret, 404/405 for unknown paths and methods, 413 for a body over {@link #MAX_BODY}, 400 for
 * what the SFU refuses (unknown room, unusable offer) or JSON it cannot read, 500 otherwise.
 */
final class ControlServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ControlServer.class.getName());

    /** An SDP offer is at most tens of KiB (the app takes 60 000 characters). */
    static final int MAX_BODY = 256 * 1024;

    /** A refused body is read and thrown away up to this much; a client sending more has its connection reset. */
    private static final long MAX_DRAIN = 4L * 1024 * 1024;

    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService threads;
    private final BearerSecret secret;
    private final ControlRoutes routes;

    private ControlServer(HttpServer server, BearerSecret secret, ControlRoutes routes) {
        this.server = server;
        this.secret = secret;
        this.routes = routes;
        this.threads = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "sfu-node-control");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    static ControlServer start(InetSocketAddress bind, BearerSecret secret, ControlRoutes routes) {
        try {
            ControlServer control = new ControlServer(HttpServer.create(bind, 64), secret, routes);
            control.server.start();
            return control;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind, e);
        }
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!secret.matches(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                error(exchange, 401, "unauthorized");
                return;
            }
            String method = exchange.getRequestMethod();
            ControlRoutes.Reply reply = routes.handle(method, segments(exchange), () -> body(exchange, method));
            reply(exchange, reply.status(), reply.body());
        } catch (TooLarge e) {
            drain(exchange);
            error(exchange, 413, "body over " + MAX_BODY + " bytes");
        } catch (ControlRoutes.NoRoute e) {
            if (e.allowed != null) {
                exchange.getResponseHeaders().set("Allow", e.allowed);
            }
            error(exchange, e.allowed == null ? 404 : 405, e.getMessage());
        } catch (IllegalArgumentException | SdpParseException e) {
            // an unknown room or an unusable offer (the SDP parser's own exception: malformed SDP)
            error(exchange, 400, e.getMessage() == null ? "bad request" : e.getMessage());
        } catch (JacksonException e) {
            error(exchange, 400, "unreadable JSON");
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "control request " + exchange.getRequestURI().getRawPath(),
                    e);
            error(exchange, 500, "internal error");
        } finally {
            exchange.close();
        }
    }

    private static List<String> segments(HttpExchange exchange) {
        return Arrays.stream(exchange.getRequestURI().getRawPath().split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
    }

    private static byte[] body(HttpExchange exchange, String method) {
        if (!ControlRoutes.hasBody(method)) {
            return new byte[0];
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && parsedLength(length) > MAX_BODY) {
            throw new TooLarge();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new TooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads what is left of a refused body (up to {@link #MAX_DRAIN}), so that closing the connection with unread
     * bytes does not reset it before the client has read the 413.
     */
    private static void drain(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            long read = 0;
            for (int n = 0; n >= 0 && read < MAX_DRAIN; n = in.read(buffer)) {
                read += n;
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    private static long parsedLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad Content-Length");
        }
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] json = ControlJson.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        // closed before the exchange, which drains (or gives up on) an unread request body first
        try (var out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        reply(exchange, status, Map.of("error", message));
    }

    /** The body is over {@link #MAX_BODY}. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
