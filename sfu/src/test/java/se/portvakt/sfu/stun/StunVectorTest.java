package se.portvakt.sfu.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 5769 test vectors: decode, verify, and re-encode byte for byte. */
class StunVectorTest {
    private static final byte[] KEY = StunIntegrity.shortTermKey(Rfc5769.PASSWORD);

    @Test
    void sampleRequestDecodesAndVerifies() {
        StunMessage m =
                StunDecoder.decode(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length).orElseThrow();
        assertThat(m.type()).isEqualTo(StunMessageType.BINDING_REQUEST);
        assertThat(m.method()).isEqualTo(StunMessageType.BINDING);
        assertThat(m.messageClass()).isEqualTo(StunMessageType.CLASS_REQUEST);
        assertThat(m.transactionId()).isEqualTo(Rfc5769.TRANSACTION_ID);
        assertThat(m.username()).contains("evtj:h6vY");
        assertThat(m.priority()).contains(0x6e0001ffL);
        assertThat(m.iceControlled()).contains(0x932ff9b151263b36L);
        assertThat(m.iceControlling()).isEmpty();
        assertThat(m.useCandidate()).isFalse();
        assertThat(StunIntegrity.verifyIntegrity(m, KEY)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(m)).isTrue();
        assertThat(StunIntegrity.verifyIntegrity(m, StunIntegrity.shortTermKey("wrong")))
                .isFalse();
    }

    @Test
    void ipv4ResponseDecodesAndVerifies() throws Exception {
        StunMessage m = StunDecoder.decode(Rfc5769.RESPONSE_IPV4, 0, Rfc5769.RESPONSE_IPV4.length)
                .orElseThrow();
        assertThat(m.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
        assertThat(m.xorMappedAddress()).contains(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(StunIntegrity.verifyIntegrity(m, KEY)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(m)).isTrue();
    }

    @Test
    void ipv6ResponseDecodesAndVerifies() throws Exception {
        StunMessage m = StunDecoder.decode(Rfc5769.RESPONSE_IPV6, 0, Rfc5769.RESPONSE_IPV6.length)
                .orElseThrow();
        assertThat(m.xorMappedAddress())
                .contains(new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        assertThat(StunIntegrity.verifyIntegrity(m, KEY)).isTrue();
        assertThat(StunIntegrity.verifyFingerprint(m)).isTrue();
    }

    @Test
    void encoderReproducesSampleRequest() {
        byte[] encoded = new StunEncoder(StunMessageType.BINDING_REQUEST, Rfc5769.TRANSACTION_ID)
                .padding(0x20)
                .software("STUN test client")
                .priority(0x6e0001ffL)
                .iceControlled(0x932ff9b151263b36L)
                .username("evtj:h6vY")
                .encode(KEY, true);
        assertThat(encoded).isEqualTo(Rfc5769.REQUEST);
    }

    @Test
    void encoderReproducesIpv4Response() throws Exception {
        byte[] encoded = new StunEncoder(StunMessageType.BINDING_SUCCESS, Rfc5769.TRANSACTION_ID)
                .padding(0x20)
                .software("test vector")
                .xorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853))
                .encode(KEY, true);
        assertThat(encoded).isEqualTo(Rfc5769.RESPONSE_IPV4);
    }

    @Test
    void encoderReproducesIpv6Response() throws Exception {
        byte[] encoded = new StunEncoder(StunMessageType.BINDING_SUCCESS, Rfc5769.TRANSACTION_ID)
                .padding(0x20)
                .software("test vector")
                .xorMappedAddress(
                        new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853))
                .encode(KEY, true);
        assertThat(encoded).isEqualTo(Rfc5769.RESPONSE_IPV6);
    }
}
