package se.portvakt.bench.peer;

/**
 * What the generator writes into the last 20 bytes of every RTP payload it sends, so a receiver can tell what
 * arrived however the server renumbered it: magic "PVB1", the source stream's id, the packet's index within its
 * stream (counting from 0, never rewritten) and {@link System#nanoTime()} at the send. The clock is the
 * machine's monotonic clock, shared by every process here, so the delay is receive time minus send time.
 */
final class MediaTrailer {
    static final int LENGTH = 20;
    private static final int MAGIC = 0x50564231;

    private MediaTrailer() {}

    static void write(byte[] buf, int end, int streamId, int index, long sendNanos) {
        int at = end - LENGTH;
        putInt(buf, at, MAGIC);
        putInt(buf, at + 4, streamId);
        putInt(buf, at + 8, index);
        putInt(buf, at + 12, (int) (sendNanos >>> 32));
        putInt(buf, at + 16, (int) sendNanos);
    }

    /** True if a trailer ends at {@code end} (after the header at {@code start}). */
    static boolean present(byte[] buf, int start, int end) {
        return end - start >= LENGTH && getInt(buf, end - LENGTH) == MAGIC;
    }

    static int streamId(byte[] buf, int end) {
        return getInt(buf, end - LENGTH + 4);
    }

    static int index(byte[] buf, int end) {
        return getInt(buf, end - LENGTH + 8);
    }

    static long sendNanos(byte[] buf, int end) {
        return ((long) getInt(buf, end - LENGTH + 12) << 32) | (getInt(buf, end - LENGTH + 16) & 0xFFFFFFFFL);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int getInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
