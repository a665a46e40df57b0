package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.codec.CodecHandler;
import se.portvakt.sfu.forward.Endpoint;
import se.portvakt.sfu.forward.MediaKind;
import se.portvakt.sfu.forward.PublisherStream;
import se.portvakt.sfu.forward.SrtpTransport;
import se.portvakt.sfu.forward.StreamSettings;

class RoomTest {
    private final Room room = new Room("m1", new SfuTotals.Ended());

    /** A browser joined to the room, without network or keys: the room's bookkeeping is all these tests look at. */
    private Participant joined(String id, long feedbackSsrc) {
        Endpoint endpoint =
                new Endpoint(id, feedbackSsrc, new SrtpTransport((buf, off, len) -> {}), StreamSettings.DEFAULTS);
        Participant participant = new Participant(
                id,
                room,
                new Participant.Holder<>(),
                null,
                endpoint,
                new Participant.Holder<>(),
                new Participant.Holder<>(),
                new Participant.Holder<>(),
                1L,
                new AtomicLong(),
                new Hearing());
        room.join(participant, 0);
        return participant;
    }

    /** A packet of a stream no SDP declared: the room publishes it for the others, or refuses (null). */
    private PublisherStream microphoneHeard(Participant publisher, long ssrc) {
        return room.discovered(publisher, ssrc, MediaKind.AUDIO, false, CodecHandler.OPAQUE, 1);
    }

    @Test
    void aPacketOfSomeoneAlreadyRemovedPublishesNothingAndSubscribesNobody() {
        Participant anna = joined("anna", 1);
        Participant bertil = joined("bertil", 2);
        assertThat(microphoneHeard(bertil, 0xB0)).isNotNull();
        assertThat(anna.endpoint().subscriptions()).hasSize(1);
        room.takeRenegotiations();

        room.leave("bertil");
        assertThat(anna.endpoint().subscriptions())
                .as("Bertil's microphone ended for Anna")
                .isEmpty();
        assertThat(room.takeRenegotiations())
                .as("Anna offers again, without Bertil's stream")
                .containsExactly(new RenegotiationNeeded("m1", "anna", 0, 0));
        // the receive loop looked Bertil up just before he was removed, and his next packet arrives now
        assertThat(microphoneHeard(bertil, 0xB1)).isNull();
        assertThat(anna.endpoint().subscriptions())
                .as("nothing of Bertil's reaches Anna again")
                .isEmpty();
        assertThat(room.takeRenegotiations())
                .as("nobody is asked to offer for him")
                .isEmpty();
    }

    @Test
    void aReloadedTabUnderTheSameIdIsAnotherConnection() {
        Participant anna = joined("anna", 1);
        Participant bertilBefore = joined("bertil", 2);
        room.leave("bertil");
        Participant bertilAgain = joined("bertil", 3);

        assertThat(microphoneHeard(bertilBefore, 0xB0))
                .as("a late packet of the old tab")
                .isNull();
        assertThat(microphoneHeard(bertilAgain, 0xB0)).isNotNull();
        assertThat(anna.endpoint().subscriptions()).hasSize(1);
    }
}
