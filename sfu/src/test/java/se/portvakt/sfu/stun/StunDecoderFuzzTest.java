package se.portvakt.sfu.stun;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Any datagram the demux hands to STUN: decoding never throws (its contract), and every accessor the ICE agent
 * reads a request through is safe on whatever decoded. Seeds: the RFC 5769 vectors (docs/fuzzing.md).
 */
class StunDecoderFuzzTest {

    private static final byte[] KEY = StunIntegrity.shortTermKey(Rfc5769.PASSWORD);

    @FuzzTest(maxDuration = "5s")
    void decode(byte[] datagram) {
        Optional<StunMessage> decoded = StunDecoder.decode(datagram, 0, datagram.length);
        decoded.ifPresent(message -> {
            assertThat(message.raw()).isEqualTo(datagram);
            assertThat(message.transactionId()).hasSize(12);
            message.method();
            message.messageClass();
            message.username();
            message.priority();
            message.useCandidate();
            message.iceControlling();
            message.iceControlled();
            message.xorMappedAddress();
            message.errorCode();
            message.unknownAttributes();
            StunIntegrity.verifyIntegrity(message, KEY);
            StunIntegrity.verifyFingerprint(message);
        });
        // The socket reads into a larger buffer: the same bytes at an offset decode the same way.
        byte[] padded = new byte[datagram.length + 7];
        System.arraycopy(datagram, 0, padded, 3, datagram.length);
        Optional<StunMessage> shifted = StunDecoder.decode(padded, 3, datagram.length);
        assertThat(shifted.isPresent()).isEqualTo(decoded.isPresent());
        shifted.ifPresent(m -> assertThat(Arrays.equals(m.raw(), datagram)).isTrue());
    }
}
