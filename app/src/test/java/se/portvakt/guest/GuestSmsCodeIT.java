package se.portvakt.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.followUp;
import static se.portvakt.booking.TestBookings.invitee;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.Fixtures;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.TestBookings.Booked;
import se.portvakt.guest.GuestBrowser.Page;
import se.portvakt.invitation.OutboxWorker;
import tools.jackson.databind.json.JsonMapper;

/**
 * LOA2 by SMS code, end to end, with a real HTTP server standing in for the SMS gateway (configured,
 * so SMS is on in both the H2 and the PostgreSQL run). This class has its own application context.
 */
@IntegrationTest
class GuestSmsCodeIT {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static final HttpServer GATEWAY = gateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add(
                "portvakt.invitation.sms.gateway-url",
                () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/sms");
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop(0);
    }

    @Autowired
    TestBookings bookings;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OutboxWorker outbox;

    @Test
    void aGuestIdentifiesWithTheCodeSentBySms() {
        String mobile = "+4670" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        Booked meeting = bookings.book(followUp(fixtures.tenant()).invitees(invitee("Anna Andersson", null, mobile)));
        GuestBrowser guest = new GuestBrowser(context);
        String typed = "0" + mobile.substring(3, 5) + "-" + mobile.substring(5, 8) + " " + mobile.substring(8);

        Page sent = guest.post(meeting.path(0, "contact"), "contact", typed);
        GuestMail.deliverAll(outbox);

        assertThat(sent.location()).isEqualTo(meeting.path(0, "code") + "?sent");
        List<String> texts = smsTo(mobile);
        assertThat(texts).hasSize(2).last().asString().startsWith("Portvakt: Din engångskod är ");
        String code = GuestMail.codeIn(texts.get(1));
        assertThat(texts.get(1)).endsWith("#" + code);
        Page identified = guest.post(meeting.path(0, "code"), "code", code);
        assertThat(identified.location()).isEqualTo(meeting.path(0, "info"));
        assertThat(guest.get(meeting.path(0, "info")).body()).contains("engångskod via sms", "tillitsnivå 2");
    }

    /** The messages sent to one number, oldest first (the invitation, then codes). */
    static List<String> smsTo(String mobile) {
        return RECEIVED.stream()
                .map(body -> JsonMapper.shared().readTree(body))
                .filter(json -> json.get("to").asString().equals(mobile))
                .map(json -> json.get("message").asString())
                .toList();
    }

    static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/sms", exchange -> {
                try (exchange) {
                    RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    byte[] answer = "{\"id\":\"gw\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(202, answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
