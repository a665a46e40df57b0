package se.portvakt.meeting;

import java.util.UUID;
import org.springframework.stereotype.Component;
import se.portvakt.lobby.LobbyRefusal;
import se.portvakt.sfu.Sfu;

/** The meeting's side of the SFU: rooms by meeting id, participants by participant id. */
@Component
class MediaRelay {

    private final Sfu sfu;

    MediaRelay(Sfu sfu) {
        this.sfu = sfu;
    }

    /**
     * Joins (or re-joins, after a reload) a participant's media with their browser's offer.
     *
     * @return our SDP answer
     * @throws LobbyRefusal {@code invalid} if the SFU cannot use the offer
     */
    String publish(UUID meetingId, UUID participantId, String offerSdp) {
        String meeting = meetingId.toString();
        String participant = participantId.toString();
        sfu.createMeeting(meeting);
        sfu.removeParticipant(meeting, participant);
        try {
            return sfu.addParticipant(meeting, participant, offerSdp).answerSdp();
        } catch (RuntimeException e) {
            throw new LobbyRefusal("invalid");
        }
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
