package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.RenegotiationNeeded;
import se.portvakt.sfu.SfuTotals;
import se.portvakt.sfu.codec.CodecHandler;
import se.portvakt.sfu.forward.Endpoint;
import se.portvakt.sfu.forward.MediaKind;
import se.portvakt.sfu.forward.SrtpTransport;
import se.portvakt.sfu.forward.StreamSettings;

class RoomTest {
    private final Room room = new Room("m1", new SfuTotals.Ended());

    /** A joined browser without network or keys: the room's bookkeeping is all these tests look at. */
    private Participant participant(String id, long feedbackSsrc) {
        Endpoint endpoint =
                new Endpoint(id, feedbackSsrc, new SrtpTransport((buf, off, len) -> {}), StreamSettings.DEFAULTS);
        return new Participant(
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
    }

    @Test
    void aPacketOfSomeoneAlreadyRemovedPublishesNothingAndSubscribesNobody() {
        Participant anna = participant("anna", 1);
        Participant bertil = participant("bertil", 2);
        room.join(anna, 0);
        room.join(bertil, 0);
        assertThat(room.discovered(bertil, 0xB0, MediaKind.AUDIO, false, CodecHandler.OPAQUE, 0))
                .isNotNull();
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
        assertThat(room.discovered(bertil, 0xB1, MediaKind.AUDIO, false, CodecHandler.OPAQUE, 1))
                .isNull();
        assertThat(anna.endpoint().subscriptions())
                .as("nothing of Bertil's reaches Anna again")
                .isEmpty();
        assertThat(room.takeRenegotiations())
                .as("nobody is asked to offer for him")
                .isEmpty();
    }

    @Test
    void aReloadedTabUnderTheSameIdIsAnotherConnection() {
        Participant anna = participant("anna", 1);
        Participant bertilBefore = participant("bertil", 2);
        room.join(anna, 0);
        room.join(bertilBefore, 0);
        room.leave("bertil");
        Participant bertilAgain = participant("bertil", 3);
        room.join(bertilAgain, 0);

        assertThat(room.discovered(bertilBefore, 0xB0, MediaKind.AUDIO, false, CodecHandler.OPAQUE, 1))
                .as("a late packet of the old tab")
                .isNull();
        assertThat(room.discovered(bertilAgain, 0xB0, MediaKind.AUDIO, false, CodecHandler.OPAQUE, 1))
                .isNotNull();
        assertThat(anna.endpoint().subscriptions()).hasSize(1);
    }
}
