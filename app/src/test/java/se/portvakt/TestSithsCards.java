package se.portvakt;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A SITHS CA of the tests' own, the cards it issues, and a second CA with the very same name that no one trusts.
 * Portvakt trusts the first (portvakt.siths.trusted-cas), runs its card connector on {@link #HTTPS_PORT}, and
 * believes the certificate header from 127.0.0.1 only.
 */
public final class TestSithsCards {

    /** Both CAs carry this name: a card of the wrong one differs only by its signature. */
    private static final String CA_NAME = "CN=Test SITHS e-id Person HSA-id 3 CA v1,O=Inera AB,C=SE";

    public static final int HTTPS_PORT = freePort();
    public static final String TRUSTED_PROXY = "127.0.0.1";
    /** The header the trusted proxy puts the card in (Portvakt's default). */
    public static final String HEADER = "X-SSL-Client-Cert";

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private static final Authority SITHS = authority();
    private static final Authority WRONG = authority();
    private static final Path DIRECTORY = settingsFiles();

    private TestSithsCards() {}

    /** A CA: its key and self-signed certificate. */
    public record Authority(KeyPair keys, X509Certificate certificate) {}

    /** A card: its key and certificate, and the CA certificate above it (as a card sends its chain). */
    public record Card(KeyPair keys, X509Certificate certificate, X509Certificate issuer) {

        /** The certificate as nginx forwards it: URL-encoded PEM ($ssl_client_escaped_cert). */
        public String escapedPem() {
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(certificate);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return java.net.URLEncoder.encode(pem.toString(), StandardCharsets.UTF_8)
                    .replace("+", "%20");
        }

        /** A TLS client that shows this card and trusts the card connector's server certificate. */
        public SSLContext tls() {
            try {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("card", this.keys.getPrivate(), new char[0], new java.security.cert.Certificate[] {
                    certificate, issuer
                });
                KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, new char[0]);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers.getKeyManagers(), serverTrust(), null);
                return context;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A TLS client with no card at all. */
    public static SSLContext withoutCard() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, serverTrust(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A card of the trusted CA, valid from yesterday for a year. */
    public static Card card(String hsaId) {
        Instant now = Instant.now();
        return issue(SITHS, hsaId, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** A card of the trusted CA that expired yesterday. */
    public static Card expiredCard(String hsaId) {
        Instant now = Instant.now();
        return issue(SITHS, hsaId, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));
    }

    /** A card from a CA that has the SITHS CA's name but not its key. */
    public static Card cardOfWrongCa(String hsaId) {
        Instant now = Instant.now();
        return issue(WRONG, hsaId, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** Portvakt's settings: the trusted CA, the card connector, the trusted proxy. */
    static void addSettings(Map<String, Object> properties) {
        properties.put(
                "portvakt.siths.trusted-cas", DIRECTORY.resolve("siths-ca.pem").toString());
        properties.put(
                "portvakt.siths.https-certificate",
                DIRECTORY.resolve("server.pem").toString());
        properties.put(
                "portvakt.siths.https-private-key",
                DIRECTORY.resolve("server-key.pem").toString());
        properties.put("portvakt.siths.trusted-proxies", TRUSTED_PROXY + "/32");
    }

    private static Card issue(Authority ca, String hsaId, Instant from, Instant until) {
        try {
            KeyPair keys = rsa();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "SE")
                    .addRDN(BCStyle.O, "Region Test")
                    .addRDN(BCStyle.SERIALNUMBER, hsaId)
                    .addRDN(BCStyle.CN, "Vera Värd")
                    .build();
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    ca.certificate(),
                                    BigInteger.valueOf(SERIALS.incrementAndGet()),
                                    Date.from(from),
                                    Date.from(until),
                                    subject,
                                    keys.getPublic())
                            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                            .addExtension(
                                    Extension.extendedKeyUsage,
                                    false,
                                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                            .build(new JcaContentSignerBuilder("SHA256withRSA")
                                    .build(ca.keys().getPrivate())));
            return new Card(keys, certificate, ca.certificate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Authority authority() {
        try {
            KeyPair keys = rsa();
            X500Name name = new X500Name(CA_NAME);
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    BigInteger.valueOf(SERIALS.incrementAndGet()),
                                    Date.from(now.minus(Duration.ofDays(30))),
                                    Date.from(now.plus(Duration.ofDays(3650))),
                                    name,
                                    keys.getPublic())
                            .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                            .addExtension(
                                    Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new Authority(keys, certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path settingsFiles() {
        try {
            Path directory = Files.createTempDirectory("portvakt-siths");
            write(directory.resolve("siths-ca.pem"), SITHS.certificate());
            TestNetwork.selfSigned(directory.resolve("server.pem"), directory.resolve("server-key.pem"));
            return directory;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static javax.net.ssl.TrustManager[] serverTrust() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (var in = Files.newInputStream(DIRECTORY.resolve("server.pem"))) {
            trusted.setCertificateEntry(
                    "server",
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        return trust.getTrustManagers();
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static void write(Path file, Object pem) throws IOException {
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII);
                JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(pem);
        }
    }

    private static int freePort() {
        try {
            return TestNetwork.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
