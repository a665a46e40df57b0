package se.portvakt.sfu.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.demux.PacketDemux;
import se.portvakt.sfu.demux.PacketKind;
import se.portvakt.sfu.stun.StunAttributeType;
import se.portvakt.sfu.stun.StunDecoder;
import se.portvakt.sfu.stun.StunIntegrity;
import se.portvakt.sfu.stun.StunMessage;
import se.portvakt.sfu.stun.StunMessageType;

/** Datagrams recorded from headless Chromium 156 talking to this agent (resources/capture/chrome-156-ice.txt). */
class ChromeCaptureTest {
    static final IceCredentials OURS = new IceCredentials("sfuCapt", "capturepassword012345678");
    static final IceCredentials CHROME = new IceCredentials("4ukl", "5GuTrCH5hmtCJuhQb3UjHbeJ");
    static final InetSocketAddress CHROME_ADDRESS = new InetSocketAddress("192.0.2.2", 53799);

    record Datagram(PacketKind kind, byte[] bytes) {
        @Override
        public String toString() {
            return kind + " " + bytes.length + " bytes";
        }
    }

    static List<Datagram> recorded() {
        try (InputStream in = ChromeCaptureTest.class.getResourceAsStream("/capture/chrome-156-ice.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split(" ", 2))
                    .map(p -> new Datagram(
                            PacketKind.valueOf(p[0]), HexFormat.of().parseHex(p[1].trim())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Datagram> stun() {
        return recorded().stream().filter(d -> d.kind() == PacketKind.STUN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void demuxSortsEveryRecordedDatagram(Datagram d) {
        assertThat(new PacketDemux().classify(d.bytes(), 0, d.bytes().length)).isEqualTo(d.kind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stun")
    void chromeChecksCarryWhatTheAgentRequires(Datagram d) {
        StunMessage m = StunDecoder.decode(d.bytes(), 0, d.bytes().length).orElseThrow();
        assertThat(m.type()).isEqualTo(StunMessageType.BINDING_REQUEST);
        assertThat(m.username()).contains("sfuCapt:4ukl");
        assertThat(m.iceControlling()).isPresent();
        assertThat(m.priority()).isPresent();
        assertThat(m.has(0xC057)).as("GOOG-NETWORK-INFO, optional").isTrue();
        assertThat(StunIntegrity.verifyFingerprint(m)).isTrue();
        assertThat(StunIntegrity.verifyIntegrity(m, StunIntegrity.shortTermKey(OURS.pwd())))
                .isTrue();
    }

    @Test
    void agentAnswersEveryRecordedCheckAndNominatesOnUseCandidate() {
        IceLiteAgent agent = new IceLiteAgent(new MutableClock());
        IceSession session = agent.open(OURS, CHROME);
        int nominations = 0;
        for (Datagram d : stun().toList()) {
            IceOutcome out = agent.handle(d.bytes(), 0, d.bytes().length, CHROME_ADDRESS);
            StunMessage response =
                    StunDecoder.decode(out.response(), 0, out.response().length).orElseThrow();
            assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
            assertThat(response.xorMappedAddress()).contains(CHROME_ADDRESS);
            StunMessage request =
                    StunDecoder.decode(d.bytes(), 0, d.bytes().length).orElseThrow();
            assertThat(response.transactionId()).isEqualTo(request.transactionId());
            if (out.nominated()) {
                nominations++;
                assertThat(request.has(StunAttributeType.USE_CANDIDATE)).isTrue();
            }
        }
        assertThat(nominations).isEqualTo(1);
        assertThat(session.nominated()).contains(CHROME_ADDRESS);
        assertThat(agent.rejected()).isZero();
    }
}
