package se.portvakt.sfu.sdp;

/** a=extmap (RFC 8285 section 5): the id the offerer chose for an extension URI. */
public record Extmap(int id, String uri) {}
