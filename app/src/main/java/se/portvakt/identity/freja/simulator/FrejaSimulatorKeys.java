package se.portvakt.identity.freja.simulator;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.stereotype.Component;
import se.portvakt.identity.ConditionalOnIdentitySimulators;
import se.portvakt.identity.freja.FrejaResultVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's signing key, made fresh at each start-up, with a self-signed certificate whose x5t names it,
 * just as Freja's certificate names Freja's key. A second "impostor" key lets tests forge results on purpose.
 */
@Component
@ConditionalOnIdentitySimulators
public class FrejaSimulatorKeys {

    private final JsonMapper json = JsonMapper.builder().build();
    private final KeyPair signing = rsaKeyPair();
    private final X509Certificate certificate = selfSigned(signing, "CN=Freja eID simulator (not Freja eID)");
    private final KeyPair impostor = rsaKeyPair();
    private final X509Certificate impostorCertificate = selfSigned(impostor, "CN=Freja eID simulator impostor");

    public X509Certificate certificate() {
        return certificate;
    }

    /** A compact RS256 JWS over the payload, signed as the forgery (or none) dictates. */
    public String sign(Map<String, Object> payload, FrejaSimulatorForgery forgery) {
        X509Certificate named = forgery == FrejaSimulatorForgery.WRONG_X5T ? impostorCertificate : certificate;
        PrivateKey key = forgery == FrejaSimulatorForgery.OTHER_KEY ? impostor.getPrivate() : signing.getPrivate();
        String header =
                base64url(json.writeValueAsBytes(Map.of("alg", "RS256", "x5t", FrejaResultVerifier.x5t(named))));
        String body = base64url(json(payload));
        String signature = base64url(rs256(key, header + "." + body));
        return header + "." + body + "." + signature;
    }

    public byte[] json(Map<String, Object> payload) {
        return json.writeValueAsBytes(payload);
    }

    private static byte[] rs256(PrivateKey key, String signingInput) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return rsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 is part of every Java runtime", e);
        }
    }

    public static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    private static X509Certificate selfSigned(KeyPair keys, String subject) {
        Instant now = Instant.now();
        X500Name name = new X500Name(subject);
        try {
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    name,
                    keys.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the Freja eID simulator's certificate", e);
        }
    }
}
