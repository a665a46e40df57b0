package se.portvakt.booking;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.portvakt.config.PortvaktProperties;
import se.portvakt.config.SecretKeys;

/**
 * Personal invitation links. The token is the invitee's id and a 128-bit HMAC of it, so a link
 * cannot be guessed or altered, needs no storage, and is the same every time it is sent.
 */
@Component
public class InviteeLinks {

    static final String PATH = "/m/";
    private static final int MAC_BYTES = 16;

    private final byte[] key;
    private final String baseUrl;

    InviteeLinks(SecretKeys keys, PortvaktProperties properties) {
        this.key = keys.derive("invitation-link");
        this.baseUrl = properties.baseUrl();
    }

    public String linkFor(UUID inviteeId) {
        return baseUrl + PATH + tokenFor(inviteeId);
    }

    public String tokenFor(UUID inviteeId) {
        byte[] id = bytes(inviteeId);
        byte[] token =
                ByteBuffer.allocate(id.length + MAC_BYTES).put(id).put(mac(id)).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The invitee a token was made for, if the token is genuine. */
    public Optional<UUID> inviteeOf(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != 16 + MAC_BYTES) {
            return Optional.empty();
        }
        byte[] id = Arrays.copyOf(bytes, 16);
        byte[] given = Arrays.copyOfRange(bytes, 16, bytes.length);
        if (!MessageDigest.isEqual(mac(id), given)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(id);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    }

    private byte[] mac(byte[] id) {
        return Arrays.copyOf(SecretKeys.hmac(key, id), MAC_BYTES);
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
