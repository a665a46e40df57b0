package se.portvakt.sfu.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Hashtable;
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
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import se.portvakt.sfu.srtp.SrtpProfile;

/** A browser stand-in: DTLS 1.2 client with its own certificate, offering the given SRTP profile ids. */
final class TestDtlsClient extends DefaultTlsClient {

    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final int[] offeredProfiles;
    private final boolean sendCertificate;

    byte[] serverCertificateDer;
    SrtpProfile negotiatedProfile;
    byte[] keyingMaterial;

    TestDtlsClient(DtlsCertificate certificate, int... offeredProfiles) {
        this(certificate, true, offeredProfiles);
    }

    TestDtlsClient(DtlsCertificate certificate, boolean sendCertificate, int... offeredProfiles) {
        this(new BcTlsCrypto(new SecureRandom()), certificate, sendCertificate, offeredProfiles);
    }

    private TestDtlsClient(
            BcTlsCrypto crypto, DtlsCertificate certificate, boolean sendCertificate, int[] offeredProfiles) {
        super(crypto);
        this.crypto = crypto;
        this.certificate = certificate;
        this.sendCertificate = sendCertificate;
        this.offeredProfiles = offeredProfiles;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return 20_000;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        if (offeredProfiles.length > 0) {
            TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(offeredProfiles, TlsUtils.EMPTY_BYTES));
        }
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (chosen != null && chosen.getProtectionProfiles().length == 1) {
            negotiatedProfile =
                    SrtpProfile.byId(chosen.getProtectionProfiles()[0]).orElse(null);
        }
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        if (negotiatedProfile != null) {
            keyingMaterial = context.exportKeyingMaterial(
                    ExporterLabel.dtls_srtp, null, negotiatedProfile.keyingMaterialLength());
        }
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                serverCertificateDer =
                        serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                if (!sendCertificate) {
                    return null;
                }
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
