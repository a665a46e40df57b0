package se.portvakt.sfu.sdp;

/**
 * A stream the SFU sends in one of the browser's receive m-sections (announced with a=msid and a=ssrc,
 * RFC 8830 and RFC 5576, so the browser binds our SSRC to that transceiver).
 *
 * @param ssrc     our SSRC for this copy
 * @param streamId the msid stream id: the publishing participant, so one participant's tracks group together
 * @param trackId  the msid track id, unique in the answer
 */
public record Outgoing(long ssrc, String streamId, String trackId) {}
