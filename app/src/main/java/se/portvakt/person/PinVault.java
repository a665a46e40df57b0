package se.portvakt.person;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import se.portvakt.config.SecretKeys;

/**
 * Keeps identity numbers encrypted at rest (AES-256-GCM) and finds them again by a keyed hash,
 * so the database never holds one in the clear and an index lookup needs no decryption.
 */
@Component
public class PinVault {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final byte[] indexKey;
    private final SecureRandom random = new SecureRandom();

    PinVault(SecretKeys keys) {
        this.encryptionKey = new SecretKeySpec(keys.derive("personal-identity-number/encryption"), "AES");
        this.indexKey = keys.derive("personal-identity-number/index");
    }

    public String encrypt(PersonalIdentityNumber pin) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(pin.digits().getBytes(StandardCharsets.US_ASCII));
            return VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    public PersonalIdentityNumber decrypt(String stored) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalArgumentException("Unknown identity number encryption version");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return PersonalIdentityNumber.parse(new String(plain, StandardCharsets.US_ASCII))
                    .orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An identity number cannot be decrypted: wrong portvakt.secret-key?", e);
        }
    }

    /** A keyed hash (HMAC-SHA256, hex) to look a person up by their number. */
    public String index(PersonalIdentityNumber pin) {
        return HexFormat.of().formatHex(SecretKeys.hmac(indexKey, pin.digits().getBytes(StandardCharsets.US_ASCII)));
    }
}
