package se.portvakt.sfu;

/**
 * The streams the SFU has for a participant changed (someone started or stopped publishing, or left): its
 * browser should offer again, with at least {@code audio} and {@code video} receive m-sections.
 */
public record RenegotiationNeeded(String meetingId, String participantId, int audio, int video) {}
