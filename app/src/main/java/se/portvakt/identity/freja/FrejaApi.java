package se.portvakt.identity.freja;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Freja eID's authentication REST API (version 1.0): every call is a POST whose form body holds one field,
 * base64 of a JSON object. Knows the wire format only; what the answers mean is {@link FrejaProvider}'s job.
 */
class FrejaApi {

    private static final String PATH = "/authentication/1.0/";

    private final HttpClient http;
    private final Supplier<URI> baseUrl;
    private final Duration requestTimeout;
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param baseUrl resolved at each call: the simulator's port is only known once the web server runs */
    FrejaApi(HttpClient http, Supplier<URI> baseUrl, Duration requestTimeout) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
    }

    /** Starts an authentication; returns Freja's authRef. */
    String initAuthentication(InitAuthRequest request) {
        JsonNode answer = call("initAuthentication", "initAuthRequest", request);
        String authRef = answer.path("authRef").asString("");
        if (authRef.isEmpty()) {
            throw new FrejaApiException(200, 0, "Freja eID answered initAuthentication without an authRef", null);
        }
        return authRef;
    }

    /** Where the authentication stands; {@code details} (the signed JWS) is null until Freja has one. */
    AuthResult getOneResult(String authRef) {
        JsonNode answer = call("getOneResult", "getOneAuthResultRequest", Map.of("authRef", authRef));
        String details = answer.path("details").asString(null);
        return new AuthResult(
                answer.path("authRef").asString(""), answer.path("status").asString(""), details);
    }

    void cancel(String authRef) {
        call("cancel", "cancelAuthRequest", Map.of("authRef", authRef));
    }

    private JsonNode call(String operation, String field, Object body) {
        String encoded = Base64.getEncoder().encodeToString(json.writeValueAsBytes(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.get().toString() + PATH + operation))
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        field + "=" + URLEncoder.encode(encoded, StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FrejaApiException(0, 0, "Freja eID " + operation + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FrejaApiException(0, 0, "Interrupted while calling Freja eID " + operation, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new FrejaApiException(
                    response.statusCode(),
                    answer.path("code").asInt(0),
                    "Freja eID " + operation + " answered HTTP " + response.statusCode() + ": "
                            + answer.path("code").asInt(0) + " "
                            + answer.path("message").asString(""),
                    null);
        }
        return answer;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return json.createObjectNode(); // an HTML error page from a proxy: the status code says enough
        }
    }

    /** The JSON inside {@code initAuthRequest}. */
    record InitAuthRequest(
            String userInfoType, String userInfo, String minRegistrationLevel, List<Attribute> attributesToReturn) {}

    record Attribute(String attribute) {}

    /** getOneResult's answer; its {@code status} is unsigned and only trusted to mean "not yet" or "failed". */
    record AuthResult(String authRef, String status, String details) {}
}
