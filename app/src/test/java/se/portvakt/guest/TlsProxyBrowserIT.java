package se.portvakt.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.booking.TestBookings.followUp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.Browser;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.QrScanner;
import se.portvakt.SimulatedPhone;
import se.portvakt.TestNetwork;
import se.portvakt.booking.AssuranceLevel;
import se.portvakt.booking.TestBookings;
import se.portvakt.booking.internal.MeetingRequest.InviteeRequest;
import se.portvakt.invitation.OutboxWorker;

/**
 * The journey through a real TLS proxy: Debian's nginx with the operator's own configuration
 * ({@code deploy/nginx/portvakt.conf}) and a certificate made here. A guest identifies with BankID over https, waits,
 * is admitted by the host (console and meeting room over https and wss) and decodes the host's video. nginx reaches
 * Portvakt from 127.0.0.3, the browser reaches nginx from 127.0.0.1: BankID's endUserIp must be the browser's.
 */
@IntegrationTest
@Tag("browser")
class TlsProxyBrowserIT {

    static final Path SITE = Path.of("..", "deploy", "nginx", "portvakt.conf");
    static final String PROXY_SOURCE = "127.0.0.3";

    @LocalServerPort
    int port;

    @Autowired
    TestBookings bookings;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OutboxWorker outbox;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    Process nginx;
    Browser host;
    Browser guest;

    @BeforeEach
    void startProxy() throws Exception {
        int proxyPort = TestNetwork.freePort();
        Path certificate = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        TestNetwork.selfSigned(certificate, key);
        String site = Files.readString(SITE);
        String ours = site.replace("listen 443 ssl;", "listen 127.0.0.1:" + proxyPort + " ssl;")
                .replace("listen [::]:443 ssl;", "")
                .replace("/etc/ssl/portvakt/fullchain.pem", certificate.toString())
                .replace("/etc/ssl/portvakt/privkey.pem", key.toString())
                .replace(
                        "proxy_pass http://127.0.0.1:8080;",
                        "proxy_pass http://127.0.0.1:" + port + ";\n        proxy_bind " + PROXY_SOURCE + ";");
        assertThat(ours)
                .as("the site file still has the lines this test adapts")
                .contains("listen 127.0.0.1:" + proxyPort, certificate.toString(), "proxy_bind " + PROXY_SOURCE);
        Files.writeString(dir.resolve("site.conf"), ours);
        Files.writeString(dir.resolve("nginx.conf"), """
                master_process off;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/site.conf;
                }
                """.formatted(dir));
        nginx = new ProcessBuilder(
                        "nginx",
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString(),
                        "-e",
                        dir.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        awaitListening(proxyPort);
        String base = "https://localhost:" + proxyPort;
        // the certificate is this test's own: Chromium is told to accept it, not to skip TLS
        host = new Browser(base, "--ignore-certificate-errors");
        guest = new Browser(base, "--ignore-certificate-errors");
    }

    @AfterEach
    void stop() {
        for (Browser browser : new Browser[] {host, guest}) {
            if (browser != null) {
                browser.close();
            }
        }
        if (nginx != null) {
            nginx.destroy();
        }
    }

    @Test
    void aGuestIdentifiesWaitsIsAdmittedAndSeesTheHostThroughHttpsAndWss() throws Exception {
        Tenant tenant = fixtures.tenant();
        String email = "tls-" + TestBookings.unique() + "@example.se";
        var meeting = bookings.book(followUp(tenant)
                .level(AssuranceLevel.LOA3)
                .start(Instant.now().plus(Duration.ofMinutes(10)))
                .invitees(new InviteeRequest(null, "Anna Svensson", email, null, null)));
        GuestMail.deliverAll(outbox);

        guest.open(GuestMail.linkMailedTo(email));
        assertThat(guest.driver().getCurrentUrl()).startsWith("https://");
        guest.find("input[name=method][value=BANKID] ~ .actions button[value=true]")
                .click();
        guest.find("img[data-eid-qr]");
        String qr = QrScanner.scan((String) ((JavascriptExecutor) guest.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('[data-eid-progress]').dataset.qrUrl).then(r => r.text()).then(done);"""));
        new SimulatedPhone(port).bankIdApprove(qr, null, GuestEidIT.ANNA_BANKID);
        until(
                guest,
                "the meeting information",
                Duration.ofSeconds(20),
                () -> guest.driver().getCurrentUrl().endsWith("/info"));
        assertThat(guest.driver().getCurrentUrl()).startsWith("https://localhost:");

        // BankID was told the browser's address, not the proxy's
        List<String> endUserIps = jdbc.sql("select o.end_user_ip from bankid_order o where o.auth_at > ?")
                .param(se.portvakt.config.SqlTime.of(Instant.now().minus(Duration.ofMinutes(2))))
                .query(String.class)
                .list();
        assertThat(endUserIps).isNotEmpty().doesNotContain(PROXY_SOURCE).contains("127.0.0.1");

        guest.find("button[name=anonymous][value=false]").click();
        until(guest, "the waiting room", Duration.ofSeconds(15), () -> "WAITING".equals(state(guest)));

        host.logIn(tenant.host().email(), Fixtures.PASSWORD);
        host.open("/console");
        host.find("tr[data-participant] button[data-action=admit]").click();
        until(guest, "admitted", Duration.ofSeconds(15), () -> "ADMITTED".equals(state(guest)));

        host.open("/meetings/" + meeting.meeting().id() + "/room");
        until(
                host,
                "signaling connected over wss",
                Duration.ofSeconds(15),
                () -> host.find("[data-meeting-room]").getAttribute("data-state") != null);
        host.find("[data-join]").click();

        until(guest, "the host's video decoding", Duration.ofSeconds(45), () -> framesDecoded(guest) > 10);
    }

    private static String state(Browser browser) {
        return browser.find("[data-meeting-room]").getAttribute("data-state");
    }

    private static long framesDecoded(Browser browser) {
        Object frames = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const media = window.portvaktMedia;
                if (!media) { done(0); return; }
                media.pc.getStats().then(report => {
                  let frames = 0;
                  report.forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded || 0; });
                  done(frames);
                });""");
        return ((Number) frames).longValue();
    }

    private void until(Browser browser, String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), timeout)
                .withMessage(() -> what + " at " + browser.driver().getCurrentUrl() + "; nginx: " + nginxLog())
                .until(driver -> condition.getAsBoolean());
    }

    private String nginxLog() {
        try {
            return Files.readString(dir.resolve("error.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private void awaitListening(int proxyPort) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            assertThat(nginx.isAlive()).as(() -> "nginx runs: " + nginxLog()).isTrue();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxyPort)) {
                return;
            } catch (IOException notYet) {
                nginx.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("nginx did not listen on " + proxyPort + ": " + nginxLog());
    }
}
