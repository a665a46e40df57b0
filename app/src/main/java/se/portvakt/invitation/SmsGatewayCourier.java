package se.portvakt.invitation;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** Sends SMS through an HTTP gateway; the contract is in docs/sms-gateway.md. */
final class SmsGatewayCourier implements Courier {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The request body. */
    record SmsRequest(String to, String from, String message) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI gatewayUrl;
    private final String token;
    private final String sender;

    SmsGatewayCourier(InvitationProperties.Sms settings) {
        this.gatewayUrl = settings.gatewayUrl();
        this.token = settings.token();
        this.sender = settings.sender();
    }

    @Override
    public Route deliver(OutboxMessage message) throws IOException {
        String body =
                JsonMapper.shared().writeValueAsString(new SmsRequest(message.recipient(), sender, message.bodyText()));
        HttpRequest.Builder request = HttpRequest.newBuilder(gatewayUrl)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                // the same on every attempt, so a gateway that keeps it can drop a resend (see docs)
                .header("Idempotency-Key", message.messageId())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while sending an SMS");
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    "SMS gateway answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return Route.SMS_GATEWAY;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
