package se.portvakt.sfu.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * POSTs the node's {@link NodeAlive} to the app's events URL every {@code interval}, from a thread of its own and
 * apart from the events' queue: a heartbeat must not wait behind an event being retried, and one that fails is
 * never tried again (the next one follows). The first failure after a success is logged, not each one.
 */
final class Heartbeat implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());

    private final URI target;
    private final BearerSecret secret;
    private final byte[] body;
    private final Duration interval;
    private final HttpClient http;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sfu-node-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private boolean failing;

    Heartbeat(URI target, BearerSecret secret, URI controlUrl, Duration interval) {
        this.target = target;
        this.secret = secret;
        this.body = NodeEvents.encode(new NodeAlive(controlUrl.toString()));
        this.interval = interval;
        this.http = HttpClient.newBuilder().connectTimeout(interval).build();
        timer.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void beat() {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(interval)
                .header("Authorization", secret.header())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        String failure;
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            failure = status / 100 == 2 ? null : "status " + status;
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failure != null && !failing) {
            LOG.log(System.Logger.Level.WARNING, "heartbeat to " + target + " failed (" + failure + "); trying on");
        }
        failing = failure != null;
    }
}
