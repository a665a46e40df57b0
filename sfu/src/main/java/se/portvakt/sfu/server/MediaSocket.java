package se.portvakt.sfu.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SFU's UDP port, its optional ICE-TCP port, and the one thread that reads both: every datagram and every
 * RFC 4571 frame is handed to the {@link Receiver} on that thread, and between packets, once per tick interval,
 * the receiver's timers run, waiting TCP writes are flushed and idle TCP connections closed. Sends are thread-safe
 * ({@link DatagramChannel#send} is; {@link TcpConnection#send} serialises) and come from the loop or from the DTLS
 * layer's threads; the loop's go out in batches of many per system call ({@link BatchedSends}) where Linux offers
 * it, else one at a time from its own direct buffer ({@link #send}).
 *
 * <p>TCP is bounded: at most {@link TcpLimits#connections()} connections, of which at most
 * {@link TcpLimits#idle()} may carry nobody's media (not yet nominated by ICE); further connections are closed
 * at once, and an idle one is closed after {@link TcpLimits#idleTimeout()}. A connection that breaks the framing
 * is closed; none of this touches anyone else's connection.
 */
final class MediaSocket implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MediaSocket.class.getName());
    static final int MAX_DATAGRAM = 2048;

    /** The packet work, called on the loop thread only. */
    interface Receiver {
        /**
         * One datagram of {@code len} bytes at the start of {@code buf} (reused after the call returns), read at
         * {@code now}; {@code arrival} is when the kernel took it in ({@code now} without kernel timestamps).
         */
        void datagram(byte[] buf, int len, InetSocketAddress from, long now, long arrival);

        /** One RFC 4571 frame of {@code len} bytes from an ICE-TCP connection, at the start of {@code buf}. */
        void frame(byte[] buf, int len, TcpConnection connection, long now);

        /** The connection closed (by the peer, by a limit, or broken): nothing more goes through it. */
        void closed(TcpConnection connection);

        /** The stream timers, about once per tick interval. */
        void tick(long now);
    }

    /**
     * @param connections ICE-TCP connections open at once, at most
     * @param idle        of those, connections carrying nobody's media yet, at most (half-open ones)
     * @param idleTimeout how long a connection may carry nobody's media before it is closed
     */
    record TcpLimits(int connections, int idle, Duration idleTimeout) {
        static final TcpLimits DEFAULTS = new TcpLimits(4096, 256, Duration.ofSeconds(10));
    }

    /**
     * Receive and send buffer of the UDP socket, bytes. Every participant's media shares the one socket: with the
     * kernel's default (208 KiB) a keyframe fanned out to a room, or a moment the loop thread waits for a core, overflowed
     * it (the kernel's RcvbufErrors and SndbufErrors rose by thousands in a lab run on two cores), and receivers
     * reported that loss as if their links were thin. Linux caps it at {@code net.core.rmem_max}/{@code wmem_max}
     * (docs/operations.md says to raise them).
     */
    static final int SOCKET_BUFFER = 4 << 20;

    private final DatagramChannel channel;
    private final Selector selector;
    private final InetSocketAddress local;
    private final ServerSocketChannel tcp;
    private final TcpLimits limits;
    /** Open ICE-TCP connections; the loop thread's only. */
    private final Set<TcpConnection> connections = new HashSet<>();

    /**
     * The loop thread's outgoing datagram, reused for every send it makes. {@link DatagramChannel#send} hands the
     * kernel native memory only: given a heap buffer it takes a temporary direct one from a per-thread cache,
     * copies into it and gives it back, on every call. The loop sends nearly every packet (each forwarded copy), so
     * it copies into this one instead: the same one copy, without the cache's lookup and return or a wrapper
     * object per packet. Confined to the loop thread, hence no lock: a second sender would overwrite
     * a datagram the loop is still sending.
     */
    private final ByteBuffer loopOutgoing = ByteBuffer.allocateDirect(MAX_DATAGRAM);

    /**
     * The loop's datagrams sent many per system call, where the system offers it ({@link BatchedSends}); null sends
     * each from {@link #loopOutgoing}. Set before the loop starts; the loop thread's only.
     */
    private BatchedSends batch;

    private final LongAdder errors = new LongAdder();
    private final LongAdder tcpRefused = new LongAdder();
    private final LongAdder tcpDropped = new LongAdder();
    private Thread loop;
    private volatile boolean running = true;
    /** The kernel's arrival times, when asked for ({@link #stampArrivals}) and offered; the loop thread's only. */
    private KernelArrival arrivals;

    private MediaSocket(DatagramChannel channel, ServerSocketChannel tcp, TcpLimits limits, Selector selector)
            throws IOException {
        this.channel = channel;
        this.tcp = tcp;
        this.limits = limits;
        this.selector = selector;
        this.local = (InetSocketAddress) channel.getLocalAddress();
    }

    /**
     * Asks the kernel to stamp each datagram's arrival (before {@link #start}); returns whether it will. Without,
     * a datagram's arrival is when the loop read it.
     */
    boolean stampArrivals() {
        arrivals = KernelArrival.of(local.getPort()).orElse(null);
        return arrivals != null;
    }

    /** The UDP port only. */
    static MediaSocket bind(InetSocketAddress address) {
        return bind(address, null, TcpLimits.DEFAULTS);
    }

    /**
     * @param udp the UDP address; port 0 picks a free one
     * @param tcp the ICE-TCP address, or null for none; port 0 picks a free one
     */
    static MediaSocket bind(InetSocketAddress udp, InetSocketAddress tcp, TcpLimits limits) {
        DatagramChannel channel = null;
        ServerSocketChannel server = null;
        try {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            channel.bind(udp);
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            if (tcp != null) {
                server = ServerSocketChannel.open();
                server.bind(tcp, 128);
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT);
            }
            return new MediaSocket(channel, server, limits, selector);
        } catch (IOException e) {
            closeQuietly(channel);
            closeQuietly(server);
            throw new UncheckedIOException(
                    "cannot bind the SFU's media ports: UDP " + udp + (tcp == null ? "" : ", TCP " + tcp), e);
        }
    }

    /** Starts the receive loop; call once. */
    void start(Receiver receiver, Duration tickInterval) {
        batch = BatchedSends.of(local.getPort(), MAX_DATAGRAM, errors).orElse(null);
        loop = new Thread(() -> run(receiver, tickInterval), "sfu-udp-" + local.getPort());
        loop.setDaemon(true);
        loop.start();
    }

    InetSocketAddress local() {
        return local;
    }

    /** The ICE-TCP address, or null without one. */
    InetSocketAddress tcpLocal() {
        try {
            return tcp == null ? null : (InetSocketAddress) tcp.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the loop sends its datagrams in batches ({@link BatchedSends}); known once started. */
    boolean batched() {
        return batch != null;
    }

    /** ICE-TCP connections closed at once because the limits were reached. */
    long tcpRefused() {
        return tcpRefused.sum();
    }

    /** Frames not sent because a connection's socket and waiting buffer were full. */
    long tcpDropped() {
        return tcpDropped.sum();
    }

    /** Sends a datagram; a failure is counted, never thrown (a peer that went away is not the caller's problem). */
    void send(InetSocketAddress to, byte[] buf, int off, int len) {
        if (Thread.currentThread() == loop && batch != null) {
            if (batch.add(to, buf, off, len)) {
                return;
            }
            batch.flush(); // one the batch cannot take goes alone, after those before it
        }
        try {
            if (channel.send(outgoing(buf, off, len), to) == 0) {
                errors.increment(); // the send buffer is full: the datagram is dropped here, so count it
            }
        } catch (IOException e) {
            errors.increment();
        }
    }

    /**
     * The datagram as the loop's direct buffer when the loop sends it, else wrapped (other threads, the DTLS
     * handshakes and the app's calls, send a few datagrams per participant: the JDK's per-thread copy is good enough
     * for them). Another thread may see {@code loop} unset or stale, never equal to itself, so it never takes the
     * loop's buffer.
     */
    private ByteBuffer outgoing(byte[] buf, int off, int len) {
        if (Thread.currentThread() != loop || len > loopOutgoing.capacity()) {
            return ByteBuffer.wrap(buf, off, len);
        }
        loopOutgoing.clear();
        loopOutgoing.put(buf, off, len);
        return loopOutgoing.flip();
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
        closeQuietly(tcp);
        connections.forEach(TcpConnection::close);
    }

    private void run(Receiver receiver, Duration tickInterval) {
        byte[] buf = new byte[MAX_DATAGRAM];
        ByteBuffer in = ByteBuffer.wrap(buf);
        long tickNanos = tickInterval.toNanos();
        long lastTick = System.nanoTime();
        while (running) {
            try {
                selector.select(Math.max(1, tickInterval.toMillis()));
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.attachment() instanceof TcpConnection connection) {
                        if (key.isReadable() && !connection.read(buf, receiver::frame, System.nanoTime())) {
                            forget(connection, receiver);
                        }
                    } else if (key.isAcceptable()) {
                        accept(System.nanoTime());
                    }
                }
                selector.selectedKeys().clear();
                SocketAddress from;
                while (running && (from = receive(in)) != null) {
                    long readAt = System.nanoTime();
                    long arrival = arrivals == null ? readAt : arrivals.lastArrival(readAt);
                    receiver.datagram(buf, in.position(), (InetSocketAddress) from, readAt, arrival);
                }
                long now = System.nanoTime();
                if (now - lastTick >= tickNanos) {
                    lastTick = now;
                    receiver.tick(now);
                    tickTcp(receiver, now);
                }
            } catch (IOException | RuntimeException e) {
                if (running) { // one bad packet or peer must not stop the loop for everyone
                    errors.increment();
                    LOG.log(System.Logger.Level.WARNING, "SFU loop", e);
                }
            } finally {
                if (batch != null) {
                    batch.flush(); // before waiting again: nothing the loop sent waits past this round
                }
            }
        }
    }

    /** Takes every waiting connection; beyond the limits a connection is closed at once. */
    private void accept(long now) throws IOException {
        SocketChannel accepted;
        while ((accepted = tcp.accept()) != null) {
            long idle =
                    connections.stream().filter(c -> c.idleLongerThan(-1, now)).count();
            if (connections.size() >= limits.connections() || idle >= limits.idle()) {
                tcpRefused.increment();
                closeQuietly(accepted);
                continue;
            }
            accepted.configureBlocking(false);
            accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
            TcpConnection connection =
                    new TcpConnection(accepted, (InetSocketAddress) accepted.getRemoteAddress(), now, tcpDropped);
            accepted.register(selector, SelectionKey.OP_READ, connection);
            connections.add(connection);
        }
    }

    /** Flushes waiting writes, closes idle connections and forgets closed ones. */
    private void tickTcp(Receiver receiver, long now) {
        if (connections.isEmpty()) {
            return;
        }
        long idleLimit = limits.idleTimeout().toNanos();
        for (TcpConnection connection : List.copyOf(connections)) {
            if (connection.idleLongerThan(idleLimit, now)) {
                connection.close();
            } else {
                connection.flush();
            }
            if (connection.closed()) {
                forget(connection, receiver);
            }
        }
    }

    private void forget(TcpConnection connection, Receiver receiver) {
        if (connections.remove(connection)) {
            connection.close();
            receiver.closed(connection);
        }
    }

    private SocketAddress receive(ByteBuffer in) throws IOException {
        in.clear();
        return channel.receive(in);
    }

    private static void closeQuietly(Channel channel) {
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
