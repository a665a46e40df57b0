package se.portvakt.meeting;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any text frame on the signaling socket, read the way {@link SignalingHandler#handleTextMessage} reads it (the
 * same steps in the same order, up to the typed message): a bad frame may only fail as a {@link JacksonException}
 * or {@link IllegalArgumentException}, which the handler answers with {@code invalid} or {@code unknown-type};
 * anything else would escape it. What parses has a protocol name and writes back to an equal message.
 * Seeds: one message of each type of docs/protocol.md (docs/fuzzing.md).
 */
class ClientMessageFuzzTest {

    /** As ClientMessageTest: Spring's mapper differs only in how it writes (non_null), not in how it reads. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({
        "\"type\"",
        "\"admit\"",
        "\"admitAll\"",
        "\"deny\"",
        "\"move\"",
        "\"sendBack\"",
        "\"remove\"",
        "\"join\"",
        "\"lock\"",
        "\"end\"",
        "\"mute\"",
        "\"cameraOff\"",
        "\"chat\"",
        "\"hand\"",
        "\"react\"",
        "\"leave\"",
        "\"ping\"",
        "\"publish\"",
        "\"mediaState\"",
        "\"layers\"",
        "\"participantId\"",
        "\"meetingId\"",
        "\"message\"",
        "\"locked\"",
        "\"text\"",
        "\"raised\"",
        "\"reaction\"",
        "\"sdp\"",
        "\"sources\"",
        "\"microphone\"",
        "\"camera\"",
        "\"slots\"",
        "\"high\"",
        "\"low\"",
        "\"v=0",
        "\"3f2b8c1e-2d6a-4d8e-9d7a-0b1c2d3e4f50\"",
        "null",
        "true",
        "false"
    })
    void read(byte[] frame) {
        String text = new String(frame, StandardCharsets.UTF_8);
        if (text.getBytes(StandardCharsets.UTF_8).length > SignalingHandler.MAX_PUBLISH_BYTES) {
            return; // answered too-large before parsing
        }
        JsonNode tree;
        ClientMessage parsed;
        try {
            tree = JSON.readTree(text);
            if (tree == null || !tree.isObject() || !tree.path("type").isString()) {
                return;
            }
            parsed = JSON.treeToValue(tree, ClientMessage.class);
        } catch (JacksonException | IllegalArgumentException refused) {
            return;
        }
        if (parsed == null) {
            return;
        }
        String type = SignalingHandler.typeOf(parsed);
        if (type == null || !type.equals(tree.path("type").asString())) {
            throw new AssertionError("parsed " + parsed.getClass().getSimpleName() + " from type "
                    + tree.path("type").asString() + ", its protocol name is " + type);
        }
        String written = JSON.writerFor(ClientMessage.class).writeValueAsString(parsed);
        ClientMessage back = JSON.readValue(written, ClientMessage.class);
        if (!back.equals(parsed)) {
            throw new AssertionError(parsed + " written as " + written + " reads back as " + back);
        }
    }
}
