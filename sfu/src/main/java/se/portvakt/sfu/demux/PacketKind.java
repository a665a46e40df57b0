package se.portvakt.sfu.demux;

/** What a datagram arriving on the shared media port carries (RFC 7983, RFC 5761). */
public enum PacketKind {
    STUN,
    DTLS,
    RTP,
    RTCP,
    /** Anything else: the caller drops it; {@link PacketDemux} has counted it. */
    UNKNOWN
}
