package se.portvakt.identity.bankid;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import se.portvakt.identity.bankid.BankIdJson.AuthRequest;
import se.portvakt.identity.bankid.BankIdJson.AuthResponse;
import se.portvakt.identity.bankid.BankIdJson.CollectResponse;
import se.portvakt.identity.bankid.BankIdJson.ErrorBody;
import se.portvakt.identity.bankid.BankIdJson.OrderRef;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of BankID's RP API v6.0: {@code POST /auth}, {@code /collect} and {@code /cancel} with JSON bodies.
 * Refusals come back as {@link BankIdException} carrying BankID's errorCode. Thread-safe; one per node.
 */
class BankIdClient {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient http;
    private final Supplier<URI> baseUrl;
    private final Duration requestTimeout;

    /**
     * @param baseUrl e.g. https://appapi2.test.bankid.com/rp/v6.0
     * @param tls the mutual TLS set-up ({@link BankIdTls}); null for plain HTTP to the local simulator
     */
    BankIdClient(URI baseUrl, SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        this(() -> baseUrl, tls, connectTimeout, requestTimeout);
    }

    /**
     * @param baseUrl asked at every call: the built-in simulator's port is known only once the server has started
     */
    BankIdClient(Supplier<URI> baseUrl, SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                // BankID speaks HTTP/1.1; plain HTTP/2 upgrade attempts only confuse the simulator's server
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
    }

    URI baseUrl() {
        return baseUrl.get();
    }

    AuthResponse auth(AuthRequest request) {
        return post("/auth", request, AuthResponse.class);
    }

    CollectResponse collect(String orderRef) {
        return post("/collect", new OrderRef(orderRef), CollectResponse.class);
    }

    void cancel(String orderRef) {
        post("/cancel", new OrderRef(orderRef), null);
    }

    private <T> T post(String path, Object body, Class<T> answer) {
        HttpRequest request = HttpRequest.newBuilder(endpoint(path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new BankIdException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BankIdException(path, e);
        }
        if (response.statusCode() != 200) {
            ErrorBody error = errorBody(response.body());
            throw new BankIdException(response.statusCode(), error.errorCode(), error.details());
        }
        if (answer == null) {
            return null;
        }
        try {
            return JSON.readValue(response.body(), answer);
        } catch (JacksonException e) {
            throw new BankIdException(200, null, "unreadable answer to " + path + ": " + e.getOriginalMessage());
        }
    }

    private URI endpoint(String path) {
        String base = baseUrl.get().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** BankID's {errorCode, details}; a proxy's HTML error page yields neither, and the status decides. */
    private static ErrorBody errorBody(byte[] body) {
        try {
            ErrorBody error = JSON.readValue(body, ErrorBody.class);
            return error == null ? new ErrorBody(null, null) : error;
        } catch (JacksonException e) {
            return new ErrorBody(null, null);
        }
    }
}
