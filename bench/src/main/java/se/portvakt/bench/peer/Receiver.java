package se.portvakt.bench.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * One receive thread of the generator: a selector over its share of the connections, draining each socket and
 * handing every datagram to its connection. Keeps its own delay histogram (merged when a window closes).
 */
final class Receiver implements Runnable {
    private final LoadGenerator generator;
    private final Selector selector;
    private final Queue<Connection> pending = new ConcurrentLinkedQueue<>();
    private final DelayHistogram delays = new DelayHistogram();
    private final LongAdder rtpArrivals;
    private final LongAdder nacks;
    private final LongAdder errors = new LongAdder();
    private volatile boolean running = true;

    Receiver(LoadGenerator generator, LongAdder rtpArrivals, LongAdder nacks) throws IOException {
        this.generator = generator;
        this.selector = Selector.open();
        this.rtpArrivals = rtpArrivals;
        this.nacks = nacks;
    }

    void add(Connection connection) {
        pending.add(connection);
        selector.wakeup();
    }

    DelayHistogram delays() {
        return delays;
    }

    void rtpArrived() {
        rtpArrivals.increment();
    }

    void nacked(int count) {
        nacks.add(count);
    }

    /** Records the delay of a packet sent inside the measurement window. */
    void delay(long sendNanos, long now) {
        if (generator.inWindow(sendNanos)) {
            delays.recordSynchronized(now - sendNanos);
        }
    }

    long errors() {
        return errors.sum();
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        ByteBuffer in = ByteBuffer.allocate(2048);
        byte[] buf = in.array();
        while (running) {
            try {
                selector.select(10);
                Connection added;
                while ((added = pending.poll()) != null) {
                    try {
                        added.channel().register(selector, SelectionKey.OP_READ, added);
                    } catch (ClosedChannelException e) {
                        // closed before it got here
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection c = (Connection) key.attachment();
                    drain(c, in, buf);
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                errors.increment();
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // stopping
        }
    }

    private void drain(Connection c, ByteBuffer in, byte[] buf) {
        try {
            for (int i = 0; i < 64; i++) { // then let the other sockets have a turn
                in.clear();
                int length = c.channel().read(in);
                if (length <= 0) {
                    return;
                }
                c.onDatagram(buf, length, System.nanoTime(), this);
            }
        } catch (IOException | RuntimeException e) {
            errors.increment();
        }
    }
}
