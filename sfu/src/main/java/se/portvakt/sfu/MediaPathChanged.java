package se.portvakt.sfu;

/**
 * Nothing came from a participant's browser for a while ({@code lost}), or something did again. Long before ICE
 * consent lapses (30 s), so the others can be told that this person's connection is gone while their browser still
 * tries to restart it.
 */
public record MediaPathChanged(String meetingId, String participantId, boolean lost) {}
