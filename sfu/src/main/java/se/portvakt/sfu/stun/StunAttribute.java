package se.portvakt.sfu.stun;

/**
 * One attribute as found on the wire.
 *
 * @param type   attribute type, see {@link StunAttributeType}
 * @param value  the value without padding
 * @param offset where the attribute header starts, relative to the message start;
 *               integrity and fingerprint are computed over the bytes before it
 */
public record StunAttribute(int type, byte[] value, int offset) {}
