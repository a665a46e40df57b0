package se.portvakt.sfu;

/** The loudest participant of a room changed. */
public record DominantSpeakerChanged(String meetingId, String participantId) {}
