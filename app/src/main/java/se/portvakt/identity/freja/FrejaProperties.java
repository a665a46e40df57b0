package se.portvakt.identity.freja;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Freja eID client. With {@code base-url} unset, Freja eID is off in production and talks to
 * the local simulator when the identity simulators run.
 *
 * @param baseUrl Freja eID's REST host, e.g. {@code https://services.test.frejaeid.com}; unset: simulator or off
 * @param keystore the relying party's client certificate and key (PKCS#12) for mutual TLS
 * @param truststore Freja's server CA only (PKCS#12), so no public CA can impersonate Freja
 * @param signingCertificate PEM file of Freja's result-signing certificate; results signed by anything else are refused
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long to wait for one answer
 * @param orderRetention how long our record of an order (Freja's authRef, the outcome) is kept
 * @param simulator settings of the local simulator
 */
@ConfigurationProperties("portvakt.identity.freja")
public record FrejaProperties(
        URI baseUrl,
        Store keystore,
        Store truststore,
        Path signingCertificate,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration requestTimeout,
        @DefaultValue("PT15M") Duration orderRetention,
        @DefaultValue Simulator simulator) {

    /** A PKCS#12 file and its password. */
    public record Store(Path path, String password) {

        boolean configured() {
            return path != null;
        }

        char[] passwordChars() {
            return password == null ? new char[0] : password.toCharArray();
        }
    }

    /** @param orderExpiry how long a simulated transaction waits for the phone before it becomes EXPIRED */
    public record Simulator(@DefaultValue("PT2M") Duration orderExpiry) {}
}
