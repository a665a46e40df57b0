package se.portvakt.sfu;

/**
 * A stream the SFU sends to one participant, and where: the browser's receive m-section (by mid).
 *
 * @param participantId who publishes it
 * @param kind          "audio" or "video"
 * @param source        "microphone", "camera" or "screen", as the publisher's tab named it
 */
public record ForwardedStream(String mid, String participantId, String kind, String source) {}
