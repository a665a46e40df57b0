package se.portvakt.sfu.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.DominantSpeakerChanged;
import se.portvakt.sfu.MediaPathChanged;
import se.portvakt.sfu.ParticipantDisconnected;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.SfuListeners;

class NodeEventsTest {

    @Test
    void eachEventCrossesTheWireAndReachesTheListenersOfItsKind() {
        List<Object> events = List.of(
                new DominantSpeakerChanged("m1", "alice"),
                new RenegotiationNeeded("m1", "bob", 2, 3),
                new ParticipantDisconnected("m1", "carl"),
                new MediaPathChanged("m1", "dora", true));
        SfuListeners listeners = new SfuListeners();
        List<Object> heard = new CopyOnWriteArrayList<>();
        listeners.onDominantSpeakerChanged(heard::add);
        listeners.onRenegotiationNeeded(heard::add);
        listeners.onParticipantDisconnected(heard::add);
        listeners.onMediaPathChanged(heard::add);

        for (Object event : events) {
            listeners.deliver(NodeEvents.decode(NodeEvents.encode(event)));
        }

        assertThat(heard).containsExactlyElementsOf(events);
    }

    @Test
    void theTypeComesFirstAndNamesTheEvent() {
        String json = new String(NodeEvents.encode(new MediaPathChanged("m1", "dora", false)), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"type\":\"mediaPathChanged\",").contains("\"lost\":false");
    }

    @Test
    void unknownTypesAndMissingIdsAreRefused() {
        assertThatThrownBy(() -> NodeEvents.decode(bytes("{\"type\":\"elsewhere\",\"meetingId\":\"m\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeEvents.decode(bytes("{\"type\":\"dominantSpeaker\",\"meetingId\":\"m\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeEvents.decode(bytes("[1"))).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
