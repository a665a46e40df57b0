package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.sdp.SdpParser;

class NegotiatedTest {

    static final String VIDEO = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendonly\r\n"
            + "a=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n";

    @Test
    void anFidGroupPairsTheRtxSsrcWithItsMediaSsrc() {
        var m = SdpParser.parse(VIDEO + "a=ssrc-group:FID 1111 2222\r\n")
                .media()
                .get(0);
        assertThat(Negotiated.rtxSsrcs(m)).isEqualTo(Map.of(2222L, 1111L));
    }

    @Test
    void aMalformedFidGroupPairsNothingAndThrowsNothing() {
        var m = SdpParser.parse(VIDEO + "a=ssrc-group:FID abc 2222\r\na=ssrc-group:FID 1111 99999999999999999999\r\n")
                .media()
                .get(0);
        assertThat(Negotiated.rtxSsrcs(m)).isEmpty();
    }
}
