package se.portvakt.sfu.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import se.portvakt.sfu.srtp.SrtpKeys;

/**
 * The DTLS server side of one peer's DTLS-SRTP association. The socket loop hands in the peer's DTLS
 * datagrams with {@link #receive}; {@link #start} runs the handshake on an executor thread and completes
 * with the SRTP keys. That thread then stays with the session, reading records so that BouncyCastle can
 * resend our last flight when the client repeats its own and can see the client's close_notify, until
 * {@link #close} or the client closes.
 */
public final class DtlsSession implements AutoCloseable {

    /** How long a handshake may take in all, retransmissions included. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    /** How often the post-handshake reader looks for {@link #close}; bounds how long close takes to act. */
    private static final int POLL_MILLIS = 200;

    private static final System.Logger LOG = System.getLogger(DtlsSession.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DtlsStats stats;
    private final RecordQueueTransport transport;
    private final SrtpTlsServer server;
    private final CompletableFuture<SrtpKeys> keys = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
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
        this.stats = Objects.requireNonNull(stats);
        this.transport = new RecordQueueTransport(Objects.requireNonNull(sender), stats);
        this.server = new SrtpTlsServer(
                new BcTlsCrypto(RANDOM),
                Objects.requireNonNull(certificate),
                Objects.requireNonNull(remoteFingerprint),
                Math.toIntExact(handshakeTimeout.toMillis()));
    }

    /**
     * Starts the handshake on {@code executor}, which must have a thread to spare for the session's life.
     * Completes with the keys, or exceptionally with a {@link DtlsHandshakeException}. Call once.
     */
    public CompletableFuture<SrtpKeys> start(Executor executor) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("DTLS session already started");
        }
        executor.execute(this::run);
        return keys;
    }

    /**
     * Hands in one DTLS datagram (first byte 20-63) from the socket loop; never blocks, drops when full.
     * The array is kept until the DTLS thread reads it: pass a copy if the receive buffer is reused.
     */
    public void receive(byte[] datagram) {
        transport.offer(datagram);
    }

    /** The handshake result, as returned by {@link #start}. */
    public CompletableFuture<SrtpKeys> keys() {
        return keys;
    }

    /** Ends the session: fails a running handshake, or sends close_notify after one; idempotent. */
    @Override
    public void close() {
        closing = true;
        if (!keys.isDone() || !started.get()) {
            transport.close();
        }
    }

    /** True once closed by us or by the client (close_notify), or after a failed handshake. */
    public boolean isClosed() {
        return closing || keys.isCompletedExceptionally();
    }

    private void run() {
        DTLSTransport dtls;
        try {
            dtls = new DTLSServerProtocol().accept(server, transport);
        } catch (IOException | RuntimeException e) {
            transport.close();
            DtlsHandshakeException failure = classify(e);
            count(failure.reason());
            LOG.log(System.Logger.Level.DEBUG, () -> "DTLS handshake failed: " + failure.getMessage());
            keys.completeExceptionally(failure);
            return;
        }
        stats.handshakeCompleted();
        keys.complete(server.keys());
        readUntilClosed(dtls);
    }

    /** Application data (a future data channel's SCTP) is not used yet and is dropped. */
    private void readUntilClosed(DTLSTransport dtls) {
        byte[] buf = new byte[RecordQueueTransport.RECEIVE_LIMIT];
        try {
            while (!closing && !transport.isClosed()) {
                dtls.receive(buf, 0, buf.length, POLL_MILLIS);
            }
            if (!transport.isClosed()) {
                dtls.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "DTLS session ended: " + e);
        } finally {
            closing = true;
            transport.close();
        }
    }

    private DtlsHandshakeException classify(Exception e) {
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
            default -> {}
        }
    }
}
