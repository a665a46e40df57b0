package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SmsGatewayCourierTest {

    private final TestSmsGateway gateway = TestSmsGateway.start();

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void postsTheContractsJsonWithTheBearerToken() throws Exception {
        SmsGatewayCourier courier =
                new SmsGatewayCourier(new InvitationProperties.Sms(gateway.url(), "s3cret", "Kommunen"));

        assertThat(courier.deliver(sms("<id-1@portvakt.example.se>"))).isEqualTo(Route.SMS_GATEWAY);

        TestSmsGateway.Request request = gateway.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.authorization()).isEqualTo("Bearer s3cret");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.idempotencyKey()).isEqualTo("<id-1@portvakt.example.se>");
        JsonNode json = JsonMapper.shared().readTree(request.body());
        assertThat(json.get("to").asString()).isEqualTo("+46701234567");
        assertThat(json.get("from").asString()).isEqualTo("Kommunen");
        assertThat(json.get("message").asString()).isEqualTo("Portvakt: hej åäö \"citat\"");
    }

    @Test
    void anythingButTwoHundredSomethingIsAFailure() {
        gateway.answer(503);
        SmsGatewayCourier courier = new SmsGatewayCourier(new InvitationProperties.Sms(gateway.url(), "s3cret", "P"));

        assertThatThrownBy(() -> courier.deliver(sms("<id-2@portvakt.example.se>")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void aGatewayThatIsDownIsAFailure() {
        URI nowhere = gateway.url();
        gateway.stop();
        SmsGatewayCourier courier = new SmsGatewayCourier(new InvitationProperties.Sms(nowhere, null, "P"));

        assertThatThrownBy(() -> courier.deliver(sms("<id-3@portvakt.example.se>")))
                .isInstanceOf(IOException.class);
    }

    static OutboxMessage sms(String messageId) {
        return new OutboxMessage(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Channel.SMS,
                "+46701234567",
                null,
                "Portvakt: hej åäö \"citat\"",
                null,
                null,
                messageId,
                OutboxStatus.SENDING,
                1,
                Instant.now(),
                null,
                null,
                Instant.now(),
                null);
    }
}
