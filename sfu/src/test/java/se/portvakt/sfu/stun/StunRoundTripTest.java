package se.portvakt.sfu.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StunRoundTripTest {

    static Stream<Arguments> messageTypes() {
        return Stream.of(
                Arguments.of(StunMessageType.BINDING, StunMessageType.CLASS_REQUEST, 0x0001),
                Arguments.of(StunMessageType.BINDING, StunMessageType.CLASS_INDICATION, 0x0011),
                Arguments.of(StunMessageType.BINDING, StunMessageType.CLASS_SUCCESS, 0x0101),
                Arguments.of(StunMessageType.BINDING, StunMessageType.CLASS_ERROR, 0x0111),
                Arguments.of(0x003, StunMessageType.CLASS_REQUEST, 0x0003), // TURN Allocate
                Arguments.of(0x080, StunMessageType.CLASS_REQUEST, 0x0200)); // GOOG-PING
    }

    @ParameterizedTest(name = "method {0} class {1} is 0x{2}")
    @MethodSource("messageTypes")
    void messageTypeBitsInterleave(int method, int messageClass, int wire) {
        assertThat(StunMessageType.of(method, messageClass)).isEqualTo(wire);
        assertThat(StunMessageType.method(wire)).isEqualTo(method);
        assertThat(StunMessageType.messageClass(wire)).isEqualTo(messageClass);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorCodeRoundTrips(ErrorCode error) {
        byte[] wire = new StunEncoder(StunMessageType.BINDING_ERROR, Rfc5769.TRANSACTION_ID)
                .errorCode(error)
                .encode(new byte[] {7}, true);
        StunMessage m = StunDecoder.decode(wire, 0, wire.length).orElseThrow();
        assertThat(m.errorCode()).contains(error);
        assertThat(StunIntegrity.verifyIntegrity(m, new byte[] {7})).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(m)).isTrue();
    }

    static Stream<ErrorCode> errors() {
        return Stream.of(
                ErrorCode.BAD_REQUEST,
                ErrorCode.UNAUTHENTICATED,
                ErrorCode.ROLE_CONFLICT,
                new ErrorCode(500, "Server Error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addresses")
    void iceAttributesRoundTrip(InetSocketAddress address) {
        byte[] wire = new StunEncoder(StunMessageType.BINDING_REQUEST, Rfc5769.TRANSACTION_ID)
                .username("srv1:cli2")
                .priority(0xFFFFFFFFL)
                .useCandidate()
                .iceControlling(-2L)
                .xorMappedAddress(address)
                .encode(StunIntegrity.shortTermKey("pwd"), true);
        StunMessage m = StunDecoder.decode(wire, 0, wire.length).orElseThrow();
        assertThat(m.username()).contains("srv1:cli2");
        assertThat(m.priority()).contains(0xFFFFFFFFL);
        assertThat(m.useCandidate()).isTrue();
        assertThat(m.iceControlling()).contains(-2L);
        assertThat(m.xorMappedAddress()).contains(address);
        assertThat(StunIntegrity.verifyIntegrity(m, StunIntegrity.shortTermKey("pwd")))
                .isTrue();
    }

    static Stream<InetSocketAddress> addresses() {
        return Stream.of(
                new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("10.1.2.3", 65535),
                new InetSocketAddress("::1", 5004),
                new InetSocketAddress("fe80::1234", 40000));
    }
}
