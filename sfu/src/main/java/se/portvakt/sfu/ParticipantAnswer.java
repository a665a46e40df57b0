package se.portvakt.sfu;

import se.portvakt.sfu.ice.IceCredentials;

/**
 * What the app sends back to a joining browser.
 *
 * @param answerSdp the SDP answer (ICE-lite, passive DTLS, our host candidate)
 * @param localIce  our ufrag/pwd for this participant, also inside the answer
 * @param remoteIce the browser's ufrag/pwd taken from its offer
 */
public record ParticipantAnswer(String answerSdp, IceCredentials localIce, IceCredentials remoteIce) {
}
