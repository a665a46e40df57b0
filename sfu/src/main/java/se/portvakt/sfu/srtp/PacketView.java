package se.portvakt.sfu.srtp;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * Adapts a region of a caller's array to jitsi-srtp's buffer type without copying.
 * Growing past the array is refused: {@link SrtpSession} checked the room beforehand.
 */
final class PacketView implements ByteArrayBuffer {
    private final byte[] buf;
    private int offset;
    private int length;

    PacketView(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public byte[] getBuffer() {
        return buf;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int length) {
        this.length = length;
    }

    @Override
    public void setOffset(int offset) {
        this.offset = offset;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] out) {
        System.arraycopy(buf, offset + off, out, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (offset + length + howMuch > buf.length) {
            throw new IllegalStateException("no room for SRTP overhead");
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buf, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        length = Math.max(0, length - len);
    }
}
