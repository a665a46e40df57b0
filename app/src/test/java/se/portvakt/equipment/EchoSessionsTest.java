package se.portvakt.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.Sfus;

/** Echo sessions on a real SFU on 127.0.0.1: opened alone, ended on time or on request, refused when too many. */
class EchoSessionsTest {

    Sfu sfu;
    EchoSessions echoes;

    @BeforeEach
    void start() {
        sfu = Sfus.start(new InetSocketAddress("127.0.0.1", 0), null, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (echoes != null) {
            echoes.destroy();
        }
        sfu.close();
    }

    /** A real offer from headless Chromium (copied from the sfu module's test resources). */
    static String chromeOffer() throws IOException {
        try (InputStream in = EchoSessionsTest.class.getResourceAsStream("/sdp/chrome-156-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    EchoSessions echoes(Duration lasts, int perAddress, int atOnce) {
        echoes = new EchoSessions(
                sfu, new EquipmentProperties(lasts, perAddress, Duration.ofMinutes(10), atOnce), Clock.systemUTC());
        return echoes;
    }

    @Test
    void anEchoSessionIsARoomOfItsOwnThatEndsAfterItsTime() throws Exception {
        EchoSessions.Opened opened = echoes(Duration.ofMillis(300), 5, 5).open("192.0.2.1", chromeOffer());

        assertThat(opened.session()).startsWith("echo-");
        assertThat(opened.answer().answerSdp()).contains("a=ice-lite");
        assertThat(sfu.stats(opened.session()).participants()).isEqualTo(1);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (echoes.isOpen(opened.session()) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(echoes.isOpen(opened.session())).isFalse();
        assertThatThrownBy(() -> sfu.stats(opened.session()))
                .as("the SFU forgot the room")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTesterEndsItEarlyButNobodyEndsAMeetingThroughIt() throws Exception {
        EchoSessions.Opened opened = echoes(Duration.ofMinutes(1), 5, 5).open("192.0.2.1", chromeOffer());
        sfu.createMeeting("a-real-meeting");

        echoes.end(opened.session());
        echoes.end("a-real-meeting");

        assertThat(echoes.isOpen(opened.session())).isFalse();
        assertThatThrownBy(() -> sfu.stats(opened.session())).isInstanceOf(IllegalArgumentException.class);
        assertThat(sfu.stats("a-real-meeting").participants())
                .as("not an echo session: untouched")
                .isZero();
    }

    @Test
    void anAddressThatTestsTooOftenIsRefusedAndToldWhenAnotherAddressIsNot() throws Exception {
        echoes(Duration.ofMinutes(1), 2, 10);
        echoes.open("192.0.2.1", chromeOffer());
        echoes.open("192.0.2.1", chromeOffer());

        EchoRefused refused = catchThrowableOfType(EchoRefused.class, () -> echoes.open("192.0.2.1", chromeOffer()));

        assertThat(refused.reason()).isEqualTo("rate-limited");
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(echoes.open("192.0.2.2", chromeOffer()).session()).startsWith("echo-");
    }

    @Test
    void tooManyAtOnceIsBusyAndAnUnusableOfferLeavesNothingOpen() throws Exception {
        echoes(Duration.ofMinutes(1), 10, 1);
        EchoRefused invalid = catchThrowableOfType(EchoRefused.class, () -> echoes.open("192.0.2.1", "v=0\r\n"));
        assertThat(invalid.reason()).isEqualTo("invalid");

        echoes.open("192.0.2.1", chromeOffer());
        EchoRefused busy = catchThrowableOfType(EchoRefused.class, () -> echoes.open("192.0.2.3", chromeOffer()));
        assertThat(busy.reason()).isEqualTo("busy");
    }
}
