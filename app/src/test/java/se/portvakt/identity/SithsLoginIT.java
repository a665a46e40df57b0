package se.portvakt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.portvakt.CookieJar;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.TestSithsCards;
import se.portvakt.WebSession;
import se.portvakt.booking.TestBookings;
import se.portvakt.organisation.StaffDirectory;
import se.portvakt.organisation.StaffUser;

/**
 * Staff sign in with a SITHS card of a CA the tests make (TestSithsCards): over real mutual TLS on Portvakt's own
 * card connector, and as a reverse proxy's header, believed from the trusted proxy's address only.
 */
@IntegrationTest
class SithsLoginIT {

    /**
     * Only this test's context opens the card connector: on one fixed port in every cached context, the second
     * context to start would find the port taken.
     */
    @DynamicPropertySource
    static void cardConnector(DynamicPropertyRegistry registry) {
        registry.add("portvakt.siths.https-port", () -> TestSithsCards.HTTPS_PORT);
    }

    @Autowired
    Fixtures fixtures;

    @Autowired
    StaffDirectory staff;

    @Autowired
    TestBookings bookings;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void aValidCardOnTheOwnConnectorSignsInTheHostWithItsHsaIdAndNoOtherOrganisationsMeeting() {
        Tenant tenant = fixtures.tenant();
        StaffUser host = hostWithHsaId(tenant);
        CardBrowser browser =
                CardBrowser.onConnector(TestSithsCards.card(hsaIdOf(host)).tls());

        assertThat(browser.signIn()).isEqualTo("/");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(audited("login.siths", tenant.organisation().id().value()))
                .singleElement()
                .asString()
                .contains("CONNECTOR");

        Tenant other = fixtures.tenant();
        UUID othersMeeting = bookings.book(TestBookings.followUp(other)).id();
        assertThat(browser.get("/meetings/" + othersMeeting + "/room").statusCode())
                .isIn(403, 404);
        assertThat(browser.get("/meetings/" + othersMeeting + "/edit").statusCode())
                .isIn(403, 404);
    }

    @Test
    void anExpiredCardIsRefused() {
        StaffUser host = hostWithHsaId(fixtures.tenant());
        CardBrowser browser = CardBrowser.onConnector(
                TestSithsCards.expiredCard(hsaIdOf(host)).tls());

        assertThat(browser.signIn()).isEqualTo("/login?siths=invalid");
        assertThat(browser.loggedIn()).isFalse();
        assertThat(refusals()).anySatisfy(detail -> assertThat(detail).contains("EXPIRED"));
    }

    @Test
    void aCardOfAnotherCaWithTheSameNameIsRefused() {
        StaffUser host = hostWithHsaId(fixtures.tenant());
        CardBrowser browser = CardBrowser.onConnector(
                TestSithsCards.cardOfWrongCa(hsaIdOf(host)).tls());

        assertThat(browser.signIn()).isEqualTo("/login?siths=invalid");
        assertThat(browser.loggedIn()).isFalse();
        assertThat(refusals())
                .anySatisfy(detail -> assertThat(detail).contains("UNTRUSTED").contains("CONNECTOR"));
    }

