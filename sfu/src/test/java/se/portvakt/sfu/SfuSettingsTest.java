package se.portvakt.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SfuSettingsTest {

    @Test
    void eachLoopTakesThePortsAfterThePreviousLoops() {
        SfuSettings settings = SfuSettings.of(
                        new InetSocketAddress("0.0.0.0", 10000),
                        InetSocketAddress.createUnresolved("media.example.se", 10000),
                        new InetSocketAddress("0.0.0.0", 10000))
                .withLoops(3);

        SfuSettings third = settings.forLoop(2);

        assertThat(third.loops()).isEqualTo(1);
        assertThat(third.bind().getPort()).isEqualTo(10002);
        assertThat(third.tcpBind().getPort()).isEqualTo(10002);
        assertThat(third.advertised().getHostString()).isEqualTo("media.example.se");
        assertThat(third.advertised().getPort()).isEqualTo(10002);
        assertThat(settings.forLoop(0).bind()).isEqualTo(settings.bind());
    }

    @Test
    void portZeroStaysAnyFreePortAndNoTcpStaysNone() {
        SfuSettings loop = SfuSettings.loopback().withLoops(2).forLoop(1);

        assertThat(loop.bind().getPort()).isZero();
        assertThat(loop.tcpBind()).isNull();
        assertThat(loop.advertised()).isNull();
    }

    @Test
    void refusesNoLoopsAndPortsPastTheLast() {
        assertThatThrownBy(() -> SfuSettings.loopback().withLoops(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one packet loop");
        SfuSettings high = SfuSettings.of(new InetSocketAddress("127.0.0.1", 65535), null, null);
        assertThatThrownBy(() -> high.forLoop(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536");
    }

    @Test
    void productionDefaultsToALoopPerCore() {
        assertThat(SfuSettings.of(new InetSocketAddress("127.0.0.1", 0), null, null)
                        .loops())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
