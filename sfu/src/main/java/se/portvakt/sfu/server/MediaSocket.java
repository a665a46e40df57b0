package se.portvakt.sfu.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SFU's UDP port and its one receive thread: every datagram is handed to the {@link Receiver} on that thread,
 * and between datagrams, once per tick interval, the receiver's timers run. Sends are thread-safe
 * ({@link DatagramChannel#send} is) and come from the loop or from the DTLS layer's threads.
 */
final class MediaSocket implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MediaSocket.class.getName());
    private static final int MAX_DATAGRAM = 2048;

    /** The packet work, called on the loop thread only. */
    interface Receiver {
        /** One datagram of {@code len} bytes at the start of {@code buf} (reused after the call returns). */
        void datagram(byte[] buf, int len, InetSocketAddress from, long now);

        /** The stream timers, about once per tick interval. */
        void tick(long now);
    }

    private final DatagramChannel channel;
    private final Selector selector;
    private final InetSocketAddress local;
    private final LongAdder errors = new LongAdder();
    private Thread loop;
    private volatile boolean running = true;

    private MediaSocket(DatagramChannel channel, Selector selector) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.local = (InetSocketAddress) channel.getLocalAddress();
    }

    static MediaSocket bind(InetSocketAddress address) {
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open();
            channel.bind(address);
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            return new MediaSocket(channel, selector);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot bind the SFU's UDP port " + address, e);
        }
    }

    /** Starts the receive loop; call once. */
    void start(Receiver receiver, Duration tickInterval) {
        loop = new Thread(() -> run(receiver, tickInterval), "sfu-udp-" + local.getPort());
        loop.setDaemon(true);
        loop.start();
    }

    InetSocketAddress local() {
        return local;
    }

    /** Sends a datagram; a failure is counted, never thrown (a peer that went away is not the caller's problem). */
    void send(InetSocketAddress to, byte[] buf, int off, int len) {
        try {
            channel.send(ByteBuffer.wrap(buf, off, len), to);
        } catch (IOException e) {
            errors.increment();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (loop != null) {
            try {
                loop.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the SFU's selector", e);
        }
        closeQuietly(channel);
    }

    private void run(Receiver receiver, Duration tickInterval) {
        byte[] buf = new byte[MAX_DATAGRAM];
        ByteBuffer in = ByteBuffer.wrap(buf);
        long tickNanos = tickInterval.toNanos();
        long lastTick = System.nanoTime();
        while (running) {
            try {
                selector.select(Math.max(1, tickInterval.toMillis()));
                selector.selectedKeys().clear();
                SocketAddress from;
                while (running && (from = receive(in)) != null) {
                    receiver.datagram(buf, in.position(), (InetSocketAddress) from, System.nanoTime());
                }
                long now = System.nanoTime();
                if (now - lastTick >= tickNanos) {
                    lastTick = now;
                    receiver.tick(now);
                }
            } catch (IOException | RuntimeException e) {
                if (running) { // one bad packet or peer must not stop the loop for everyone
                    errors.increment();
                    LOG.log(System.Logger.Level.WARNING, "SFU loop", e);
                }
            }
        }
    }

    private SocketAddress receive(ByteBuffer in) throws IOException {
        in.clear();
        return channel.receive(in);
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the SFU socket", e);
        }
    }
}
