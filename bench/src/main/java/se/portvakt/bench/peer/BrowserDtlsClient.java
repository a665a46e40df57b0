package se.portvakt.bench.peer;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import se.portvakt.sfu.dtls.Fingerprint;
import se.portvakt.sfu.srtp.SrtpProfile;

/**
 * The DTLS 1.2 client side of DTLS-SRTP as Chrome runs it: ECDHE with ECDSA or RSA and AES-GCM, use_srtp offering
 * AEAD_AES_128_GCM then AES_CM_128_HMAC_SHA1_80 (the server picks), our certificate sent when asked, and the
 * server's certificate checked against the {@code a=fingerprint} of its SDP.
 */
final class BrowserDtlsClient extends DefaultTlsClient {
    private static final int[] PROFILES = {SrtpProfile.AEAD_AES_128_GCM.id(), SrtpProfile.AES_CM_128_HMAC_SHA1_80.id()};
    private static final int[] SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
    };

    private final BcTlsCrypto crypto;
    private final BrowserCertificate certificate;
    private final Fingerprint serverFingerprint;
    private SrtpProfile profile;
    private byte[] keyingMaterial;

    BrowserDtlsClient(BrowserCertificate certificate, Fingerprint serverFingerprint) {
        this(new BcTlsCrypto(new SecureRandom()), certificate, serverFingerprint);
    }

    private BrowserDtlsClient(BcTlsCrypto crypto, BrowserCertificate certificate, Fingerprint serverFingerprint) {
        super(crypto);
        this.crypto = crypto;
        this.certificate = certificate;
        this.serverFingerprint = serverFingerprint;
    }

    /** The profile the server chose; null before the handshake. */
    SrtpProfile profile() {
        return profile;
    }

    /** Exported DTLS-SRTP keying material (client key | server key | client salt | server salt). */
    byte[] keyingMaterial() {
        return keyingMaterial;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), SUITES);
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return 15_000;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(PROFILES, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (chosen == null || chosen.getProtectionProfiles().length != 1) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure);
        }
        profile = SrtpProfile.byId(chosen.getProtectionProfiles()[0])
                .orElseThrow(() -> new TlsFatalAlert(AlertDescription.illegal_parameter));
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keyingMaterial = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate server) throws IOException {
                byte[] der = server.getCertificate().getCertificateAt(0).getEncoded();
                if (serverFingerprint != null && !serverFingerprint.matches(der)) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate);
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                TlsCertificate own = crypto.createCertificate(certificate.der());
                return new BcDefaultTlsCredentialedSigner(
                        new TlsCryptoParameters(context),
                        crypto,
                        certificate.privateKey(),
                        new Certificate(new TlsCertificate[] {own}),
                        SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
            }
        };
    }
}
