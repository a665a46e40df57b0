package se.portvakt.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.dtls.Fingerprint;
import se.portvakt.sfu.ice.IceCredentials;
import se.portvakt.sfu.sdp.AnswerOptions;
import se.portvakt.sfu.sdp.IceLiteAnswerer;
import se.portvakt.sfu.sdp.MediaDescription;
import se.portvakt.sfu.sdp.SdpParser;
import se.portvakt.sfu.sdp.SdpWriter;
import se.portvakt.sfu.sdp.SessionDescription;

/** The generator's offer is one Portvakt's answerer accepts, and the answer gives back what the generator needs. */
class SdpTest {

    @Test
    void portvaktAnswersTheGeneratorsOfferAndTheGeneratorReadsTheAnswer() throws Exception {
        try (LoadGenerator generator = new LoadGenerator(MediaProfile.CAMERA_AND_MIC, 1)) {
            Connection c = generator.newConnection("p0");
            OutgoingStream audio = generator.publish(c, false, "0");
            OutgoingStream video = generator.publish(c, true, "1");
            String offer = Sdp.offer(
                    c,
                    List.of(
                            Sdp.Section.send(audio),
                            Sdp.Section.send(video),
                            Sdp.Section.receive("2", false),
                            Sdp.Section.receive("3", true)),
                    "actpass");

            IceCredentials sfuIce = IceCredentials.random();
            Fingerprint sfuFingerprint = Fingerprint.sha256(new byte[] {1, 2, 3});
            String hex = sfuFingerprint.toSdp().split(" ")[1];
            java.net.InetSocketAddress sfu = new java.net.InetSocketAddress("127.0.0.1", 40_000);
            SessionDescription answer = IceLiteAnswerer.answer(
                    SdpParser.parse(offer),
                    AnswerOptions.defaults(
                            sfuIce,
                            new se.portvakt.sfu.sdp.Fingerprint("sha-256", hex),
                            List.of(se.portvakt.sfu.sdp.HostCandidate.udp(sfu)),
                            1));

            assertThat(answer.media()).extracting(MediaDescription::port).doesNotContain(0);
            assertThat(answer.bundleMids()).containsExactly("0", "1", "2", "3");
            Sdp.Remote remote = Sdp.remote(SdpWriter.write(answer));
            assertThat(remote.address()).isEqualTo(sfu);
            assertThat(remote.ice()).isEqualTo(sfuIce);
            assertThat(remote.fingerprint()).isEqualTo(sfuFingerprint);
            assertThat(SdpParser.parse(offer).media().get(1).attributes("ssrc"))
                    .anyMatch(line -> line.startsWith(video.ssrc() + " "));
        }
    }
}
