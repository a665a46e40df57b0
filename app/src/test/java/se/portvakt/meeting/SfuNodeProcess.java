package se.portvakt.meeting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.portvakt.sfu.node.ControlJson;
import se.portvakt.sfu.node.NodeStatus;

/**
 * An SFU node as a process of its own ({@code se.portvakt.sfu.node.SfuNode}, started with this JVM's class path), on
 * free ports on 127.0.0.1; destroyed by {@link #close}. Its output is kept, for a failing test to show.
 */
final class SfuNodeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("SFU node ready: control=([^ ]+):(\\d+) udp=([^ ]+):(\\d+)");
    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final int controlPort;
    private final String secret;

    private SfuNodeProcess(String secret, String eventsUrl) {
        this.secret = secret;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            process = new ProcessBuilder(List.of(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            "-Dportvakt.sfu.secret=" + secret,
                            "-Dportvakt.sfu.events-url=" + eventsUrl,
                            "-Dportvakt.sfu.udp-port=0",
                            "-Dportvakt.sfu.tcp-port=0",
                            "-Dportvakt.sfu.control-port=0",
                            "se.portvakt.sfu.node.SfuNode"))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(ready), "sfu-node-output");
        reader.setDaemon(true);
        reader.start();
        try {
            controlPort = ready.get(START.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the SFU node did not start; it said:\n" + output, e);
        }
    }

    static SfuNodeProcess start(String secret, String eventsUrl) {
        return new SfuNodeProcess(secret, eventsUrl);
    }

    String controlUrl() {
        return "http://127.0.0.1:" + controlPort;
    }

    /** What {@code GET /node} answers now. */
    NodeStatus status() throws IOException, InterruptedException {
        return status(controlUrl(), secret);
    }

    /** What {@code GET /node} answers now, of the node at {@code controlUrl}. */
    static NodeStatus status(String controlUrl, String secret) throws IOException, InterruptedException {
        return ControlJson.MAPPER.readValue(call(controlUrl, secret, "GET", "/node", null, 200), NodeStatus.class);
    }

    /**
     * Answers one offer in a meeting of its own and closes it: the node's first offer loads its classes and keys
     * (seconds on a loaded machine), which a test's answer should not have to wait for.
     */
    void warmUp(String offerSdp) throws IOException, InterruptedException {
        call("PUT", "/meetings/warm-up", null, 204);
        call(
                "POST",
                "/meetings/warm-up/participants/p/offer",
                ControlJson.MAPPER.writeValueAsString(java.util.Map.of("offerSdp", offerSdp)),
                200);
        call("DELETE", "/meetings/warm-up", null, 204);
    }

    private String call(String method, String path, String body, int expected)
            throws IOException, InterruptedException {
        return call(controlUrl(), secret, method, path, body, expected);
    }

    /** One call of a node's control API (docs/sfu-control.md); anything but {@code expected} fails the test. */
    static String call(String controlUrl, String secret, String method, String path, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(controlUrl + path))
                                .header("Authorization", "Bearer " + secret)
                                .method(
                                        method,
                                        body == null
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    String output() {
        return output.toString();
    }

    /** {@code kill -9}: the node ends at once, closing nothing and telling no one. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void read(CompletableFuture<Integer> ready) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                Matcher matcher = READY.matcher(line);
                if (matcher.find()) {
                    ready.complete(Integer.parseInt(matcher.group(2)));
                }
            }
            ready.completeExceptionally(new IllegalStateException("the SFU node's output ended"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }
}
