package se.portvakt.sfu.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import se.portvakt.sfu.ice.IceCredentials;

/**
 * Any text as a browser's offer, through what {@code UdpSfu.negotiate} does with it: the parser rejects bad SDP
 * only with {@link SdpParseException}; what it accepts is written back to the same description, and our answer to
 * it is SDP we parse ourselves. Seeds: the captured Chrome offer and a small hand-written one (docs/fuzzing.md).
 */
class SdpParserFuzzTest {

    private static final AnswerOptions OPTIONS = AnswerOptions.defaults(
            new IceCredentials("sfu1", "sfupassword0123456789abc"),
            new Fingerprint("sha-256", "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99"),
            List.of(
                    HostCandidate.udp(new InetSocketAddress("127.0.0.1", 40000)),
                    HostCandidate.udp(new InetSocketAddress("::1", 40000))),
            42);

    @FuzzTest(maxDuration = "5s")
    void parse(byte[] bytes) {
        SessionDescription offer;
        try {
            offer = SdpParser.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (SdpParseException rejected) {
            return;
        }
        assertThat(SdpParser.parse(SdpWriter.write(offer))).isEqualTo(offer);

        SessionDescription answer = IceLiteAnswerer.answer(offer, OPTIONS);
        assertThat(answer.media()).hasSameSizeAs(offer.media());
        assertThat(SdpParser.parse(SdpWriter.write(answer))).isEqualTo(answer);
    }
}
