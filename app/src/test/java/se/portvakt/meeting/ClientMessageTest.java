package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Every message type of docs/protocol.md parses to its record; bad fields fail to parse. */
class ClientMessageTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ID = "\"3f2b8c1e-2d6a-4d8e-9d7a-0b1c2d3e4f50\"";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":\"admit\",\"participantId\":" + ID + "}                      | Admit",
                "{\"type\":\"admitAll\",\"meetingId\":" + ID + "}                       | AdmitAll",
                "{\"type\":\"deny\",\"participantId\":" + ID + "}                       | Deny",
                "{\"type\":\"deny\",\"participantId\":" + ID + ",\"message\":\"Nej\"}   | Deny",
                "{\"type\":\"move\",\"participantId\":" + ID + ",\"meetingId\":" + ID + "} | Move",
                "{\"type\":\"sendBack\",\"participantId\":" + ID + "}                   | SendBack",
                "{\"type\":\"remove\",\"participantId\":" + ID + "}                     | Remove",
                "{\"type\":\"join\"}                                                    | Join",
                "{\"type\":\"lock\",\"locked\":true}                                    | Lock",
                "{\"type\":\"end\"}                                                     | End",
                "{\"type\":\"mute\",\"participantId\":" + ID + "}                       | Mute",
                "{\"type\":\"cameraOff\",\"participantId\":" + ID + "}                  | CameraOff",
                "{\"type\":\"chat\",\"text\":\"Hej\"}                                   | Chat",
                "{\"type\":\"hand\",\"raised\":true}                                    | Hand",
                "{\"type\":\"react\",\"reaction\":\"heart\"}                            | React",
                "{\"type\":\"leave\"}                                                   | Leave",
                "{\"type\":\"ping\"}                                                    | Ping",
                "{\"type\":\"publish\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\"}        | Publish",
                "{\"type\":\"layers\",\"slots\":{\"3\":\"high\",\"5\":\"low\"}}                | Layers",
                "{\"type\":\"layers\",\"slots\":{}}                                        | Layers"
            })
    void eachTypeParsesToItsRecord(String json, String record) {
        ClientMessage message = JSON.readValue(json, ClientMessage.class);
        assertThat(message.getClass().getSimpleName()).isEqualTo(record);
        assertThat(SignalingHandler.typeOf(message)).isEqualTo(json.replaceAll(".*\"type\":\"([A-Za-z]+)\".*", "$1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"admit\"}",
                "{\"type\":\"admit\",\"participantId\":\"x\"}",
                "{\"type\":\"move\",\"participantId\":" + ID + "}",
                "{\"type\":\"chat\",\"text\":\"   \"}",
                "{\"type\":\"chat\"}",
                "{\"type\":\"react\",\"reaction\":\"poop\"}",
                "{\"type\":\"unknown\"}",
                "{\"type\":\"publish\"}",
                "{\"type\":\"publish\",\"sdp\":\"hello\"}",
                "{\"type\":\"layers\"}",
                "{\"type\":\"layers\",\"slots\":{\"3\":\"medium\"}}",
                "{\"type\":\"layers\",\"slots\":{\"\":\"low\"}}",
                "{\"type\":\"layers\",\"slots\":{\"3\":null}}"
            })
    void badFieldsDoNotParse(String json) {
        assertThatThrownBy(() -> JSON.readValue(json, ClientMessage.class)).isInstanceOf(JacksonException.class);
    }

    @org.junit.jupiter.api.Test
    void aLayersMessageNamesAtMost64Slots() {
        String slots = java.util.stream.IntStream.rangeClosed(1, 65)
                .mapToObj(mid -> "\"" + mid + "\":\"low\"")
                .collect(java.util.stream.Collectors.joining(","));
        assertThatThrownBy(() -> JSON.readValue("{\"type\":\"layers\",\"slots\":{" + slots + "}}", ClientMessage.class))
                .isInstanceOf(JacksonException.class);
        String fits = slots.substring(0, slots.lastIndexOf(','));
        assertThat(JSON.readValue("{\"type\":\"layers\",\"slots\":{" + fits + "}}", ClientMessage.class))
                .isInstanceOfSatisfying(
                        ClientMessage.Layers.class, l -> assertThat(l.slots()).hasSize(64));
    }

    @org.junit.jupiter.api.Test
    void aDenyMessageHasAtMost500Characters() {
        String words = "x".repeat(501);
        assertThatThrownBy(() -> JSON.readValue(
                        "{\"type\":\"deny\",\"participantId\":" + ID + ",\"message\":\"" + words + "\"}",
                        ClientMessage.class))
                .isInstanceOf(JacksonException.class);
        assertThat(JSON.readValue(
                        "{\"type\":\"deny\",\"participantId\":" + ID + ",\"message\":\"" + words.substring(1) + "\"}",
                        ClientMessage.class))
                .isInstanceOf(ClientMessage.Deny.class);
    }

    @org.junit.jupiter.api.Test
    void aPublishOfferHasAtMostMaxSdpCharacters() {
        String offer = "v=0" + "x".repeat(ClientMessage.MAX_SDP - 3);
        assertThat(JSON.readValue("{\"type\":\"publish\",\"sdp\":\"" + offer + "\"}", ClientMessage.class))
                .isInstanceOf(ClientMessage.Publish.class);
        assertThatThrownBy(
                        () -> JSON.readValue("{\"type\":\"publish\",\"sdp\":\"" + offer + "x\"}", ClientMessage.class))
                .isInstanceOf(JacksonException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"Hej\u0007 då | Hej då", "  rad ett\\nrad två  | rad ett\\nrad två", "a\u0000b | ab"})
    void chatKeepsPrintableTextOnly(String typed, String kept) {
        assertThat(MeetingControl.printable(typed.replace("\\n", "\n"))).isEqualTo(kept.replace("\\n", "\n"));
    }
}
