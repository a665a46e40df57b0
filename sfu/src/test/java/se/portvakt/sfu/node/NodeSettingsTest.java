package se.portvakt.sfu.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {

    static final Map<String, String> REQUIRED = Map.of(
            "portvakt.sfu.secret", "0123456789abcdef", "portvakt.sfu.events-url", "http://app/internal/sfu/events");

    @Test
    void defaults() {
        NodeSettings settings = NodeSettings.from(REQUIRED::get);
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.udpPort()).isEqualTo(10000);
        assertThat(settings.tcpPort()).as("the UDP port's number").isEqualTo(10000);
        assertThat(settings.advertisedAddress()).isNull();
        assertThat(settings.control().getPort()).isEqualTo(8444);
        assertThat(settings.secret().matches("Bearer 0123456789abcdef")).isTrue();
        assertThat(settings.eventsUrl()).hasToString("http://app/internal/sfu/events");
        assertThat(settings.controlUrl())
                .as("the control address and port, once bound")
                .isNull();
        assertThat(settings.transportCc()).isTrue();
        assertThat(settings.loops())
                .as("a loop per core")
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void loopsAreANumberFromOneUp() {
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.put("portvakt.sfu.loops", "3");
        assertThat(NodeSettings.from(settings::get).loops()).isEqualTo(3);
        settings.put("portvakt.sfu.loops", "0");
        assertThatThrownBy(() -> NodeSettings.from(settings::get)).hasMessageContaining("PORTVAKT_SFU_LOOPS");
        settings.put("portvakt.sfu.loops", "alla");
        assertThatThrownBy(() -> NodeSettings.from(settings::get)).hasMessageContaining("not alla");
    }

    @Test
    void transportCcIsTrueOrFalse() {
        Map<String, String> off = new HashMap<>(REQUIRED);
        off.put("portvakt.sfu.transport-cc", "false");
        assertThat(NodeSettings.from(off::get).transportCc()).isFalse();
        off.put("portvakt.sfu.transport-cc", "nej");
        assertThatThrownBy(() -> NodeSettings.from(off::get)).hasMessageContaining("PORTVAKT_SFU_TRANSPORT_CC");
    }

    @Test
    void aWildcardControlAddressNeedsAControlUrl() {
        Map<String, String> wildcard = new HashMap<>(REQUIRED);
        wildcard.put("portvakt.sfu.control-address", "0.0.0.0");
        assertThatThrownBy(() -> NodeSettings.from(wildcard::get)).hasMessageContaining("PORTVAKT_SFU_CONTROL_URL");
        wildcard.put("portvakt.sfu.control-url", "http://10.0.0.5:8444");
        assertThat(NodeSettings.from(wildcard::get).controlUrl()).hasToString("http://10.0.0.5:8444");
    }

    @Test
    void refusesToStartWithoutASecretOrWithAShortOne() {
        Map<String, String> none = new HashMap<>(REQUIRED);
        none.remove("portvakt.sfu.secret");
        assertThatThrownBy(() -> NodeSettings.from(none::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PORTVAKT_SFU_SECRET");
        Map<String, String> shortOne = new HashMap<>(REQUIRED);
        shortOne.put("portvakt.sfu.secret", "0123456789abcde");
        assertThatThrownBy(() -> NodeSettings.from(shortOne::get)).hasMessageContaining("at least 16");
    }

    @Test
    void refusesToStartWithoutEventsUrlOrWithABadPort() {
        Map<String, String> noEvents = new HashMap<>(REQUIRED);
        noEvents.remove("portvakt.sfu.events-url");
        assertThatThrownBy(() -> NodeSettings.from(noEvents::get)).hasMessageContaining("PORTVAKT_SFU_EVENTS_URL");
        Map<String, String> badPort = new HashMap<>(REQUIRED);
        badPort.put("portvakt.sfu.udp-port", "70000");
        assertThatThrownBy(() -> NodeSettings.from(badPort::get)).hasMessageContaining("udp-port");
    }

    @Test
    void aWildcardBindNeedsAnAdvertisedAddress() {
        Map<String, String> wildcard = new HashMap<>(REQUIRED);
        wildcard.put("portvakt.sfu.bind-address", "0.0.0.0");
        assertThatThrownBy(() -> NodeSettings.from(wildcard::get)).hasMessageContaining("advertised-address");
        wildcard.put("portvakt.sfu.advertised-address", "203.0.113.7");
        assertThat(NodeSettings.from(wildcard::get).bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void noIceTcpAndAnAdvertisedAddress() {
        Map<String, String> given = new HashMap<>(REQUIRED);
        given.put("portvakt.sfu.tcp-port", "-1");
        given.put("portvakt.sfu.advertised-address", "203.0.113.7");
        NodeSettings settings = NodeSettings.from(given::get);
        assertThat(settings.tcpPort()).isEqualTo(-1);
        assertThat(settings.advertisedAddress()).isEqualTo("203.0.113.7");
    }
}
