package se.portvakt.identity.freja;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the compact JWS in a getOneResult's {@code details}: RS256, signed by the one configured Freja
 * signing certificate (named by the header's {@code x5t}, base64url of its SHA-1 thumbprint). Only the
 * payload this returns may be believed; the unsigned fields around the JWS are anyone's words.
 */
public class FrejaResultVerifier {

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final X509Certificate signingCertificate;
    private final String thumbprint;
    private final JsonMapper json = JsonMapper.builder().build();

    FrejaResultVerifier(X509Certificate signingCertificate) {
        this.signingCertificate = signingCertificate;
        this.thumbprint = x5t(signingCertificate);
    }

    /** The verified payload; throws {@link FrejaResultRefused} for anything not signed by Freja's key. */
    JsonNode verify(String compactJws) {
        if (compactJws == null) {
            throw new FrejaResultRefused("no signed details");
        }
        String[] parts = compactJws.split("\\.", -1);
        if (parts.length != 3) {
            throw new FrejaResultRefused("not a compact JWS");
        }
        JsonNode header = readJson(parts[0]);
        // "alg" fixed here, never taken from the header: no "none", no HMAC keyed with the public key
        if (!"RS256".equals(header.path("alg").asString(""))) {
            throw new FrejaResultRefused("algorithm is not RS256");
        }
        if (!MessageDigest.isEqual(
                thumbprint.getBytes(StandardCharsets.US_ASCII),
                header.path("x5t").asString("").getBytes(StandardCharsets.US_ASCII))) {
            throw new FrejaResultRefused("x5t does not name the configured Freja signing certificate");
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(signingCertificate.getPublicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(BASE64URL.decode(parts[2]))) {
                throw new FrejaResultRefused("signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new FrejaResultRefused("signature cannot be checked: " + e.getMessage());
        }
        return readJson(parts[1]);
    }

    private JsonNode readJson(String base64url) {
        try {
            JsonNode node = json.readTree(BASE64URL.decode(base64url));
            if (!node.isObject()) {
                throw new FrejaResultRefused("JWS part is not a JSON object");
            }
            return node;
        } catch (IllegalArgumentException | JacksonException e) {
            throw new FrejaResultRefused("JWS part is not base64url JSON");
        }
    }

    /** RFC 7515's x5t: base64url (no padding) of the SHA-1 of the certificate's DER encoding. */
    public static String x5t(X509Certificate certificate) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    /** Why a result was not believed; never carries payload content (it may hold an identity number). */
    static class FrejaResultRefused extends RuntimeException {
        FrejaResultRefused(String reason) {
            super("Freja eID result refused: " + reason);
        }
    }
}
