package se.portvakt.sfu.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SdpParserTest {
    final SessionDescription offer = SdpParser.parse(ChromeOffer.text());

    @Test
    void sessionLevel() {
        assertThat(offer.bundleMids()).containsExactly("0", "1", "2");
        assertThat(offer.iceLite()).isFalse();
        assertThat(offer.attribute("extmap-allow-mixed")).isPresent();
        assertThat(offer.media()).extracting(MediaDescription::kind).containsExactly("audio", "video", "application");
    }

    @Test
    void transportAttributesPerMedia() {
        for (MediaDescription m : offer.media()) {
            assertThat(offer.iceUfrag(m)).contains("4ukl");
            assertThat(offer.icePwd(m)).contains("5GuTrCH5hmtCJuhQb3UjHbeJ");
            assertThat(offer.setup(m)).contains("actpass");
            Fingerprint fp = offer.fingerprint(m).orElseThrow();
            assertThat(fp.algorithm()).isEqualTo("sha-256");
            assertThat(fp.value()).startsWith("BD:3A:A4").hasSize(95);
        }
        assertThat(offer.media()).extracting(m -> m.mid().orElseThrow()).containsExactly("0", "1", "2");
        assertThat(offer.media().get(0).has("rtcp-mux")).isTrue();
        assertThat(offer.media().get(1).has("rtcp-rsize")).isTrue();
        assertThat(offer.media().get(2).has("rtcp-mux")).isFalse();
    }

    @Test
    void audioCodecs() {
        MediaDescription audio = offer.media().get(0);
        assertThat(audio.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(audio.codecs()).extracting(Codec::payloadType).containsExactly(111, 63, 9, 0, 8, 13, 110, 126);
        Codec opus = audio.codecs().get(0);
        assertThat(opus)
                .isEqualTo(new Codec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", List.of("transport-cc")));
        assertThat(audio.extmaps())
                .containsExactly(
                        new Extmap(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"),
                        new Extmap(2, "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"),
                        new Extmap(3, "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"),
                        new Extmap(4, "urn:ietf:params:rtp-hdrext:sdes:mid"));
    }

    @Test
    void videoCodecsFeedbackRtxAndSimulcast() {
        MediaDescription video = offer.media().get(1);
        Codec vp8 = video.codecs().get(0);
        assertThat(vp8.payloadType()).isEqualTo(96);
        assertThat(vp8.name()).isEqualTo("VP8");
        assertThat(vp8.clockRate()).isEqualTo(90000);
        assertThat(vp8.feedback()).containsExactly("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
        Codec rtx = video.codecs().get(1);
        assertThat(rtx.isRtx()).isTrue();
        assertThat(rtx.associatedPayloadType()).hasValue(96);
        assertThat(video.codecs()).hasSize(23);
        assertThat(video.codecs())
                .filteredOn(c -> c.name().equals("AV1"))
                .extracting(Codec::payloadType)
                .containsExactly(45);
        assertThat(video.extmaps()).extracting(Extmap::id).containsExactly(14, 2, 13, 3, 5, 6, 7, 8, 4, 10, 11, 12, 9);
        assertThat(video.rids())
                .containsExactly(new Rid("q", "send", ""), new Rid("h", "send", ""), new Rid("f", "send", ""));
        assertThat(video.simulcast()).contains("send q;h;f");
    }

    @Test
    void dataChannelSectionIsKeptButHasNoCodecs() {
        MediaDescription app = offer.media().get(2);
        assertThat(app.isRtp()).isFalse();
        assertThat(app.formats()).containsExactly("webrtc-datachannel");
        assertThat(app.codecs()).isEmpty();
        assertThat(app.attribute("sctp-port")).contains("5000");
    }

    @Test
    void writerRoundTripsTheOffer() {
        String written = SdpWriter.write(offer);
        assertThat(SdpParser.parse(written)).isEqualTo(offer);
        assertThat(written).endsWith("\r\n").doesNotContain("\n\n");
    }

    @Test
    void acceptsBareLineFeeds() {
        assertThat(SdpParser.parse(ChromeOffer.text().replace("\r\n", "\n"))).isEqualTo(offer);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("no v=0 first", "o=- 1 2 IN IP4 127.0.0.1\r\nv=0\r\n"),
                Arguments.of("no o= line", "v=0\r\ns=-\r\n"),
                Arguments.of("garbage line", "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nhello\r\n"),
                Arguments.of("short m= line", "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nm=audio 9\r\n"),
                Arguments.of(
                        "port not a number", "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nm=audio x UDP/TLS/RTP/SAVPF 111\r\n"),
                Arguments.of(
                        "payload type not a number",
                        "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nm=audio 9 UDP/TLS/RTP/SAVPF opus\r\n"),
                Arguments.of(
                        "payload type 128", "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 128\r\n"),
                Arguments.of(
                        "rtpmap without name",
                        "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111\r\n"),
                // Found writing SdpParserFuzzTest: "/".split("/") is empty; reading its encoding name threw
                // ArrayIndexOutOfBoundsException instead of SdpParseException.
                Arguments.of(
                        "rtpmap of only a slash",
                        "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 /\r\n"),
                Arguments.of(
                        "rtpmap without encoding name",
                        "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 /48000\r\n"),
                Arguments.of(
                        "bad clock rate",
                        "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/fast\r\n"),
                Arguments.of(
                        "extmap id 0",
                        "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=extmap:0 urn:x\r\n"),
                Arguments.of(
                        "extmap without uri",
                        "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=extmap:3\r\n"),
                Arguments.of(
                        "rid with bad direction",
                        "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rid:q sideways\r\n"),
                Arguments.of(
                        "fingerprint not hex",
                        "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\na=fingerprint:sha-256 zz:11\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedSdpIsRejectedWithAParseException(String name, String text) {
        assertThatThrownBy(() -> SdpParser.parse(text)).isInstanceOf(SdpParseException.class);
    }
}
