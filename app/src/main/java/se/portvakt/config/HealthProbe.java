package se.portvakt.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's health check: the image has no shell or curl, only Java. Exits 0 when the node is ready
 * (readiness on the management port, loopback), 1 otherwise. Usage:
 * {@code java -cp /app/classes se.portvakt.config.HealthProbe [url]}.
 */
public final class HealthProbe {

    static final String READINESS = "http://127.0.0.1:8081/actuator/health/readiness";

    private HealthProbe() {}

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : READINESS;
        try {
            HttpResponse<Void> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(3))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("not ready: " + e);
            System.exit(1);
        }
    }
}
