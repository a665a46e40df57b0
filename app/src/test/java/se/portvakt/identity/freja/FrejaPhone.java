package se.portvakt.identity.freja;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import se.portvakt.identity.freja.simulator.FrejaSimulatorForgery;
import tools.jackson.databind.json.JsonMapper;

/** Plays the Freja eID app in tests through the simulator's test endpoints, as a browser test would. */
record FrejaPhone(int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Approves the transaction behind our app link as the given test person; returns the HTTP status. */
    int approve(String link, String ssn) {
        return approve(link, ssn, null);
    }

    int approve(String link, String ssn, FrejaSimulatorForgery forgery) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("link", link);
        body.put("ssn", ssn);
        if (forgery != null) {
            body.put("forgery", forgery.name());
        }
        return post("approve", body);
    }

    int reject(String link) {
        return post("reject", Map.of("link", link));
    }

    int cancel(String link) {
        return post("cancel", Map.of("link", link));
    }

    int expire(String link) {
        return post("expire", Map.of("link", link));
    }

    private int post(String action, Map<String, Object> body) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/simulator/freja/api/test/" + action))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
