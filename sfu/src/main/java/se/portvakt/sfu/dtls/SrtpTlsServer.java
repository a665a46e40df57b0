package se.portvakt.sfu.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import se.portvakt.sfu.srtp.SrtpKeys;
import se.portvakt.sfu.srtp.SrtpProfile;

/**
 * The BouncyCastle server side of one DTLS-SRTP handshake: DTLS 1.2 only, ECDHE-ECDSA with AES-128-GCM,
 * use_srtp required, a client certificate required and matched against the SDP fingerprint. Used by one
 * handshake thread only.
 */
final class SrtpTlsServer extends DefaultTlsServer {

    private static final System.Logger LOG = System.getLogger(SrtpTlsServer.class.getName());

    private static final int[] CIPHER_SUITES = {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
    private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final Fingerprint remoteFingerprint;
    private final int handshakeTimeoutMillis;

    private SrtpProfile profile;
    private boolean clientCertificateMatched;
    private SrtpKeys keys;
    /** Why we aborted, when we did; read after accept() threw. */
    private DtlsHandshakeException.Reason abortReason;

    SrtpTlsServer(
            BcTlsCrypto crypto,
            DtlsCertificate certificate,
            Fingerprint remoteFingerprint,
            int handshakeTimeoutMillis) {
        super(crypto);
        this.crypto = crypto;
        this.certificate = certificate;
        this.remoteFingerprint = remoteFingerprint;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return CIPHER_SUITES.clone();
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        TlsCertificate tlsCertificate = crypto.createCertificate(certificate.der());
        return new BcDefaultTlsCredentialedSigner(
                new TlsCryptoParameters(context),
                crypto,
                certificate.privateKey(),
                new Certificate(new TlsCertificate[] {tlsCertificate}),
                ECDSA_SHA256);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw abort(
                    DtlsHandshakeException.Reason.NO_COMMON_SRTP_PROFILE,
                    AlertDescription.handshake_failure,
                    "client did not offer use_srtp");
        }
        profile = SrtpTlsServer.choose(offered.getProtectionProfiles())
                .orElseThrow(() -> abort(
                        DtlsHandshakeException.Reason.NO_COMMON_SRTP_PROFILE,
                        AlertDescription.handshake_failure,
                        "no supported SRTP protection profile offered"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        // No MKI: RFC 5764 section 4.1.1 lets the server answer with an empty one whatever the client sent.
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {profile.id()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        if (clientCertificate == null || clientCertificate.isEmpty()) {
            throw abort(
                    DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH,
                    AlertDescription.handshake_failure,
                    "client sent no certificate");
        }
        // RFC 8122 section 5: the end-entity certificate is the one the SDP fingerprint names.
        if (!remoteFingerprint.matches(clientCertificate.getCertificateAt(0).getEncoded())) {
            throw abort(
                    DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH,
                    AlertDescription.bad_certificate,
                    "client certificate does not match the SDP fingerprint");
        }
        clientCertificateMatched = true;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        if (!clientCertificateMatched) {
            throw abort(
                    DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH,
                    AlertDescription.handshake_failure,
                    "handshake ended without a verified client certificate");
        }
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
        keys = SrtpKeys.fromDtls(profile, material, true);
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        LOG.log(
                level == AlertLevel.fatal ? System.Logger.Level.DEBUG : System.Logger.Level.TRACE,
                () -> "DTLS alert raised: " + AlertDescription.getText(description)
                        + (message == null ? "" : " (" + message + ")"));
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
        LOG.log(System.Logger.Level.DEBUG, () -> "DTLS alert received: " + AlertDescription.getText(description));
    }

    /** The keys, once {@link #notifyHandshakeComplete()} ran; else null. */
    SrtpKeys keys() {
        return keys;
    }

    DtlsHandshakeException.Reason abortReason() {
        return abortReason;
    }

    private TlsFatalAlert abort(DtlsHandshakeException.Reason reason, short alert, String message) {
        abortReason = reason;
        return new TlsFatalAlert(alert, message);
    }

    /** Our preference, cheapest per packet first: the first of these the client offers. */
    private static final java.util.List<SrtpProfile> PREFERENCE =
            java.util.List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80);

    static java.util.Optional<SrtpProfile> choose(int[] offeredIds) {
        for (SrtpProfile profile : PREFERENCE) {
            for (int offered : offeredIds) {
                if (offered == profile.id()) {
                    return java.util.Optional.of(profile);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
