package se.portvakt.sfu.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StunMalformedTest {

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("header only, cut", cut(19)),
                Arguments.of("truncated body", cut(Rfc5769.REQUEST.length - 4)),
                Arguments.of("length field too long", set(3, 0x5C)),
                Arguments.of("length field not a multiple of 4", set(3, 0x57)),
                Arguments.of("wrong magic cookie", set(4, 0x22)),
                Arguments.of("top bits set", set(0, 0x40)),
                Arguments.of("attribute runs past the end", set(22 + 0, 0x00).andThen(set(23, 0x50))),
                Arguments.of("MESSAGE-INTEGRITY of 16 bytes", set(79, 0x10)),
                Arguments.of("FINGERPRINT of 8 bytes", set(103, 0x08)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void malformedIsRejectedWithoutThrowing(String name, UnaryOperator<byte[]> damage) {
        byte[] bad = damage.apply(Rfc5769.REQUEST.clone());
        assertThat(StunDecoder.decode(bad, 0, bad.length)).isEmpty();
    }

    static Stream<Arguments> failsVerification() {
        return Stream.of(
                Arguments.of("flipped bit in USERNAME", set(64, 0x66)),
                Arguments.of("flipped bit in PRIORITY", set(47, 0xfe)),
                Arguments.of("flipped bit in the HMAC", set(90, 0x00)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failsVerification")
    void tamperedMessageFailsIntegrity(String name, UnaryOperator<byte[]> damage) {
        byte[] bad = damage.apply(Rfc5769.REQUEST.clone());
        StunMessage m = StunDecoder.decode(bad, 0, bad.length).orElseThrow();
        assertThat(StunIntegrity.verifyIntegrity(m, StunIntegrity.shortTermKey(Rfc5769.PASSWORD)))
                .isFalse();
        assertThat(StunIntegrity.verifyFingerprint(m)).isFalse();
    }

    static Stream<Arguments> badAddressValues() {
        return Stream.of(
                Arguments.of("family 3", "0003a147e112a643"),
                Arguments.of("IPv4 family, IPv6 length", "0001a147 0113a9fa a5d3f179 bc25f4b5 bed2b9d9"),
                Arguments.of("IPv6 family, IPv4 length", "0002a147e112a643"),
                Arguments.of("three bytes", "0001a1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAddressValues")
    void malformedXorMappedAddressReadsAsAbsent(String name, String hexValue) {
        byte[] wire = new StunEncoder(StunMessageType.BINDING_SUCCESS, Rfc5769.TRANSACTION_ID)
                .attribute(StunAttributeType.XOR_MAPPED_ADDRESS, Rfc5769.hex(hexValue))
                .encode(null, true);
        StunMessage m = StunDecoder.decode(wire, 0, wire.length).orElseThrow();
        assertThat(m.xorMappedAddress()).isEmpty();
    }

    @Test
    void malformedErrorCodeReadsAsAbsent() {
        for (String value : new String[] {"000004", "00000201", "00000464"}) {
            byte[] wire = new StunEncoder(StunMessageType.BINDING_ERROR, Rfc5769.TRANSACTION_ID)
                    .attribute(StunAttributeType.ERROR_CODE, Rfc5769.hex(value))
                    .encode(null, false);
            assertThat(StunDecoder.decode(wire, 0, wire.length).orElseThrow().errorCode())
                    .as(value)
                    .isEmpty();
        }
    }

    @Test
    void messageWithoutIntegrityNeverVerifies() {
        byte[] plain = new StunEncoder(StunMessageType.BINDING_REQUEST, Rfc5769.TRANSACTION_ID)
                .username("a:b")
                .encode(null, false);
        StunMessage m = StunDecoder.decode(plain, 0, plain.length).orElseThrow();
        assertThat(StunIntegrity.verifyIntegrity(m, new byte[0])).isFalse();
        assertThat(StunIntegrity.verifyFingerprint(m)).isFalse();
    }

    @Test
    void attributeAfterFingerprintIsRejected() {
        byte[] withFp = new StunEncoder(StunMessageType.BINDING_REQUEST, Rfc5769.TRANSACTION_ID).encode(null, true);
        byte[] extra = Arrays.copyOf(withFp, withFp.length + 4);
        extra[3] = (byte) (extra[3] + 4);
        extra[withFp.length + 1] = 0x25; // USE-CANDIDATE after FINGERPRINT
        assertThat(StunDecoder.decode(extra, 0, extra.length)).isEmpty();
    }

    @Test
    void randomGarbageNeverThrows() {
        Random random = new Random(5769);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = Arrays.copyOf(Rfc5769.REQUEST, random.nextInt(Rfc5769.REQUEST.length + 1));
            for (int j = random.nextInt(4); j >= 0 && junk.length > 0; j--) {
                junk[random.nextInt(junk.length)] = (byte) random.nextInt(256);
            }
            StunDecoder.decode(junk, 0, junk.length).ifPresent(m -> {
                StunIntegrity.verifyIntegrity(m, new byte[] {1});
                StunIntegrity.verifyFingerprint(m);
                m.xorMappedAddress();
                m.errorCode();
                m.priority();
            });
        }
    }

    private static UnaryOperator<byte[]> cut(int length) {
        return b -> Arrays.copyOf(b, length);
    }

    private static Damage set(int index, int value) {
        return b -> {
            b[index] = (byte) value;
            return b;
        };
    }

    /** A byte-level edit that composes. */
    interface Damage extends UnaryOperator<byte[]> {
        default Damage andThen(Damage next) {
            return b -> next.apply(apply(b));
        }
    }
}
