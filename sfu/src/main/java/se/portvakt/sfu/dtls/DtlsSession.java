package se.portvakt.sfu.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import se.portvakt.sfu.srtp.SrtpKeys;

/**
 * The DTLS server side of one peer's DTLS-SRTP association. The socket loop hands in the peer's DTLS
 * datagrams with {@link #receive}; once {@link #start}ed, the client's first datagram queues the handshake on
 * an executor thread, which completes the future with the SRTP keys. Until the client speaks the session
 * holds no thread and no timer: a client that never does is ended by {@link #close}. After the handshake the
 * session holds no thread either: each datagram that arrives later
 * (the client repeating its last flight because ours was lost, its close_notify) schedules a short reader
 * task, at most one per session at a time, so that BouncyCastle can resend our last flight or see the close.
 */
public final class DtlsSession implements AutoCloseable {

    /**
     * How long a handshake may take in all, from the client's first datagram: retransmissions and the wait for
     * a handshake thread included.
     */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(DtlsSession.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DtlsCertificate certificate;
    private final Fingerprint remoteFingerprint;
    private final long handshakeTimeoutNanos;
    private final DtlsStats stats;
    private final RecordQueueTransport transport;
    private final CompletableFuture<SrtpKeys> keys = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    /** Set by whoever queues the handshake, or by a close() that came first: the handshake is queued at most once. */
    private final AtomicBoolean handshakeClaimed = new AtomicBoolean();

    private final AtomicBoolean readerScheduled = new AtomicBoolean();
    /** When the handshake was queued: its timeout runs from there. */
    private volatile long queuedAt;

    private volatile Executor records;
    /** Set by start(), after records: receive() queues the handshake only once it sees this. */
    private volatile Executor handshakes;
    /** Set once the handshake succeeded; from then on only reader tasks use it, one at a time. */
    private volatile DTLSTransport dtls;

    private volatile boolean closing;

    /** A session with the default handshake timeout. */
    public DtlsSession(
            DtlsCertificate certificate, Fingerprint remoteFingerprint, Consumer<byte[]> sender, DtlsStats stats) {
        this(certificate, remoteFingerprint, sender, stats, DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /**
     * A session expecting a client whose certificate has {@code remoteFingerprint} (from the remote SDP);
     * what it sends goes to {@code sender}, one DTLS datagram of at most 1200 bytes per call.
     */
    public DtlsSession(
            DtlsCertificate certificate,
            Fingerprint remoteFingerprint,
            Consumer<byte[]> sender,
            DtlsStats stats,
            Duration handshakeTimeout) {
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshake timeout must be positive: " + handshakeTimeout);
        }
        if (handshakeTimeout.toMillis() > Integer.MAX_VALUE) { // BouncyCastle takes an int of milliseconds
            throw new IllegalArgumentException("handshake timeout too long: " + handshakeTimeout);
        }
        this.certificate = Objects.requireNonNull(certificate);
        this.remoteFingerprint = Objects.requireNonNull(remoteFingerprint);
        this.handshakeTimeoutNanos = handshakeTimeout.toNanos();
        this.stats = Objects.requireNonNull(stats);
        this.transport = new RecordQueueTransport(Objects.requireNonNull(sender), stats);
    }

    /** {@link #start(Executor, Executor)} with one executor for both. */
    public CompletableFuture<SrtpKeys> start(Executor executor) {
        return start(executor, executor);
    }

    /**
     * Makes the session ready for its handshake, which the client's first datagram queues on {@code handshakes}
     * (at once, if one came before this call); the handshake holds a thread only until it ends, and the records
     * that arrive after it are read by short tasks on {@code records}. Completes with the keys, or exceptionally
     * with a {@link DtlsHandshakeException}: {@code REFUSED} at once, at that first datagram, when
     * {@code handshakes} rejects the task; {@code CLOSED} when closed first. A client that never sends leaves
     * it pending, holding nothing, until {@link #close}. Call once.
     */
    public CompletableFuture<SrtpKeys> start(Executor handshakes, Executor records) {
        Objects.requireNonNull(handshakes);
        Objects.requireNonNull(records);
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("DTLS session already started");
        }
        this.records = records;
        this.handshakes = handshakes;
        // a datagram offered before the write above may have found no executor: queue its handshake here.
        // (One offered after it sees the executor and queues the handshake itself; the claim keeps it to one.)
        if (transport.hasQueued()) {
            queueHandshake();
        }
        return keys;
    }

    /**
     * Hands in one DTLS datagram (first byte 20-63) from the socket loop; never blocks, drops when full. The
     * first one after {@link #start} queues the handshake. The array is kept until a DTLS thread reads it: pass a
     * copy if the receive buffer is reused.
     */
    public void receive(byte[] datagram) {
        if (!transport.offer(datagram)) {
            return;
        }
        if (dtls != null) {
            scheduleReader();
        } else if (!handshakeClaimed.get()) {
            queueHandshake();
        }
    }

    /** The handshake result, as returned by {@link #start}. */
    public CompletableFuture<SrtpKeys> keys() {
        return keys;
    }

    /**
     * Ends the session: fails it as {@code CLOSED} at once if the client never spoke (and no handshake will be
     * queued), keeps a queued handshake from starting, fails a running one, or sends close_notify (from a reader
     * task, soon after) once one succeeded; idempotent.
     */
    @Override
    public void close() {
        closing = true;
        if (handshakeClaimed.compareAndSet(false, true)) {
            // no handshake was queued, and now none will be: nothing else would complete the future
            fail(new DtlsHandshakeException(
                    DtlsHandshakeException.Reason.CLOSED, "closed before the client's first DTLS datagram", null));
            return;
        }
        if (dtls == null) {
            transport.close();
        } else {
            scheduleReader();
        }
    }

    /** True once closed by us or by the client (close_notify), or after a failed handshake. */
    public boolean isClosed() {
        return closing || transport.isClosed();
    }

    /**
     * The task the client's first datagram queues; a named class so that a closing pool can fail the ones it never
     * ran.
     */
    final class Handshake implements Runnable {
        @Override
        public void run() {
            handshake();
        }

        /** The pool shut down with this handshake still queued. */
        void abandon() {
            closing = true;
            fail(new DtlsHandshakeException(
                    DtlsHandshakeException.Reason.CLOSED, "the DTLS layer closed before the handshake started", null));
        }
    }

    /** Queues the handshake if started and not yet queued (nor closed); from start() or receive(). */
    private void queueHandshake() {
        Executor pool = handshakes;
        if (pool == null || !handshakeClaimed.compareAndSet(false, true)) {
            return;
        }
        queuedAt = System.nanoTime();
        try {
            pool.execute(new Handshake());
        } catch (RejectedExecutionException e) {
            fail(new DtlsHandshakeException(
                    DtlsHandshakeException.Reason.REFUSED, "DTLS handshake refused: " + e.getMessage(), e));
        }
    }

    private void handshake() {
        if (closing) {
            fail(new DtlsHandshakeException(
                    DtlsHandshakeException.Reason.CLOSED, "closed before the handshake started", null));
            return;
        }
        // The time spent waiting for a thread counts: the timeout bounds the whole join, so a handshake that
        // waited long in the queue neither runs for a client that gave up nor holds its thread a full timeout.
        long waitedNanos = System.nanoTime() - queuedAt;
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(handshakeTimeoutNanos - waitedNanos);
        if (remainingMillis < 1) {
            fail(new DtlsHandshakeException(
                    DtlsHandshakeException.Reason.TIMEOUT,
                    "waited " + TimeUnit.NANOSECONDS.toMillis(waitedNanos)
                            + " ms for a handshake thread, the whole handshake timeout",
                    null));
            return;
        }
        SrtpTlsServer server =
                new SrtpTlsServer(new BcTlsCrypto(RANDOM), certificate, remoteFingerprint, (int) remainingMillis);
        DTLSTransport accepted;
        try {
            accepted = new DTLSServerProtocol().accept(server, transport);
        } catch (IOException | RuntimeException e) {
            fail(classify(server, e));
            return;
        }
        dtls = accepted;
        stats.handshakeCompleted();
        keys.complete(server.keys());
        // receive() and close() schedule a reader only once dtls is set; this catches what came before
        if (closing || transport.hasQueued()) {
            scheduleReader();
        }
    }

    private void scheduleReader() {
        if (!readerScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            records.execute(this::readRecords);
        } catch (RejectedExecutionException e) {
            // the DTLS layer is closing: nothing will read this session's records again
            readerScheduled.set(false);
            closing = true;
            transport.close();
        }
    }

    private void readRecords() {
        try {
            drain();
        } finally {
            readerScheduled.set(false);
        }
        // a datagram or close() that came after drain's last look found the flag still set and left it to us
        if (!transport.isClosed() && (closing || transport.hasQueued())) {
            scheduleReader();
        }
    }

    /** Application data (a future data channel's SCTP) is not used yet and is dropped. */
    private void drain() {
        byte[] buf = new byte[RecordQueueTransport.RECEIVE_LIMIT];
        try {
            while (!closing && !transport.isClosed() && transport.hasQueued()) {
                // BouncyCastle reads a wait of 0 as "forever"; 1 ms returns as soon as our queue is empty
                dtls.receive(buf, 0, buf.length, 1);
                // the other records of a datagram that carried several, which BouncyCastle keeps back
                while (dtls.receivePending(buf, 0, buf.length) >= 0) {
                    // dropped: see above
                }
            }
            if (closing && !transport.isClosed()) {
                dtls.close(); // sends close_notify and closes the transport
                transport.close(); // BouncyCastle did already; certain, so that readRecords cannot loop
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "DTLS session ended: " + e);
            transport.close();
        }
    }

    private void fail(DtlsHandshakeException failure) {
        transport.close();
        count(failure.reason());
        LOG.log(System.Logger.Level.DEBUG, () -> "DTLS handshake failed: " + failure.getMessage());
        keys.completeExceptionally(failure);
    }

    private DtlsHandshakeException classify(SrtpTlsServer server, Exception e) {
        if (server.abortReason() != null) {
            return new DtlsHandshakeException(server.abortReason(), e.getMessage(), e);
        }
        if (e instanceof TlsTimeoutException) {
            return new DtlsHandshakeException(DtlsHandshakeException.Reason.TIMEOUT, e.getMessage(), e);
        }
        if (closing) {
            return new DtlsHandshakeException(DtlsHandshakeException.Reason.CLOSED, "closed during the handshake", e);
        }
        return new DtlsHandshakeException(
                DtlsHandshakeException.Reason.PROTOCOL_ERROR, String.valueOf(e.getMessage()), e);
    }

    private void count(DtlsHandshakeException.Reason reason) {
        stats.handshakeFailed();
        switch (reason) {
            case FINGERPRINT_MISMATCH -> stats.fingerprintMismatch();
            case NO_COMMON_SRTP_PROFILE -> stats.srtpProfileMissing();
            case TIMEOUT -> stats.timeout();
            case REFUSED -> stats.refusal();
            default -> {}
        }
    }
}
