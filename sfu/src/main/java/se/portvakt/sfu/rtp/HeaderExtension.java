package se.portvakt.sfu.rtp;

/**
 * One RFC 8285 header extension element.
 *
 * @param id     local identifier negotiated by a=extmap (1-14 one-byte, 1-255 two-byte)
 * @param offset where the element's data starts, relative to the packet start, so that
 *               fields such as abs-send-time can later be rewritten in place
 * @param data   a copy of the element's data
 */
public record HeaderExtension(int id, int offset, byte[] data) {}
