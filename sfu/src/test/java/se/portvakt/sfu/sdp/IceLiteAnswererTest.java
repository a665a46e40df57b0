package se.portvakt.sfu.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.ice.IceCredentials;

class IceLiteAnswererTest {
    static final IceCredentials ICE = new IceCredentials("sfu1", "sfupassword0123456789abc");
    static final Fingerprint FINGERPRINT = new Fingerprint(
            "sha-256",
            "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99");
    static final AnswerOptions OPTIONS = AnswerOptions.defaults(
            ICE,
            FINGERPRINT,
            List.of(
                    HostCandidate.udp(new InetSocketAddress("127.0.0.1", 40000)),
                    HostCandidate.udp(new InetSocketAddress("::1", 40000))),
            42);

    static SessionDescription answer(String offerText, AnswerOptions options) {
        SessionDescription answer = IceLiteAnswerer.answer(SdpParser.parse(offerText), options);
        // Everything we produce must parse again.
        return SdpParser.parse(SdpWriter.write(answer));
    }

    @Test
    void answersChromeAsIceLitePassiveBundledSfu() {
        SessionDescription a = answer(ChromeOffer.text(), OPTIONS);
        assertThat(a.iceLite()).isTrue();
        assertThat(a.bundleMids()).containsExactly("0", "1");
        assertThat(a.attribute("extmap-allow-mixed")).isPresent();
        for (MediaDescription m : a.media().subList(0, 2)) {
            assertThat(a.iceUfrag(m)).contains("sfu1");
            assertThat(a.icePwd(m)).contains("sfupassword0123456789abc");
            assertThat(a.fingerprint(m)).contains(FINGERPRINT);
            assertThat(a.setup(m)).contains("passive");
            assertThat(m.has("rtcp-mux")).isTrue();
            assertThat(m.has("rtcp-rsize")).isTrue();
            assertThat(m.direction()).isEqualTo(Direction.RECVONLY);
            assertThat(m.port()).isEqualTo(40000);
            assertThat(m.connection()).isEqualTo("IN IP4 127.0.0.1");
            assertThat(m.attributes("candidate"))
                    .containsExactly(
                            "1 1 udp 2130706431 127.0.0.1 40000 typ host",
                            "2 1 udp 2130706175 0:0:0:0:0:0:0:1 40000 typ host");
            assertThat(m.has("end-of-candidates")).isTrue();
        }
    }

