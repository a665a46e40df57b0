package se.portvakt.identity.bankid;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Portvakt reaches BankID's Relying Party API v6.0 (see docs/bankid.md). The service is chosen by URL and
 * certificate only: BankID's test environment with FPTestcert, production with the organisation's own RP
 * certificate, or, in the embedded default, the local simulator.
 *
 * @param baseUrl the RP API, e.g. {@code https://appapi2.test.bankid.com/rp/v6.0}; must be https. Unset: the
 *     built-in simulator at {@code http://127.0.0.1:<server port>/simulator/bankid/api/rp/v6.0} while
 *     {@code portvakt.identity.simulators} is on, otherwise no BankID at all
 * @param keystore the RP certificate and its private key (PKCS#12); required with a base URL
 * @param truststore BankID's root CA only (a PEM file, or a PKCS#12 store); required with a base URL, so that no
 *     public CA can vouch for a fake BankID
 * @param qrRestartWindow how long after the first start an unscanned QR order (BankID's startFailed after ~30 s) is
 *     restarted with a new order instead of failing
 * @param connectTimeout how long to wait for a TCP/TLS connection to BankID
 * @param requestTimeout how long to wait for BankID's answer to one call
 * @param orderRetention how long an order's row is kept in the database, finished or not
 */
@ConfigurationProperties("portvakt.identity.bankid")
record BankIdProperties(
        URI baseUrl,
        @DefaultValue Store keystore,
        @DefaultValue Store truststore,
        @DefaultValue("PT3M") Duration qrRestartWindow,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT15S") Duration requestTimeout,
        @DefaultValue("PT15M") Duration orderRetention) {

    static final String PREFIX = "portvakt.identity.bankid";
    static final String BASE_URL = PREFIX + ".base-url";

    boolean configured() {
        return baseUrl != null && !baseUrl.toString().isBlank();
    }

    /**
     * A key or trust store on disk.
     *
     * @param path the file; a trust store ending in .pem, .crt or .cer is read as PEM certificates
     * @param password the store's password (PKCS#12); not needed for PEM
     */
    record Store(Path path, String password) {

        boolean configured() {
            return path != null && !path.toString().isBlank();
        }

        char[] passwordChars() {
            return password == null ? new char[0] : password.toCharArray();
        }

        @Override
        public String toString() {
            return "Store[path=" + path + ", password=" + (password == null ? "unset" : "***") + "]";
        }
    }
}
