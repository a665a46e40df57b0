package se.portvakt.sfu.dtls;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;

/**
 * A {@link DatagramTransport} without a socket: the socket loop {@link #offer}s the DTLS datagrams it
 * demultiplexed (first byte 20-63), the handshake thread (later a record reader) takes them with
 * BouncyCastle's timeout, and what DTLS sends goes to a callback. BouncyCastle drives retransmission
 * itself from these timeouts.
 */
final class RecordQueueTransport implements DatagramTransport {

    /** What we send at most per datagram: leaves room for IP/UDP headers and TURN on a 1280+ path. */
    static final int MTU = 1200;
    /** Largest datagram we accept: a full Ethernet payload; longer ones are cut and then fail to parse. */
    static final int RECEIVE_LIMIT = 1500;
    /** Datagrams buffered per peer; more than a handshake flight, so only a flood is dropped. */
    static final int QUEUE_CAPACITY = 64;

    private static final byte[] CLOSED = new byte[0];

    private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Consumer<byte[]> sender;
    private final DtlsStats stats;
    private volatile boolean closed;

    RecordQueueTransport(Consumer<byte[]> sender, DtlsStats stats) {
        this.sender = sender;
        this.stats = stats;
    }

    /** Hands in one datagram from the socket loop; never blocks. False when full or closed (counted). */
    boolean offer(byte[] datagram) {
        if (closed || !inbound.offer(datagram)) {
            stats.datagramDropped();
            return false;
        }
        return true;
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return MTU;
    }

    /** Returns the datagram's length, or -1 when none came within {@code waitMillis} (BouncyCastle's timeout). */
    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        byte[] datagram;
        try {
            datagram = inbound.poll(Math.max(waitMillis, 0), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for a DTLS datagram");
        }
        if (datagram == null) {
            return -1;
        }
        if (datagram == CLOSED) {
            throw new IOException("DTLS transport closed");
        }
        int n = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        byte[] datagram = new byte[len];
        System.arraycopy(buf, off, datagram, 0, len);
        try {
            sender.accept(datagram);
        } catch (RuntimeException e) {
            throw new IOException("sending a DTLS datagram failed", e);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** True when a datagram waits to be received (or, once closed, the marker that wakes a receive). */
    boolean hasQueued() {
        return !inbound.isEmpty();
    }

    /** Wakes a waiting receive, which then fails; later offers are dropped. */
    @Override
    public void close() {
        closed = true;
        inbound.clear();
        inbound.offer(CLOSED);
    }
}
