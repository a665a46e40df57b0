package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.followUp;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.portvakt.Fixtures;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With a gateway configured, SMS invitations reach it over HTTP with the bearer token. */
@IntegrationTest
class SmsGatewayIT {

    static final TestSmsGateway GATEWAY = TestSmsGateway.start();
    static final String TOKEN = "test-token-" + TestBookings.unique();

    // this class's own context: the shared one has no gateway
    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("portvakt.invitation.sms.gateway-url", () -> GATEWAY.url().toString());
        registry.add("portvakt.invitation.sms.token", () -> TOKEN);
        registry.add("portvakt.invitation.sms.sender", () -> "Testkommun");
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestBookings bookings;

    @Autowired
    OutboxWorker worker;

    @Autowired
    InvitationDeliveries deliveries;

    @Autowired
    Clock clock;

    @Test
    void theInvitationReachesTheGatewayWithTheTokenAndThePersonalLink() {
        InviteeRequest anna = TestBookings.guest("Anna Andersson", true);
        Booked booked =
                bookings.book(followUp(fixtures.tenant()).title("Uppföljning").invitees(anna));

        worker.deliverDue();

        List<JsonNode> sent = sentTo(anna.mobile());
        assertThat(sent).singleElement().satisfies(json -> {
            assertThat(json.get("from").asString()).isEqualTo("Testkommun");
            assertThat(json.get("message").asString())
                    .startsWith("Portvakt: Vera Värd")
                    .contains("/m/");
        });
        assertThat(GATEWAY.requests())
                .filteredOn(request -> request.body().contains(anna.mobile()))
                .singleElement()
                .satisfies(request -> {
                    assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
                    assertThat(request.idempotencyKey()).startsWith("<").endsWith(">");
                });
        assertThat(deliveries.forMeeting(booked.id()))
                .extracting(Delivery::channel, Delivery::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("EMAIL", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("SMS", "SENT"));
    }

    @Test
    void aCancellationIsToldBySmsToo() {
        InviteeRequest anna = TestBookings.guest("Anna Andersson", true);
        Booked booked = bookings.book(
                followUp(fixtures.tenant()).title("Uppföljning").language("en").invitees(anna));
        worker.deliverDue();

        bookings.cancel(booked);
        worker.deliverDue();

        assertThat(sentTo(anna.mobile()))
                .hasSize(2)
                .last()
                .satisfies(json -> assertThat(json.get("message").asString())
                        .startsWith("Portvakt: Cancelled: ")
                        .doesNotContain("/m/"));
    }

    @Test
    void aGatewayErrorIsRetriedLater() {
        InviteeRequest anna = TestBookings.guest("Anna Andersson", true);
        GATEWAY.answer(500);
        try {
            Booked booked = bookings.book(
                    followUp(fixtures.tenant()).title("Uppföljning").invitees(anna));
            worker.deliverDue();

            assertThat(deliveries.forMeeting(booked.id()))
                    .filteredOn(delivery -> delivery.channel().equals("SMS"))
                    .singleElement()
                    .satisfies(delivery -> assertThat(delivery.status()).isEqualTo("PENDING"));
            assertThat(sentTo(anna.mobile())).isEmpty();
        } finally {
            GATEWAY.answer(202);
        }
    }

    private static List<JsonNode> sentTo(String mobile) {
        return GATEWAY.requests().stream()
                .map(request -> JsonMapper.shared().readTree(request.body()))
                .filter(json -> json.get("to").asString().equals(mobile))
                .toList();
    }
}
