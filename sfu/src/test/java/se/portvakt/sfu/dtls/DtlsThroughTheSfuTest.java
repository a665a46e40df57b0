package se.portvakt.sfu.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.UDPTransport;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.server.UdpSfu;
import se.portvakt.sfu.srtp.SrtpProfile;
import se.portvakt.sfu.stun.StunEncoder;
import se.portvakt.sfu.stun.StunIntegrity;
import se.portvakt.sfu.stun.StunMessageType;

/**
 * The real DTLS layer inside the real UDP loop: a client that passed ICE completes the DTLS-SRTP handshake with
 * the SFU over 127.0.0.1, and both ends hold the same keys; a client whose certificate is not the one in its
 * offer does not.
 */
class DtlsThroughTheSfuTest {

    static final DtlsCertificate BROWSER = DtlsCertificate.generate();

    static String offerWithFingerprint(DtlsCertificate certificate) throws IOException {
        try (InputStream in = DtlsThroughTheSfuTest.class.getResourceAsStream("/sdp/chrome-156-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll(
                            "a=fingerprint:[^\\r\\n]+",
                            "a=fingerprint:" + certificate.fingerprint().toSdp());
        }
    }

    /** A nominating ICE check as the browser sends it, signed with the SFU's password. */
    static void passIce(DatagramSocket socket, ParticipantAnswer answer, InetSocketAddress sfu) throws IOException {
        byte[] check = new StunEncoder(
                        StunMessageType.BINDING_REQUEST, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
                .username(answer.localIce().ufrag() + ":" + answer.remoteIce().ufrag())
                .iceControlling(7)
                .priority(1845501695L)
                .useCandidate()
                .encode(StunIntegrity.shortTermKey(answer.localIce().pwd()), true);
        socket.send(new DatagramPacket(check, check.length, sfu));
        byte[] response = new byte[1500];
        socket.receive(new DatagramPacket(response, response.length));
    }

    @Test
    void aBrowserThatPassedIceCompletesTheHandshakeAndSharesTheKeys() throws Exception {
        try (BouncyCastleDtlsLayer dtls = new BouncyCastleDtlsLayer();
                Sfu sfu = UdpSfu.start(SfuSettings.loopback(), dtls, Clock.systemUTC());
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(5000);
            sfu.createMeeting("m1");
            ParticipantAnswer answer = sfu.addParticipant("m1", "anna", offerWithFingerprint(BROWSER));
            assertThat(answer.answerSdp())
                    .contains(
                            "a=fingerprint:" + dtls.fingerprint().algorithm() + " "
                                    + dtls.fingerprint().value(),
                            "a=setup:passive");
            passIce(socket, answer, sfu.localAddress());
            socket.connect(sfu.localAddress());

            TestDtlsClient browser = new TestDtlsClient(BROWSER, 0x0007, 0x0001);
            new DTLSClientProtocol().connect(browser, new UDPTransport(socket, 1500));

            assertThat(dtls.fingerprint().value())
                    .isEqualTo(Fingerprint.sha256(browser.serverCertificateDer)
                            .toSdp()
                            .split(" ", 2)[1]);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (dtls.stats().handshakesCompleted() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(dtls.stats().handshakesCompleted()).isEqualTo(1);
            assertThat(browser.keyingMaterial).hasSize(SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength());
        }
    }

    @Test
    void aBrowserWithAnotherCertificateThanItsOfferIsRefused() throws Exception {
        try (BouncyCastleDtlsLayer dtls = new BouncyCastleDtlsLayer();
                Sfu sfu = UdpSfu.start(SfuSettings.loopback(), dtls, Clock.systemUTC());
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(5000);
            sfu.createMeeting("m1");
            ParticipantAnswer answer = sfu.addParticipant("m1", "mallory", offerWithFingerprint(BROWSER));
            passIce(socket, answer, sfu.localAddress());
            socket.connect(sfu.localAddress());

            TestDtlsClient impostor = new TestDtlsClient(DtlsCertificate.generate(), 0x0007, 0x0001);
            try {
                new DTLSClientProtocol().connect(impostor, new UDPTransport(socket, 1500));
            } catch (IOException expected) {
                // the SFU's fatal alert ends the handshake
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (dtls.stats().fingerprintMismatches() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(dtls.stats().fingerprintMismatches()).isEqualTo(1);
            assertThat(dtls.stats().handshakesCompleted()).isZero();
        }
    }
}
