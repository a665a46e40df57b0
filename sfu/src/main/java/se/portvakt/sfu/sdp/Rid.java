package se.portvakt.sfu.sdp;

/** a=rid (RFC 8851): a simulcast or repair stream id, its direction ("send"/"recv") and any restrictions. */
public record Rid(String id, String direction, String restrictions) {}
