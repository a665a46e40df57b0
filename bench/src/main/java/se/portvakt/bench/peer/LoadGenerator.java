package se.portvakt.bench.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The WebRTC load generator: makes {@link Connection}s, publishes synthetic streams on them, and runs one sender
 * thread (frames at real-time pace, reports every second, consent checks) and a few receive threads. A
 * measurement window counts what was sent in it and what of that arrived, and the delays.
 */
public final class LoadGenerator implements AutoCloseable {
    private static final long REPORT_NANOS = 1_000_000_000L;
    private static final long CONSENT_NANOS = 2_500_000_000L;

    private final MediaProfile profile;
    private final BrowserCertificate certificate = BrowserCertificate.generate();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<OutgoingStream> streams = new CopyOnWriteArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger nextStreamId = new AtomicInteger(1);
    private final LongAdder rtpArrivals = new LongAdder();
    private final LongAdder nacks = new LongAdder();
    private final Thread sender;
    private final JoinLog joins = new JoinLog();
    private volatile boolean running = true;
    private volatile boolean held;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private int nextReceiver;

    public LoadGenerator(MediaProfile profile, int receiveThreads) throws IOException {
        this.profile = profile;
        for (int i = 0; i < receiveThreads; i++) {
            Receiver r = new Receiver(this, rtpArrivals, nacks);
            receivers.add(r);
            Thread t = new Thread(r, "bench-receive-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        sender = new Thread(this::sendLoop, "bench-send");
        sender.setDaemon(true);
        sender.start();
    }

    public MediaProfile profile() {
        return profile;
    }

    /** A fresh connection on 127.0.0.1 (own socket, ICE credentials); not yet connected. */
    public Connection newConnection(String name) throws IOException {
        return newConnection(name, InetAddress.getLoopbackAddress());
    }

    /** A fresh connection whose socket is bound to {@code local}, the address its host candidate names. */
    public Connection newConnection(String name, InetAddress local) throws IOException {
        return new Connection(name, this, certificate, local);
    }

    /** The connections' ICE and DTLS setups since the last {@link JoinLog#clear}. */
    public JoinLog joins() {
        return joins;
    }

    /**
     * Holds every stream (none is sent, reports and consent go on) until {@link #release}: a meeting that people
     * join before its speaker starts.
     */
    public void hold() {
        held = true;
    }

    /** Ends {@link #hold}: each stream starts now at a random phase, without catching up on what was held. */
    public synchronized void release() {
        long now = System.nanoTime();
        for (OutgoingStream s : streams) {
            s.start(now + ThreadLocalRandom.current().nextLong(33_000_000L));
        }
        held = false;
    }

    /** Declares a stream the connection will send once {@link #start}ed. */
    public OutgoingStream publish(Connection c, boolean video, String mid) {
        long ssrc = ThreadLocalRandom.current().nextLong(1, 0x1_0000_0000L);
        OutgoingStream s = new OutgoingStream(nextStreamId.getAndIncrement(), ssrc, video, mid, profile, c);
        c.add(s);
        return s;
    }

    /** A connected connection starts: its datagrams are read, its streams sent (each at a random phase). */
    public synchronized void start(Connection c) {
        long now = System.nanoTime();
        for (OutgoingStream s : c.outgoing()) {
            s.start(now + ThreadLocalRandom.current().nextLong(33_000_000L));
            streams.add(s);
        }
        connections.add(c);
        receivers.get(nextReceiver++ % receivers.size()).add(c);
    }

    /** Stops and closes every connection (between sweep points). */
    public synchronized void closeAll() {
        streams.clear();
        List<Connection> all = List.copyOf(connections);
        connections.clear();
        all.forEach(Connection::close);
    }

    /** Waits until every receiver got something of every stream it expects; false if that took over the timeout. */
    public boolean awaitFlowing(List<Expectation> expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (Expectation e : expected) {
            while (!e.receiver().receivedFrom(e.source().id())) {
                if (System.currentTimeMillis() > deadline) {
                    return false;
                }
                Thread.sleep(20);
            }
        }
        return true;
    }

    boolean inWindow(long sendNanos) {
        return sendNanos >= windowStart && sendNanos < windowEnd;
    }

    /** Opens a measurement window now. */
    public Window open() {
        receivers.forEach(r -> r.delays().clear());
        Map<Integer, Integer> first = new HashMap<>();
        long start = System.nanoTime();
        for (OutgoingStream s : streams) {
            first.put(s.id(), s.sentCount());
        }
        windowEnd = Long.MAX_VALUE;
        windowStart = start;
        return new Window(start, first, rtpArrivals.sum(), nacks.sum());
    }

    /**
     * Closes the window: packets sent after now no longer count; waits {@code graceMillis} for the last ones (and
     * their repairs) to arrive, then counts.
     */
    public Counted close(Window w, List<Expectation> expected, long graceMillis) throws InterruptedException {
        long end = System.nanoTime();
        windowEnd = end;
        long arrivals = rtpArrivals.sum() - w.arrivals();
        long nacked = nacks.sum() - w.nacks();
        Map<Integer, Integer> last = new HashMap<>();
        for (OutgoingStream s : streams) {
            last.put(s.id(), s.sentCount());
        }
        Thread.sleep(graceMillis);
        long sent = 0;
        long got = 0;
        List<String> shortfalls = new ArrayList<>();
        for (Expectation e : expected) {
            int from = w.first().getOrDefault(e.source().id(), 0);
            int to = last.getOrDefault(e.source().id(), from);
            int distinct = e.receiver().distinctFrom(e.source().id(), from, to);
            sent += to - from;
            got += distinct;
            if (distinct < to - from && shortfalls.size() < 8) {
                shortfalls.add(e.receiver() + "<-" + e.source().connection()
                        + (e.source().video() ? "/video " : "/audio ") + distinct + "/" + (to - from));
            }
        }
        DelayHistogram delays = new DelayHistogram();
        receivers.forEach(r -> delays.add(r.delays()));
        double seconds = (end - w.start()) / 1e9;
        long sendFailures =
                connections.stream().mapToLong(Connection::sendFailures).sum();
        return new Counted(seconds, arrivals, sent, got, nacked, delays, sendFailures, shortfalls);
    }

    private void sendLoop() {
        long nextReport = System.nanoTime() + REPORT_NANOS;
        long nextConsent = System.nanoTime() + CONSENT_NANOS;
        while (running) {
            long now = System.nanoTime();
            long earliest = now + 5_000_000L;
            for (OutgoingStream s : held ? List.<OutgoingStream>of() : streams) {
                try {
                    s.sendDue(now);
                } catch (RuntimeException e) {
                    // a connection closed under us between points
                }
                earliest = Math.min(earliest, s.nextFrameAt());
            }
            if (now >= nextReport) {
                nextReport = now + REPORT_NANOS;
                long wall = System.currentTimeMillis();
                for (Connection c : connections) {
                    c.report(wall);
                }
            }
            if (now >= nextConsent) {
                nextConsent = now + CONSENT_NANOS;
                connections.forEach(Connection::sendConsent);
            }
            long sleep = earliest - System.nanoTime();
            if (sleep > 0) {
                LockSupport.parkNanos(sleep);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        closeAll();
        receivers.forEach(Receiver::stop);
    }

    /** What a window started with. */
    public record Window(long start, Map<Integer, Integer> first, long arrivals, long nacks) {}

    /** A receiver that should get every packet of a source stream. */
    public record Expectation(Connection receiver, OutgoingStream source) {}

    /**
     * What a window counted.
     *
     * @param arrivals     RTP datagrams that reached the generator's connections (retransmissions included)
     * @param expected     packets sent in the window times the receivers each should reach
     * @param distinct     of those, the ones that arrived (at least once)
     * @param sendFailures generator sends the kernel refused (its own socket buffers full) since the start
     * @param shortfalls   the first few receiver/stream pairs that missed packets, for the log
     */
    public record Counted(
            double seconds,
            long arrivals,
            long expected,
            long distinct,
            long nacks,
            DelayHistogram delays,
            long sendFailures,
            List<String> shortfalls) {
        public double packetsPerSecond() {
            return arrivals / seconds;
        }

        public double loss() {
            return expected == 0 ? 1.0 : 1.0 - (double) distinct / expected;
        }
    }
}
