package se.portvakt.sfu.node;

import java.util.Map;
import se.portvakt.sfu.DominantSpeakerChanged;
import se.portvakt.sfu.MediaPathChanged;
import se.portvakt.sfu.ParticipantDisconnected;
import se.portvakt.sfu.RenegotiationNeeded;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SFU's events on the wire from a node to the app: the event record's fields and a {@code type} naming it, e.g.
 * {@code {"type":"renegotiationNeeded","meetingId":"…","participantId":"…","audio":2,"video":2}}; and the node's
 * heartbeat, {@code {"type":"nodeAlive","controlUrl":"http://10.0.0.5:8444"}}.
 */
public final class NodeEvents {

    private static final Map<String, Class<?>> TYPES = Map.of(
            "dominantSpeaker", DominantSpeakerChanged.class,
            "renegotiationNeeded", RenegotiationNeeded.class,
            "participantDisconnected", ParticipantDisconnected.class,
            "mediaPathChanged", MediaPathChanged.class,
            "nodeAlive", NodeAlive.class);

    private NodeEvents() {}

    /** One of the four event records, or a {@link NodeAlive} heartbeat, as JSON. */
    public static byte[] encode(Object event) {
        String type = TYPES.entrySet().stream()
                .filter(entry -> entry.getValue() == event.getClass())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an SFU event: " + event.getClass()));
        ObjectNode json = ControlJson.MAPPER.createObjectNode().put("type", type);
        json.setAll((ObjectNode) ControlJson.MAPPER.valueToTree(event));
        return ControlJson.MAPPER.writeValueAsBytes(json);
    }

    /**
     * The event record (or heartbeat) the JSON names.
     *
     * @throws IllegalArgumentException if it is no JSON object, names no known type or lacks a field
     */
    public static Object decode(byte[] json) {
        try {
            JsonNode tree = ControlJson.MAPPER.readTree(json);
            Class<?> type = TYPES.get(tree.path("type").asString(""));
            if (type == null) {
                throw new IllegalArgumentException("unknown event type");
            }
            Object event = ControlJson.MAPPER.treeToValue(tree, type);
            if (event instanceof NodeAlive) {
                if (!tree.hasNonNull("controlUrl")) {
                    throw new IllegalArgumentException("a heartbeat without its control URL");
                }
                return event;
            }
            if (!tree.hasNonNull("meetingId") || !tree.hasNonNull("participantId")) {
                throw new IllegalArgumentException("an event field is missing");
            }
            return event;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("unreadable event", e);
        }
    }
}
