package se.portvakt.booking.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A system calling the booking API over real HTTP, as a journal system would: one API key, JSON in and out. */
final class BookingApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String apiKey;

    BookingApiClient(int port, String apiKey) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.apiKey = apiKey;
    }

    /** What came back; {@code body} is the parsed JSON, or null when the body is not JSON. */
    record Reply(int status, HttpHeaders headers, String raw, byte[] bytes) {

        JsonNode body() {
            return raw.isEmpty() ? null : JSON.readTree(raw);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The first error's field, code or message, for a problem response. */
        String error(int index, String part) {
            return body().path("errors").path(index).path(part).asString();
        }

        List<String> errorFields() {
            return body().path("errors")
                    .valueStream()
                    .map(error -> error.path("field").asString())
                    .toList();
        }
    }

    Reply get(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), null, headers);
    }

    Reply delete(String path) {
        return send("DELETE", path, BodyPublishers.noBody(), null);
    }

    Reply post(String path, Object body, String... headers) {
        return send("POST", path, BodyPublishers.ofString(json(body)), "application/json", headers);
    }

    Reply put(String path, Object body, String... headers) {
        return send("PUT", path, BodyPublishers.ofString(json(body)), "application/json", headers);
    }

    /** A body sent as it is, with the content type given. */
    Reply send(String method, String path, String contentType, String body) {
        return send(method, path, BodyPublishers.ofString(body), contentType);
    }

    /** A multipart/form-data upload of one part named {@code file}. */
    Reply upload(String path, String fileName, byte[] content) {
        String boundary = "portvakt-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(
                "POST",
                path,
                BodyPublishers.ofByteArrays(List.of(head, content, tail)),
                "multipart/form-data; boundary=" + boundary);
    }

    /** A body is a Map (written as JSON) or a String (sent as it is, to send what a Map cannot). */
    private static String json(Object body) {
        return body instanceof String raw ? raw : JSON.writeValueAsString(body);
    }

    private Reply send(String method, String path, BodyPublisher body, String contentType, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, body);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = HTTP.send(request.build(), BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            String raw = type.contains("json") ? new String(response.body(), StandardCharsets.UTF_8) : "";
            return new Reply(response.statusCode(), response.headers(), raw, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> mapOf(Object... keysAndValues) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
