package se.portvakt.identity.freja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.IntegrationTest;
import se.portvakt.identity.EidProvider.EidOrder;
import se.portvakt.identity.EidProvider.EidProgress.Status;
import se.portvakt.identity.EidProvider.EidStart;
import se.portvakt.identity.freja.simulator.FrejaSimulatorKeys;
import se.portvakt.person.PinVault;

/**
 * How the provider meets a misbehaving Freja: a 5xx or an unreachable host during a poll keeps the order
 * pending for the next poll; a 4xx ends it with the technical-error message; a failed start is an exception.
 */
@IntegrationTest
class FrejaFaultsIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PinVault vault;

    @Autowired
    Clock clock;

    private HttpServer server;
    private final AtomicReference<String> nextStatus = new AtomicReference<>("200");
    private final AtomicInteger polls = new AtomicInteger();
    private FrejaProvider provider;

    @BeforeEach
    void startStub() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/authentication/1.0/initAuthentication",
                exchange -> answer(
                        exchange,
                        nextStatus.get().equals("200") ? 200 : 422,
                        nextStatus.get().equals("200")
                                ? "{\"authRef\":\"stub-" + System.nanoTime() + "\"}"
                                : "{\"code\":1008,\"message\":\"Unknown relying party.\"}"));
        server.createContext("/authentication/1.0/getOneResult", exchange -> {
            polls.incrementAndGet();
            switch (nextStatus.get()) {
                case "503" -> answer(exchange, 503, "<html>maintenance</html>");
                case "422" -> answer(exchange, 422, "{\"code\":1100,\"message\":\"Invalid reference.\"}");
                default -> answer(exchange, 200, "{\"authRef\":\"x\",\"status\":\"STARTED\"}");
            }
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        FrejaApi api = new FrejaApi(HttpClient.newHttpClient(), () -> base, Duration.ofSeconds(5));
        provider = new FrejaProvider(
                api,
                new FrejaResultVerifier(new FrejaSimulatorKeys().certificate()),
                new FrejaOrders(jdbc, vault, clock, Duration.ofMinutes(15), false),
                false);
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void aServerErrorWhilePollingKeepsTheOrderPendingAndAClientErrorEndsIt() {
        EidOrder order = provider.start(new EidStart("192.0.2.1", null, "x"));
        nextStatus.set("503");
        assertThat(provider.poll(order.orderRef()).status()).isEqualTo(Status.PENDING);
        nextStatus.set("200");
        assertThat(provider.poll(order.orderRef()).status()).isEqualTo(Status.PENDING);
        nextStatus.set("422");
        assertThat(provider.poll(order.orderRef()).messageKey()).isEqualTo(FrejaMessages.TECHNICAL_ERROR);
        int pollsSoFar = polls.get();
        nextStatus.set("200");
        assertThat(provider.poll(order.orderRef()).status()).isEqualTo(Status.FAILED); // ended: answered from the table
        assertThat(polls.get()).isEqualTo(pollsSoFar);
    }

    @Test
    void anUnreachableFrejaKeepsAPollPending() {
        EidOrder order = provider.start(new EidStart("192.0.2.1", null, "x"));
        server.stop(0);
        assertThat(provider.poll(order.orderRef()).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void aRefusedStartIsAnException() {
        nextStatus.set("422");
        assertThatThrownBy(() -> provider.start(new EidStart("192.0.2.1", null, "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1008");
    }
}
