package se.portvakt.identity.freja;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import se.portvakt.identity.freja.FrejaProperties.Store;

/** Key material for the real Freja eID: the client certificate, Freja's server CA, Freja's signing certificate. */
final class FrejaTls {

    private FrejaTls() {}

    /** Mutual TLS: our PKCS#12 client key, and trust in the given CA store alone (not the JDK's public CAs). */
    static SSLContext mutualTls(Store keystore, Store truststore) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keystore), keystore.passwordChars());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(truststore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Freja eID key or trust store cannot be used: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Store store) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(store.path())) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, store.passwordChars());
            return keyStore;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read the Freja eID store " + store.path() + ": " + e.getMessage(), e);
        }
    }

    /** The signing certificate from a PEM (or DER) file. */
    static X509Certificate certificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot read Freja eID's signing certificate " + file + ": " + e.getMessage(), e);
        }
    }
}