    @Test
    void aValidCardWithAnUnknownHsaIdIsRefusedAndCreatesNoAccount() {
        String unknown = newHsaId();
        int accounts = accounts();
        CardBrowser browser =
                CardBrowser.onConnector(TestSithsCards.card(unknown).tls());

        assertThat(browser.signIn()).isEqualTo("/login?siths=unknown");
        assertThat(browser.loggedIn()).isFalse();
        assertThat(accounts()).isEqualTo(accounts);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'login.siths.refused' and personal like ?")
                        .param("%" + unknown + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(browser.get("/login?siths=unknown").body()).contains("HSA");
    }

    @Test
    void noCardIsRefusedWithAMessageSayingSo() {
        CardBrowser browser = CardBrowser.onConnector(TestSithsCards.withoutCard());

        assertThat(browser.signIn()).isEqualTo("/login?siths=no-card");
        assertThat(browser.get("/login?siths=no-card").body()).contains("id=\"siths-refused\"");
    }

    @Test
    void theTrustedProxysHeaderSignsInTheHostEvenWithAForwardedClientAddress() {
        Tenant tenant = fixtures.tenant();
        StaffUser host = hostWithHsaId(tenant);
        CardBrowser browser = CardBrowser.onMainPort(port);
        browser.header(TestSithsCards.HEADER, TestSithsCards.card(hsaIdOf(host)).escapedPem());
        // what nginx on the same host adds: Tomcat then reports the client's address, not the proxy's
        browser.header("X-Forwarded-For", "203.0.113.7");

        assertThat(browser.signIn()).isEqualTo("/");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(audited("login.siths", tenant.organisation().id().value()))
                .singleElement()
                .asString()
                .contains("PROXY");
    }

    @Test
    void theHeaderFromAnUntrustedAddressIsRefusedWhateverItsForwardedAddressClaims() throws IOException {
        StaffUser host = hostWithHsaId(fixtures.tenant());
        String card = TestSithsCards.card(hsaIdOf(host)).escapedPem();

        // 127.0.0.2 is loopback, so Tomcat believes its X-Forwarded-For: only the TCP peer may count
        String answer = rawGet(
                InetAddress.getByName("127.0.0.2"),
                "/login/siths",
                Map.of(TestSithsCards.HEADER, card, "X-Forwarded-For", TestSithsCards.TRUSTED_PROXY));

        assertThat(answer).startsWith("HTTP/1.1 302").containsPattern("(?i)location: [^\\r\\n]*/login\\?siths=refused");
        assertThat(refusals()).anySatisfy(detail -> assertThat(detail).contains("UNTRUSTED_PROXY"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'login.siths' and actor = ?")
                        .param("staff:" + host.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anAdministratorInvitesAHostWithTheirHsaIdAndTheCardSignsThemIn() {
        Tenant tenant = fixtures.tenant();
        WebSession admin = new WebSession(port);
        admin.logIn(tenant.host().email(), Fixtures.PASSWORD);
        String hsaId = newHsaId();
        String email = "siths-" + UUID.randomUUID().toString().substring(0, 8) + "@kommun.example";
        assertThat(WebSession.location(admin.post(
                        "/admin",
                        "/admin/staff",
                        Map.of(
                                "displayName",
                                "Kim Kortsson",
                                "email",
                                email,
                                "hsaId",
                                hsaId.toLowerCase(Locale.ROOT)))))
                .isEqualTo("/admin");
        assertThat(admin.post(
                                "/admin",
                                "/admin/staff",
                                Map.of("displayName", "Kim Igen", "email", "x" + email, "hsaId", hsaId))
                        .body())
                .contains("id=\"hsaId-error\"");

        CardBrowser card = CardBrowser.onConnector(TestSithsCards.card(hsaId).tls());
        assertThat(card.signIn()).isEqualTo("/");
        assertThat(staff.byHsaId(hsaId).orElseThrow().email()).isEqualTo(email);
    }

    @Test
    void theLoginPageOffersTheCard() {
        String page = CardBrowser.onMainPort(port).get("/login").body();
        assertThat(page)
                .contains("id=\"siths\"")
                .contains("Logga in med SITHS-kort")
                .contains("https://localhost:" + TestSithsCards.HTTPS_PORT + "/login/siths");
    }

    private StaffUser hostWithHsaId(Tenant tenant) {
        StaffUser host = fixtures.addHost(tenant, "Vera Värd");
        staff.setHsaId(host.id(), newHsaId());
        return staff.byId(host.id()).orElseThrow();
    }

    private String hsaIdOf(StaffUser host) {
        return jdbc.sql("select hsa_id from staff_user where id = ?")
                .param(host.id().value())
                .query(String.class)
                .single();
    }

    private static String newHsaId() {
        return "SE2321000016-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    }

    private int accounts() {
        return jdbc.sql("select count(*) from staff_user").query(Integer.class).single();
    }

    private List<String> audited(String action, UUID organisationId) {
        return jdbc.sql("select detail from audit_event where action = ? and organisation_id = ?")
                .params(action, organisationId)
                .query(String.class)
                .list();
    }

    /** The details of the latest refusals (they name no organisation when no account was found). */
    private List<String> refusals() {
        return jdbc.sql("select detail from audit_event where action = 'login.siths.refused' order by id desc limit 20")
                .query(String.class)
                .list();
    }

    /** A request with headers of our choosing from a local address of our choosing (HttpClient binds none). */
    private String rawGet(InetAddress from, String path, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
            headers.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return in.lines().takeWhile(line -> !line.isEmpty()).collect(Collectors.joining("\r\n"));
        }
    }

    /** A browser with a card reader (or a proxy in front of it): its own cookies and extra headers. */
    static final class CardBrowser {

        private final HttpClient http;
        private final String base;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final CookieJar cookies = new CookieJar();

        private CardBrowser(HttpClient http, String base) {
            this.http = http;
            this.base = base;
        }

        static CardBrowser onConnector(SSLContext tls) {
            return new CardBrowser(
                    HttpClient.newBuilder()
                            .sslContext(tls)
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build(),
                    "https://localhost:" + TestSithsCards.HTTPS_PORT);
        }

        static CardBrowser onMainPort(int port) {
            return new CardBrowser(
                    HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build(),
                    "http://localhost:" + port);
        }

        void header(String name, String value) {
            headers.put(name, value);
        }

        /** Opens the SITHS sign-in; returns the path and query it redirects to. */
        String signIn() {
            HttpResponse<String> answer = get("/login/siths");
            assertThat(answer.statusCode()).isEqualTo(302);
            URI target = URI.create(answer.headers().firstValue("Location").orElseThrow());
            return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        }

        boolean loggedIn() {
            HttpResponse<String> start = get("/");
            return start.statusCode() == 200;
        }

        HttpResponse<String> get(String path) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            try {
                return cookies.from(http.send(cookies.onto(request).build(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
