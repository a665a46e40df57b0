package se.portvakt.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The service's master secret and the keys derived from it, one per purpose,
 * so that a key used to sign links is never the key that encrypts identity numbers.
 */
@Component
public class SecretKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final int KEY_BYTES = 32;

    private final byte[] master;

    SecretKeys(PortvaktProperties properties, DeploymentMode mode) {
        this.master = load(properties, mode);
    }

    /** A 256-bit key for one purpose: HMAC-SHA256(master, purpose). */
    public byte[] derive(String purpose) {
        return hmac(master, purpose.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] load(PortvaktProperties properties, DeploymentMode mode) {
        if (properties.secretKey() != null && !properties.secretKey().isBlank()) {
            return decode(properties.secretKey());
        }
        if (!mode.embedded()) {
            throw new IllegalStateException("portvakt.secret-key must be set in production: "
                    + "base64 of 32 random bytes, e.g. from `openssl rand -base64 32`. Keep it safe: "
                    + "it encrypts identity numbers and signs invitation links.");
        }
        return loadOrCreateEmbeddedKey(properties.dataDirectory().resolve("secret.key"));
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("portvakt.secret-key is not valid base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("portvakt.secret-key must be 32 bytes, was " + key.length);
        }
        return key;
    }

    private static byte[] loadOrCreateEmbeddedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the embedded default is for one person's machine anyway
            }
            log.info("Generated the embedded default's secret key in {}", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }
}
