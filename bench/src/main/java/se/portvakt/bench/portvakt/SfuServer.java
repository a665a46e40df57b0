package se.portvakt.bench.portvakt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.Sfus;
import se.portvakt.sfu.srtp.SrtpSession;

/**
 * Portvakt's SFU alone in its own JVM, as the benchmark measures it: {@link Sfus#start} on 127.0.0.1 and a minimal
 * local HTTP signaling endpoint that calls {@link Sfu#negotiate}. It bypasses the app's login and waiting room,
 * which the forwarding numbers do not depend on.
 *
 * <pre>
 * POST   /meeting/{id}                          create the room
 * DELETE /meeting/{id}                          close it
 * POST   /meeting/{id}/{participant}?sources=0:microphone,1:camera   body: the SDP offer; answer: the SDP answer
 * GET    /totals                                the SFU's totals
 * </pre>
 *
 * The SFU runs as production does, a packet loop per core ({@code SfuSettings.of}: {@code ShardedSfu} with more than
 * one), each meeting whole on one loop. Prints {@code PORTVAKT-SFU http=<port> udp=<first loop's port> loops=<n>} once
 * ready.
 */
public final class SfuServer {
    private SfuServer() {}

    public static void main(String[] args) throws IOException {
        SrtpSession.warmUp(); // before "ready": jitsi-srtp's provider benchmark must not land in a measurement
        Sfu sfu = Sfus.start(new InetSocketAddress("127.0.0.1", 0), null, Clock.systemUTC());
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.createContext("/meeting/", exchange -> handle(sfu, exchange));
        http.createContext("/totals", exchange -> {
            SfuTotals t = sfu.totals();
            respond(exchange, 200, t.toString());
        });
        http.start();
        System.out.println("PORTVAKT-SFU http=" + http.getAddress().getPort() + " udp="
                + sfu.localAddress().getPort() + " loops="
                + sfu.localAddresses().size());
        System.out.flush();
    }

    private static void handle(Sfu sfu, HttpExchange exchange) throws IOException {
        try {
            String[] path = exchange.getRequestURI()
                    .getPath()
                    .substring("/meeting/".length())
                    .split("/");
            String method = exchange.getRequestMethod();
            if (path.length == 1 && method.equals("POST")) {
                sfu.createMeeting(path[0]);
                respond(exchange, 200, "");
            } else if (path.length == 1 && method.equals("DELETE")) {
                sfu.closeMeeting(path[0]);
                respond(exchange, 200, "");
            } else if (path.length == 2 && method.equals("POST")) {
                String offer = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                ParticipantAnswer answer = sfu.negotiate(path[0], path[1], offer, sources(exchange));
                respond(exchange, 200, answer.answerSdp());
            } else {
                respond(exchange, 404, "no such resource");
            }
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            respond(exchange, 500, e.toString());
        }
    }

    private static Map<String, String> sources(HttpExchange exchange) {
        Map<String, String> sources = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("sources=")) {
            for (String pair : URLDecoder.decode(query.substring(8), StandardCharsets.UTF_8)
                    .split(",")) {
                String[] kv = pair.split(":", 2);
                if (kv.length == 2) {
                    sources.put(kv[0], kv[1]);
                }
            }
        }
        return sources;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
