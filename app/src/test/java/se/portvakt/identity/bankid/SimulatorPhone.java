package se.portvakt.identity.bankid;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import se.portvakt.identity.bankid.simulator.BankIdSimulatorApi;
import se.portvakt.identity.bankid.simulator.BankIdSimulatorTestApi;
import tools.jackson.databind.json.JsonMapper;

/** The tests' hand on the simulated phone: the simulator's JSON test API, over real HTTP. */
record SimulatorPhone(int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Answer of the test API: HTTP status and JSON body. */
    record Answer(int status, Map<String, Object> body) {}

    Answer open(String handle, String value) {
        return post("open", Map.of(handle, value));
    }

    Answer approve(String handle, String value, String personalNumber) {
        return post("approve", Map.of(handle, value, "personalNumber", personalNumber));
    }

    Answer fail(String handle, String value, String hintCode) {
        return post("fail", Map.of(handle, value, "hintCode", hintCode));
    }

    /** A raw call of the simulator's RP API, e.g. to see its error bodies. */
    Answer rpApi(String call, Map<String, Object> body) {
        return send(BankIdSimulatorApi.PATH + "/" + call, body);
    }

    URI rpApiUrl() {
        return URI.create("http://127.0.0.1:" + port + BankIdSimulatorApi.PATH);
    }

    private Answer post(String action, Map<String, Object> body) {
        return send(BankIdSimulatorTestApi.PATH + "/" + action, new LinkedHashMap<>(body));
    }

    @SuppressWarnings("unchecked")
    private Answer send(String path, Map<String, Object> body) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    JsonMapper.shared().writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JsonMapper.shared().readValue(response.body(), Map.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
