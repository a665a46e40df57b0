package se.portvakt.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.springframework.stereotype.Component;
import se.portvakt.config.SecretKeys;

/**
 * Signs and checks checkpoints with the service's Ed25519 key. The key's seed is derived from
 * {@code portvakt.secret-key} like every other key, so it needs no storage of its own and is the same on every node;
 * the public key is printed in every export, so an export can be checked without access to Portvakt.
 */
@Component
class CheckpointSigner {

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;

    CheckpointSigner(SecretKeys keys) {
        this.privateKey = new Ed25519PrivateKeyParameters(keys.derive("audit/checkpoint-signing"), 0);
        this.publicKey = privateKey.generatePublicKey();
    }

    /** What is signed: one line per field, the time in microseconds since the epoch (as the database keeps it). */
    static byte[] text(String chain, long seq, String hash, Instant signedAt) {
        return ("portvakt-audit-checkpoint-v1\n" + chain + "\n" + seq + "\n" + hash + "\n"
                        + ChronoUnit.MICROS.between(Instant.EPOCH, signedAt) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    String sign(String chain, long seq, String hash, Instant signedAt) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        byte[] text = text(chain, seq, hash, signedAt);
        signer.update(text, 0, text.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    /** Whether this service's key made the signature (a checkpoint signed by any other key does not count). */
    boolean verify(String chain, long seq, String hash, Instant signedAt, String signature) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        byte[] text = text(chain, seq, hash, signedAt);
        verifier.update(text, 0, text.length);
        return verifier.verifySignature(bytes);
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String keyId() {
        return HexFormat.of().formatHex(ChainHash.sha256(publicKey.getEncoded()));
    }
}
