package se.portvakt.sfu;

import java.util.List;
import se.portvakt.sfu.ice.IceCredentials;

/**
 * What the app sends back to a browser that offered.
 *
 * @param answerSdp the SDP answer (ICE-lite, passive DTLS, our host candidate)
 * @param localIce  our ufrag/pwd for this participant, also inside the answer
 * @param remoteIce the browser's ufrag/pwd taken from its offer
 * @param streams   what each of the browser's receive m-sections carries now
 * @param audio     audio streams the SFU has for this participant, placed or not
 * @param video     video streams likewise; more than the offer had room for means: offer again
 * @param joined    this offer joined the participant anew (its first, a reloaded tab, or an SFU that did not know it:
 *                  restarted, or another node): a browser connection that had an answer before must start over, as
 *                  its DTLS association is unknown here
 */
public record ParticipantAnswer(
        String answerSdp,
        IceCredentials localIce,
        IceCredentials remoteIce,
        List<ForwardedStream> streams,
        int audio,
        int video,
        boolean joined) {

    public ParticipantAnswer {
        streams = List.copyOf(streams);
    }

    /** Some streams found no receive m-section in the offer: the browser should add some and offer again. */
    public boolean needsMoreSlots() {
        return streams.size() < audio + video;
    }
}
