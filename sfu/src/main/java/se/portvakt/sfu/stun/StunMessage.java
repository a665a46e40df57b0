package se.portvakt.sfu.stun;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed STUN message. {@code raw} is a copy of the message bytes, kept because
 * MESSAGE-INTEGRITY and FINGERPRINT are verified over the original encoding.
 *
 * <p>Allocates per message; STUN arrives a few times a second per peer, far off the media hot path.
 */
public record StunMessage(int type, byte[] transactionId, List<StunAttribute> attributes, byte[] raw) {

    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int HEADER_LENGTH = 20;

    public int method() {
        return StunMessageType.method(type);
    }

    public int messageClass() {
        return StunMessageType.messageClass(type);
    }

    /** The first attribute of this type; RFC 8489 says later duplicates are ignored. */
    public Optional<StunAttribute> attribute(int attributeType) {
        for (StunAttribute a : attributes) {
            if (a.type() == attributeType) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public boolean has(int attributeType) {
        return attribute(attributeType).isPresent();
    }

    public Optional<String> username() {
        return attribute(StunAttributeType.USERNAME).map(a -> new String(a.value(), StandardCharsets.UTF_8));
    }

    public Optional<Long> priority() {
        return attribute(StunAttributeType.PRIORITY)
                .filter(a -> a.value().length == 4)
                .map(a -> readUint32(a.value()));
    }

    public boolean useCandidate() {
        return has(StunAttributeType.USE_CANDIDATE);
    }

    /** ICE-CONTROLLING tie-breaker, if the sender claims the controlling role. */
    public Optional<Long> iceControlling() {
        return tieBreaker(StunAttributeType.ICE_CONTROLLING);
    }

    /** ICE-CONTROLLED tie-breaker, if the sender claims the controlled role. */
    public Optional<Long> iceControlled() {
        return tieBreaker(StunAttributeType.ICE_CONTROLLED);
    }

    public Optional<InetSocketAddress> xorMappedAddress() {
        return attribute(StunAttributeType.XOR_MAPPED_ADDRESS)
                .flatMap(a -> XorAddress.decode(a.value(), transactionId));
    }

    public Optional<ErrorCode> errorCode() {
        return attribute(StunAttributeType.ERROR_CODE).flatMap(a -> ErrorCode.decode(a.value()));
    }

    /** Attribute types listed in UNKNOWN-ATTRIBUTES, empty without one. */
    public List<Integer> unknownAttributes() {
        return attribute(StunAttributeType.UNKNOWN_ATTRIBUTES)
                .map(a -> {
                    List<Integer> types = new ArrayList<>();
                    for (int i = 0; i + 1 < a.value().length; i += 2) {
                        types.add(((a.value()[i] & 0xFF) << 8) | (a.value()[i + 1] & 0xFF));
                    }
                    return List.copyOf(types);
                })
                .orElse(List.of());
    }

    private Optional<Long> tieBreaker(int attributeType) {
        return attribute(attributeType).filter(a -> a.value().length == 8).map(a -> {
            byte[] v = a.value();
            long value = 0;
            for (byte b : v) {
                value = (value << 8) | (b & 0xFF);
            }
            return value;
        });
    }

    private static long readUint32(byte[] v) {
        return ((long) (v[0] & 0xFF) << 24) | ((v[1] & 0xFF) << 16) | ((v[2] & 0xFF) << 8) | (v[3] & 0xFF);
    }
}
