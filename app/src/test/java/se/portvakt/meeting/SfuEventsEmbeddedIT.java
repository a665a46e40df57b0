package se.portvakt.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.IntegrationTest;
import se.portvakt.sfu.RemoteSfu;
import se.portvakt.sfu.Sfu;

/** The embedded default runs its SFU in-process: no node may send it events, whatever secret it shows. */
@IntegrationTest
class SfuEventsEmbeddedIT {

    @LocalServerPort
    int port;

    @Autowired
    Sfu sfu;

    @Test
    void withoutNodesEveryEventIsRefused() throws Exception {
        assertThat(sfu).isNotInstanceOf(RemoteSfu.class);
        String event = "{\"type\":\"dominantSpeaker\",\"meetingId\":\"m\",\"participantId\":\"p\"}";
        assertThat(SfuNodeProcessIT.post(port, SfuEventsController.PATH, event, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(SfuNodeProcessIT.post(port, SfuEventsController.PATH, event, "Bearer anything-of-sixteen-chars")
                        .statusCode())
                .isEqualTo(401);
    }
}