    @Test
    void audioKeepsOpusOnlyWithOfferedExtmapIds() {
        MediaDescription audio = answer(ChromeOffer.text(), OPTIONS).media().get(0);
        assertThat(audio.mid()).contains("0");
        assertThat(audio.formats()).containsExactly("111");
        assertThat(audio.codecs())
                .as("transport-cc is not answered: the SFU sends no such feedback")
                .containsExactly(new Codec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", List.of()));
        assertThat(audio.extmaps()).extracting(Extmap::id).containsExactly(1, 2, 4);
    }

    @Test
    void videoKeepsVp8AndItsRtxWithFeedbackExtmapsAndSimulcast() {
        MediaDescription video = answer(ChromeOffer.text(), OPTIONS).media().get(1);
        assertThat(video.formats()).containsExactly("96", "97");
        assertThat(video.codecs().get(0).feedback()).containsExactly("goog-remb", "ccm fir", "nack", "nack pli");
        assertThat(video.codecs().get(1).associatedPayloadType()).hasValue(96);
        assertThat(video.extmaps())
                .containsExactly(
                        new Extmap(2, "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"),
                        new Extmap(4, "urn:ietf:params:rtp-hdrext:sdes:mid"),
                        new Extmap(10, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"),
                        new Extmap(11, "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id"));
        assertThat(video.rids())
                .extracting(Rid::id, Rid::direction)
                .containsExactly(tuple("q", "recv"), tuple("h", "recv"), tuple("f", "recv"));
        assertThat(video.simulcast()).contains("recv q;h;f");
        assertThat(video.attributes("fmtp"))
                .as("the estimator's start for VP8; RTX keeps its apt alone")
                .containsExactly("96 x-google-start-bitrate=1000", "97 apt=96");
    }

    /** Which bandwidth feedback a section gets: transport-cc needs it turned on, its extension and its rtcp-fb. */
    static Stream<Arguments> bandwidthFeedback() {
        String tccLine = "a=extmap:3 " + AnswerOptions.TRANSPORT_CC_URI + "\r\n";
        AnswerOptions tcc = OPTIONS.withTransportCc();
        return Stream.of(
                Arguments.of("by default", OPTIONS, (UnaryOperator<String>) s -> s, List.of("goog-remb"), false),
                Arguments.of(
                        "turned on, Chrome's offer",
                        tcc,
                        (UnaryOperator<String>) s -> s,
                        List.of("transport-cc"),
                        true),
                Arguments.of(
                        "turned on, no transport-wide extension",
                        tcc,
                        (UnaryOperator<String>) s -> s.replace(tccLine, ""),
                        List.of("goog-remb"),
                        false),
                Arguments.of(
                        "turned on, no transport-cc rtcp-fb",
                        tcc,
                        (UnaryOperator<String>) s -> s.replaceAll("a=rtcp-fb:\\d+ transport-cc\r\n", ""),
                        List.of("goog-remb"),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bandwidthFeedback")
    void transportCcOrRembNeverBoth(
            String name, AnswerOptions options, UnaryOperator<String> edit, List<String> bandwidth, boolean extension) {
        for (int section = 0; section < 2; section++) {
            MediaDescription m =
                    answer(edit.apply(ChromeOffer.text()), options).media().get(section);
            assertThat(m.codecs().get(0).feedback())
                    .filteredOn(fb -> fb.equals("goog-remb") || fb.equals("transport-cc"))
                    .containsExactlyElementsOf(section == 0 && !extension ? List.of() : bandwidth);
            assertThat(m.extmaps().stream().anyMatch(e -> e.uri().equals(AnswerOptions.TRANSPORT_CC_URI)))
                    .isEqualTo(extension);
        }
    }

    @Test
    void dataChannelIsRejectedAndLeftOutOfBundle() {
        MediaDescription app = answer(ChromeOffer.text(), OPTIONS).media().get(2);
        assertThat(app.port()).isZero();
        assertThat(app.mid()).contains("2");
        assertThat(app.formats()).containsExactly("webrtc-datachannel");
    }

    /** Offers edited so that every number differs from Chrome's; the answer must follow. */
    static Stream<Arguments> renumbered() {
        return Stream.of(
                Arguments.of(
                        "VP8 as 122, its RTX as 123",
                        (UnaryOperator<String>) s -> s.replace(" 96 97 ", " 122 123 ")
                                .replace(":96 ", ":122 ")
                                .replace(":97 ", ":123 ")
                                .replace("apt=96", "apt=122"),
                        1,
                        List.of("122", "123"),
                        List.of(2, 4, 10, 11)),
                Arguments.of(
                        "opus as 109",
                        (UnaryOperator<String>) s -> s.replace("SAVPF 111 ", "SAVPF 109 ")
                                .replace(":111 ", ":109 ")
                                .replace(" 111/111", " 109/109"),
                        0,
                        List.of("109"),
                        List.of(1, 2, 4)),
                Arguments.of(
                        "abs-send-time as extmap 64, mid as 100 (two-byte ids)",
                        (UnaryOperator<String>)
                                s -> s.replace("extmap:2 ", "extmap:64 ").replace("extmap:4 ", "extmap:100 "),
                        1,
                        List.of("96", "97"),
                        List.of(64, 100, 10, 11)),
                Arguments.of(
                        "two-byte extmap id 200 for rid",
                        (UnaryOperator<String>) s -> s.replace("extmap:10 ", "extmap:200 "),
                        1,
                        List.of("96", "97"),
                        List.of(2, 4, 200, 11)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renumbered")
    void payloadTypesAndExtmapIdsAreEchoedNeverHardCoded(
            String name, UnaryOperator<String> edit, int index, List<String> formats, List<Integer> extmapIds) {
        MediaDescription m =
                answer(edit.apply(ChromeOffer.text()), OPTIONS).media().get(index);
        assertThat(m.formats()).containsExactlyElementsOf(formats);
        assertThat(m.extmaps()).extracting(Extmap::id).containsExactlyElementsOf(extmapIds);
    }

    @Test
    void h264CanBeEnabledAndBringsItsRtx() {
        AnswerOptions withH264 = new AnswerOptions(
                ICE,
                FINGERPRINT,
                OPTIONS.candidates(),
                1,
                Set.of("VP8", "H264"),
                AnswerOptions.DEFAULT_EXTENSIONS,
                AnswerOptions.DEFAULT_FEEDBACK,
                2);
        MediaDescription video = answer(ChromeOffer.text(), withH264).media().get(1);
        assertThat(video.formats())
                .containsExactly(
                        "96", "97", "102", "103", "104", "107", "108", "109", "114", "115", "116", "117", "39", "40");
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of(
                        "no common video codec",
                        (UnaryOperator<String>) s -> s.replace("VP8/90000", "XYZ/90000"),
                        List.of("0")),
                Arguments.of(
                        "video outside BUNDLE",
                        (UnaryOperator<String>) s -> s.replace("BUNDLE 0 1 2", "BUNDLE 0 2"),
                        List.of("0")),
                Arguments.of(
                        "audio without rtcp-mux",
                        (UnaryOperator<String>) s -> s.replaceFirst("a=rtcp-mux\r\n", ""),
                        List.of("1")),
                Arguments.of(
                        "no BUNDLE at all",
                        (UnaryOperator<String>) s -> s.replace("a=group:BUNDLE 0 1 2\r\n", ""),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void unusableSectionsAreRejectedWithPortZero(String name, UnaryOperator<String> edit, List<String> bundle) {
        SessionDescription a = answer(edit.apply(ChromeOffer.text()), OPTIONS);
        assertThat(a.bundleMids()).containsExactlyElementsOf(bundle);
        for (MediaDescription m : a.media()) {
            assertThat(m.port() == 0).isEqualTo(!bundle.contains(m.mid().orElseThrow()));
        }
    }

    @Test
    void withNothingToSendWeOnlyReceive() {
        assertThat(answer(ChromeOffer.text().replace("a=sendonly", "a=sendrecv"), OPTIONS)
                        .media()
                        .get(0)
                        .direction())
                .isEqualTo(Direction.RECVONLY);
        assertThat(answer(ChromeOffer.text().replace("a=sendonly", "a=recvonly"), OPTIONS)
                        .media()
                        .get(1)
                        .direction())
                .as("a receive slot with no stream placed in it")
                .isEqualTo(Direction.INACTIVE);
        assertThat(answer(ChromeOffer.text().replace("a=sendonly", "a=inactive"), OPTIONS)
                        .media()
                        .get(1)
                        .direction())
                .isEqualTo(Direction.INACTIVE);
    }

    @Test
    void aStreamPlacedInAReceiveSlotIsAnnouncedWithMsidAndSsrcWithoutRtx() {
        String offer = ChromeOffer.text().replace("a=sendonly", "a=recvonly");
        String videoMid = SdpParser.parse(offer).media().get(1).mid().orElseThrow();
        SessionDescription a = IceLiteAnswerer.answer(
                SdpParser.parse(offer),
                OPTIONS.withVersion(7),
                Map.of(videoMid, new Outgoing(3_000_000_001L, "alice", "camera-1")));

        MediaDescription video = a.media().get(1);
        assertThat(video.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(video.attributes("msid")).containsExactly("alice camera-1");
        assertThat(video.attributes("ssrc"))
                .containsExactly("3000000001 cname:alice", "3000000001 msid:alice camera-1");
        assertThat(video.codecs()).extracting(Codec::name).containsOnly("VP8");
        assertThat(a.media().get(0).direction())
                .as("nothing placed in the audio slot")
                .isEqualTo(Direction.INACTIVE);
        assertThat(a.origin()).endsWith(" 7 IN IP4 0.0.0.0");
    }
}
