package se.portvakt.identity.bankid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import se.portvakt.identity.bankid.BankIdProperties.Store;

/**
 * The TLS side of BankID: our RP certificate as the client certificate, and BankID's own root CA as the only
 * trusted issuer of the server's certificate (never the JDK's public CAs, which could vouch for a look-alike).
 */
final class BankIdTls {

    private BankIdTls() {}

    /**
     * @param keystore the RP certificate (PKCS#12), or unconfigured for no client certificate
     * @param truststore BankID's root (PEM or PKCS#12), or unconfigured for the JDK's default trust
     */
    static SSLContext context(Store keystore, Store truststore) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(keystore), trustManagers(truststore), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for BankID: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(Store keystore) throws GeneralSecurityException {
        if (!keystore.configured()) {
            return null;
        }
        KeyStore store = load(keystore, "keystore");
        if (store.size() == 0) {
            throw new IllegalStateException(
                    BankIdProperties.PREFIX + ".keystore.path " + keystore.path() + " holds no certificate");
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, keystore.passwordChars());
        return factory.getKeyManagers();
    }

    private static TrustManager[] trustManagers(Store truststore) throws GeneralSecurityException {
        if (!truststore.configured()) {
            return null;
        }
        String name = truststore.path().getFileName().toString().toLowerCase(Locale.ROOT);
        KeyStore store = name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")
                ? pem(truststore.path())
                : load(truststore, "truststore");
        if (store.size() == 0) {
            throw new IllegalStateException(
                    BankIdProperties.PREFIX + ".truststore.path " + truststore.path() + " holds no certificate");
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyStore load(Store file, String which) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file.path())) {
            store.load(in, file.passwordChars());
            return store;
        } catch (IOException e) {
            // a wrong password shows up here too, as an IOException from the PKCS#12 decoder
            throw new IllegalStateException(
                    "Cannot read " + BankIdProperties.PREFIX + "." + which + ".path " + file.path()
                            + " as PKCS#12 with the configured password: " + e.getMessage(),
                    e);
        }
    }

    private static KeyStore pem(Path file) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(null, null);
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("bankid-root-" + i++, certificate);
            }
            return store;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read " + BankIdProperties.PREFIX + ".truststore.path " + file + ": " + e.getMessage(), e);
        }
    }
}
