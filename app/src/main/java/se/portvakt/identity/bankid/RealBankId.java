package se.portvakt.identity.bankid;

import java.net.URI;
import javax.net.ssl.SSLContext;

/**
 * The start-up checks for a configured BankID host: https only, and both the RP certificate and BankID's root
 * must be given, so that a missing setting stops the service instead of silently trusting public CAs.
 */
final class RealBankId {

    private RealBankId() {}

    static URI checkedUrl(BankIdProperties properties) {
        URI url = properties.baseUrl();
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalStateException(BankIdProperties.BASE_URL + " must be an https URL such as "
                    + "https://appapi2.test.bankid.com/rp/v6.0, was " + url + ". Leave it unset to use the built-in "
                    + "simulator (portvakt.identity.simulators=true).");
        }
        return url;
    }

    static SSLContext tls(BankIdProperties properties) {
        StringBuilder missing = new StringBuilder();
        if (!properties.keystore().configured()) {
            missing.append(" ").append(BankIdProperties.PREFIX).append(".keystore.path (the RP certificate, PKCS#12)");
        }
        if (!properties.truststore().configured()) {
            missing.append(" ").append(BankIdProperties.PREFIX).append(".truststore.path (BankID's root CA only)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("BankID at " + properties.baseUrl() + " needs mutual TLS; missing:"
                    + missing + ". See docs/bankid.md.");
        }
        return BankIdTls.context(properties.keystore(), properties.truststore());
    }
}
