package se.portvakt.meeting;

import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.portvakt.lobby.LobbyRefusal;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.Sfu;

/** The meeting's side of the SFU: rooms by meeting id, participants by participant id. */
@Component
class MediaRelay {

    private final Sfu sfu;

    MediaRelay(Sfu sfu) {
        this.sfu = sfu;
    }

    /**
     * The participant's browser offers: joins its media, renegotiates on the same connection, or (a reloaded tab,
     * a new connection) starts over.
     *
     * @param sources what each of its own sending m-sections is, by mid
     * @throws LobbyRefusal {@code invalid} if the SFU cannot use the offer
     */
    ParticipantAnswer negotiate(UUID meetingId, UUID participantId, String offerSdp, Map<String, String> sources) {
        String meeting = meetingId.toString();
        sfu.createMeeting(meeting);
        try {
            return sfu.negotiate(meeting, participantId.toString(), offerSdp, sources);
        } catch (RuntimeException e) {
            throw new LobbyRefusal("invalid");
        }
    }

    /** The participant's wish per receive slot (mid): "high" or "low" simulcast layer; unknown slots are ignored. */
    void preferLayers(UUID meetingId, UUID participantId, Map<String, String> layerByMid) {
        sfu.preferLayers(meetingId.toString(), participantId.toString(), layerByMid);
    }

    /** The participant's media stops (left, removed, sent back or moved); unknown ids are ignored. */
    void leave(UUID meetingId, UUID participantId) {
        sfu.removeParticipant(meetingId.toString(), participantId.toString());
    }

    /** The meeting ended: every participant's media stops. */
    void end(UUID meetingId) {
        sfu.closeMeeting(meetingId.toString());
    }
}
