package se.portvakt.sfu.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.LongAdder;

/**
 * One browser's ICE-TCP connection (RFC 6544, passive on our side): packets both ways as RFC 4571 frames, a
 * 16-bit length before each. Read on the media loop thread only; {@link #send} is called from the loop and the DTLS
 * threads, so writes are serialised here. A frame never goes out in part unless the rest follows: what the socket
 * does not take at once waits in a bounded buffer, flushed on the loop's tick; a frame that does not fit is
 * dropped whole, as UDP would lose it, so a full link slows nobody else.
 */
final class TcpConnection implements PeerPath {
    static final int MAX_FRAME = MediaSocket.MAX_DATAGRAM;
    private static final int PENDING_BYTES = 64 * 1024;

    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final ByteBuffer in = ByteBuffer.allocate(2 * (2 + MAX_FRAME));
    private final ByteBuffer out = ByteBuffer.allocate(2 + MAX_FRAME);
    private final ByteBuffer pending = ByteBuffer.allocate(PENDING_BYTES);
    private final LongAdder dropped;
    /** System.nanoTime() since when this connection carries nobody's media (its accept, or a path moving away). */
    private volatile long idleSince;

    private volatile boolean carriesMedia;
    private volatile boolean closed;

    TcpConnection(SocketChannel channel, InetSocketAddress remote, long now, LongAdder dropped) {
        this.channel = channel;
        this.remote = remote;
        this.idleSince = now;
        this.dropped = dropped;
    }

    @Override
    public InetSocketAddress remote() {
        return remote;
    }

    SocketChannel channel() {
        return channel;
    }

    /** Whether a participant's media runs on this connection (ICE nominated it); else it may be closed when idle. */
    void carriesMedia(boolean carries, long now) {
        carriesMedia = carries;
        if (!carries) {
            idleSince = now;
        }
    }

    /** Open, and no participant's media on it for {@code limitNanos}: a stalled or abandoned connection. */
    boolean idleLongerThan(long limitNanos, long now) {
        return !carriesMedia && now - idleSince > limitNanos;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public synchronized void send(byte[] buf, int off, int len) {
        if (closed || len > MAX_FRAME) {
            return;
        }
        try {
            flushPending();
            if (pending.position() > 0) { // the socket is still full: keep order, or drop whole
                if (pending.remaining() >= 2 + len) {
                    pending.putShort((short) len).put(buf, off, len);
                } else {
                    dropped.increment();
                }
                return;
            }
            out.clear();
            out.putShort((short) len).put(buf, off, len).flip();
            channel.write(out);
            if (out.hasRemaining()) {
                pending.put(out); // fits: pending was empty and holds more than one frame
            }
        } catch (IOException e) {
            dropped.increment();
            close();
        }
    }

    /** Writes what waited for room in the socket; on the loop's tick. */
    synchronized void flush() {
        try {
            flushPending();
        } catch (IOException e) {
            close();
        }
    }

    private void flushPending() throws IOException {
        if (pending.position() == 0) {
            return;
        }
        pending.flip();
        channel.write(pending);
        pending.compact();
    }

    /**
     * Reads what arrived and hands each whole frame to {@code frames} (in {@code scratch}, from offset 0).
     *
     * @return false when the connection ended or broke the framing (it is closed then)
     */
    boolean read(byte[] scratch, FrameHandler frames, long now) {
        try {
            if (channel.read(in) < 0) {
                close();
                return false;
            }
        } catch (IOException e) {
            close();
            return false;
        }
        in.flip();
        while (in.remaining() >= 2) {
            int length = in.getShort(in.position()) & 0xFFFF;
            if (length == 0 || length > MAX_FRAME) { // not RFC 4571 media of ours: garbage
                close();
                return false;
            }
            if (in.remaining() < 2 + length) {
                break;
            }
            in.position(in.position() + 2);
            in.get(scratch, 0, length);
            frames.frame(scratch, length, this, now);
        }
        in.compact();
        return true;
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // closing what already broke
        }
    }

    /** A whole frame read from a connection, on the loop thread. */
    interface FrameHandler {
        void frame(byte[] buf, int len, TcpConnection connection, long now);
    }
}
