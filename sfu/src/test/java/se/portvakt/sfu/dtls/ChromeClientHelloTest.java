package se.portvakt.sfu.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.srtp.SrtpProfile;

/** Our answer to the ClientHello a real Chromium 156 sent (recorded in capture/chrome-156-ice.txt). */
class ChromeClientHelloTest {

    private static final int HANDSHAKE = 22;
    private static final int SERVER_HELLO = 2;
    private static final int USE_SRTP = 0x000e;

    @Test
    void answersChromeWithAServerHelloChoosingEcdheEcdsaAesGcmAndSrtpAeadAesGcm() throws Exception {
        List<byte[]> sent = new ArrayList<>();
        DtlsStats stats = new DtlsStats();
        Fingerprint chrome = Fingerprint.parse(
                "sha-256 BD:3A:A4:33:E8:C3:BA:A2:5A:81:B1:9A:B9:85:30:3E:C9:3A:F5:8B:30:32:18:3D:EB:B3:DC:5F:19:A2:BD:E3");
        DtlsSession session = new DtlsSession(
                DtlsCertificate.generate(),
                chrome,
                d -> {
                    synchronized (sent) {
                        sent.add(d);
                        sent.notifyAll();
                    }
                },
                stats,
                Duration.ofSeconds(5));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            List<byte[]> recorded = recordedDtls();
            assertThat(recorded).isNotEmpty();
            session.start(pool);
            for (byte[] datagram : recorded) {
                session.receive(datagram);
            }
            byte[] first;
            synchronized (sent) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (sent.isEmpty() && System.nanoTime() < deadline) {
                    sent.wait(100);
                }
                assertThat(sent).as("the server answered").isNotEmpty();
                first = sent.get(0);
            }

            ByteBuffer record = ByteBuffer.wrap(first);
            assertThat(record.get() & 0xff).isEqualTo(HANDSHAKE);
            assertThat(record.getShort() & 0xffff).as("DTLS 1.2").isEqualTo(0xfefd);
            record.position(13);
            assertThat(record.get() & 0xff).isEqualTo(SERVER_HELLO);
            record.position(13 + 12);
            assertThat(record.getShort() & 0xffff).as("server_version").isEqualTo(0xfefd);
            record.position(record.position() + 32);
            int sessionIdLength = record.get() & 0xff;
            record.position(record.position() + sessionIdLength);
            assertThat(record.getShort() & 0xffff)
                    .as("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
                    .isEqualTo(0xc02b);
            assertThat(record.get()).as("no compression").isZero();
            int extensionsEnd = (record.getShort() & 0xffff) + record.position();
            Integer chosenProfile = null;
            while (record.position() < extensionsEnd) {
                int type = record.getShort() & 0xffff;
                int length = record.getShort() & 0xffff;
                if (type == USE_SRTP) {
                    assertThat(record.getShort() & 0xffff).as("one profile").isEqualTo(2);
                    chosenProfile = record.getShort() & 0xffff;
                    assertThat(record.get()).as("empty MKI").isZero();
                } else {
                    record.position(record.position() + length);
                }
            }
            assertThat(chosenProfile).isEqualTo(SrtpProfile.AEAD_AES_128_GCM.id());
        } finally {
            session.close();
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static List<byte[]> recordedDtls() throws IOException {
        try (InputStream in = ChromeClientHelloTest.class.getResourceAsStream("/capture/chrome-156-ice.txt")) {
            List<byte[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("DTLS ")) {
                    out.add(HexFormat.of().parseHex(line.substring(5).strip()));
                }
            }
            return out;
        }
    }
}
