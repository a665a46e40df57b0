package se.portvakt.sfu.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.AlgorithmParameters;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {

    @Test
    void isASelfSignedEcdsaP256CertificateTheJdkAccepts() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();

        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.der()));

        assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(x509.getSubjectX500Principal()).isEqualTo(x509.getIssuerX500Principal());
        x509.verify(x509.getPublicKey());
        x509.checkValidity();
        AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
        p256.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec expected = p256.getParameterSpec(ECParameterSpec.class);
        ECParameterSpec actual = ((ECPublicKey) x509.getPublicKey()).getParams();
        assertThat(actual.getOrder()).isEqualTo(expected.getOrder());
        assertThat(actual.getCurve()).isEqualTo(expected.getCurve());
    }

    @Test
    void itsFingerprintIsTheSha256OfItsDer() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();

        byte[] sha256 = java.security.MessageDigest.getInstance("SHA-256").digest(certificate.der());

        assertThat(certificate.fingerprint().algorithm()).isEqualTo("sha-256");
        assertThat(certificate.fingerprint().digest()).isEqualTo(sha256);
        assertThat(certificate.fingerprint().toSdp()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(certificate.toString()).contains(certificate.fingerprint().toSdp());
    }

    @Test
    void eachGenerationMakesANewKey() {
        assertThat(DtlsCertificate.generate().fingerprint())
                .isNotEqualTo(DtlsCertificate.generate().fingerprint());
    }
}
