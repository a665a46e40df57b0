package se.portvakt.sfu;

/** A participant's ICE consent lapsed (no valid check for 30 s, RFC 7675); the SFU removed it. */
public record ParticipantDisconnected(String meetingId, String participantId) {}
