package se.portvakt.sfu.dtls;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads of all DTLS sessions of one layer: a fixed pool for handshakes with a bounded queue, which
 * refuses what does not fit rather than let joins pile up without end, and a small pool for the short
 * tasks that read a session's records after its handshake. Neither holds a thread per session.
 */
final class DtlsThreads implements AutoCloseable {

    /**
     * Reader tasks are short (a record or two, at most a resent flight); two threads so that one slow send
     * does not hold up every session. Their queue needs no bound: a session has at most one task queued.
     */
    static final int RECORD_THREADS = 2;

    private static final System.Logger LOG = System.getLogger(DtlsThreads.class.getName());
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final HandshakeLimits limits;
    private final ThreadPoolExecutor handshakes;
    private final ExecutorService records;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());
    private final AtomicInteger refusedSinceWarning = new AtomicInteger();

    DtlsThreads(HandshakeLimits limits) {
        this.limits = limits;
        this.handshakes = new ThreadPoolExecutor(
                limits.threads(),
                limits.threads(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(limits.queued()),
                daemons("sfu-dtls-handshake-"),
                this::refuse);
        this.records = Executors.newFixedThreadPool(RECORD_THREADS, daemons("sfu-dtls-records-"));
    }

    Executor handshakes() {
        return handshakes;
    }

    Executor records() {
        return records;
    }

    /** Interrupts running handshakes and readers; fails the queued handshakes as {@code CLOSED}. */
    @Override
    public void close() {
        records.shutdownNow();
        for (Runnable queued : handshakes.shutdownNow()) {
            if (queued instanceof DtlsSession.Handshake handshake) {
                handshake.abandon();
            }
        }
    }

    private void refuse(Runnable task, ThreadPoolExecutor pool) {
        if (pool.isShutdown()) {
            throw new RejectedExecutionException("the DTLS layer is closed");
        }
        String why = pool.getActiveCount() + " handshakes running and "
                + pool.getQueue().size() + " waiting";
        refusedSinceWarning.incrementAndGet();
        long now = System.nanoTime();
        long next = nextWarning.get();
        // many joins refused at once would otherwise be as many lines
        if (now - next >= 0 && nextWarning.compareAndSet(next, now + WARN_EVERY_NANOS)) {
            int since = refusedSinceWarning.getAndSet(0);
            LOG.log(
                    System.Logger.Level.WARNING,
                    () -> "DTLS handshake refused: " + why + " (" + limits + "); " + since
                            + " refused since the last such warning, which comes at most every 10 s");
        }
        throw new RejectedExecutionException(why);
    }

    private static ThreadFactory daemons(String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, namePrefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
