package se.portvakt.sfu.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.portvakt.sfu.srtp.SrtpKeys;

/**
 * The bounded handshake pool: refusal, the queue's wait, and no thread held by a session before its client's first
 * datagram nor after its handshake.
 */
class DtlsThreadsTest {

    private static final DtlsCertificate SERVER_CERTIFICATE = DtlsCertificate.generate();
    private static final DtlsCertificate CLIENT_CERTIFICATE = DtlsCertificate.generate();

    private final DtlsStats stats = new DtlsStats();
    private final List<DtlsSession> sessions = new ArrayList<>();
    private DtlsThreads threads;

    @AfterEach
    void closeAll() {
        sessions.forEach(DtlsSession::close);
        if (threads != null) {
            threads.close();
        }
    }

    @Test
    void aHandshakeBeyondTheThreadsAndTheQueueIsRefusedAtOnceAndCounted() throws Exception {
        threads = new DtlsThreads(new HandshakeLimits(1, 1));
        DtlsSession running = stalledSession(DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        DtlsSession waiting = stalledSession(DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        DtlsSession third = stalledSession(DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        CompletableFuture<SrtpKeys> runningKeys = startAndHear(running);
        CompletableFuture<SrtpKeys> waitingKeys = startAndHear(waiting);
        CompletableFuture<SrtpKeys> refused = start(third);
        assertThat(refused)
                .as("nothing asked of the pool before the client speaks")
                .isNotDone();

        third.receive(DtlsSessionTest.truncatedClientHello());

        assertThat(refused).as("refused at once").isCompletedExceptionally();
        DtlsHandshakeException failure = failure(refused, DtlsHandshakeException.Reason.REFUSED);
        assertThat(failure.getMessage())
                .containsPattern("DTLS handshake refused: \\d+ handshakes running and 1 waiting");
        assertThat(stats.refused()).isEqualTo(1);
        assertThat(stats.handshakesFailed()).isEqualTo(1);
        assertThat(third.isClosed()).isTrue();
        assertThat(runningKeys).isNotDone();
        assertThat(waitingKeys).isNotDone();
    }

    @Test
    void theLayerRefusesBeyondItsLimitsAndFailsWhatIsQueuedWhenItCloses() {
        String[] sdp = CLIENT_CERTIFICATE.fingerprint().toSdp().split(" ", 2);
        se.portvakt.sfu.sdp.Fingerprint client = new se.portvakt.sfu.sdp.Fingerprint(sdp[0], sdp[1]);
        BouncyCastleDtlsLayer layer = new BouncyCastleDtlsLayer(new HandshakeLimits(1, 1));
        try (layer) {
            for (int i = 0; i < 3; i++) {
                byte[] first = DtlsSessionTest.truncatedClientHello();
                layer.accept(client, (buf, off, len) -> {}, keys -> {}).receive(first, 0, first.length);
            }
            assertThat(layer.stats().refused()).isEqualTo(1);
        }
        assertThat(layer.stats().handshakesFailed())
                .as("the refused one and the one still queued")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aQueuedSessionClosedBeforeItsTurnNeverStarts() throws Exception {
        threads = new DtlsThreads(new HandshakeLimits(1, 1));
        DtlsSession running = stalledSession(DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        DtlsSession waiting = stalledSession(DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        startAndHear(running);
        CompletableFuture<SrtpKeys> waitingKeys = startAndHear(waiting);

        waiting.close();
        running.close();

        assertThat(failure(waitingKeys, DtlsHandshakeException.Reason.CLOSED).getMessage())
                .contains("closed before the handshake started");
    }

    @Test
    void theWaitForAThreadCountsAgainstTheHandshakeTimeout() throws Exception {
        threads = new DtlsThreads(new HandshakeLimits(1, 1));
        CompletableFuture<SrtpKeys> first = startAndHear(stalledSession(Duration.ofMillis(800)));
        CompletableFuture<SrtpKeys> second = startAndHear(stalledSession(Duration.ofMillis(400)));

        failure(first, DtlsHandshakeException.Reason.TIMEOUT);
        assertThat(failure(second, DtlsHandshakeException.Reason.TIMEOUT).getMessage())
                .contains("for a handshake thread");
        assertThat(stats.timeouts()).isEqualTo(2);
    }

    @Test
    void sessionsWhoseClientsStaySilentTakeNoHandshakeThread() throws Exception {
        // one thread and one queue place: had the silent sessions taken them, the real client would be refused
        threads = new DtlsThreads(new HandshakeLimits(1, 1));
        List<CompletableFuture<SrtpKeys>> silentKeys = new ArrayList<>();
        List<DtlsSession> silent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DtlsSession session = stalledSession(DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
            silent.add(session);
            silentKeys.add(start(session));
        }

        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession real =
                new DtlsSession(SERVER_CERTIFICATE, CLIENT_CERTIFICATE.fingerprint(), link.serverSender(), stats);
        sessions.add(real);
        CompletableFuture<SrtpKeys> realKeys = start(real);
        DTLSTransport client = new DTLSClientProtocol()
                .connect(new TestDtlsClient(CLIENT_CERTIFICATE, 0x0007), link.clientTransport(real));
        realKeys.get(5, TimeUnit.SECONDS);
        client.close();

        ThreadPoolExecutor pool = (ThreadPoolExecutor) threads.handshakes();
        assertThat(pool.getTaskCount())
                .as("only the real client's handshake was queued")
                .isEqualTo(1);
        assertThat(stats.refused()).isZero();
        assertThat(silentKeys).allSatisfy(keys -> assertThat(keys).isNotDone());

        silent.forEach(DtlsSession::close);

        for (CompletableFuture<SrtpKeys> keys : silentKeys) {
            assertThat(failure(keys, DtlsHandshakeException.Reason.CLOSED).getMessage())
                    .contains("before the client's first DTLS datagram");
        }
        assertThat(pool.getTaskCount()).isEqualTo(1);
        assertThat(stats.handshakesCompleted()).isEqualTo(1);
    }

    @Test
    void subscribersJoiningEightAtATimeAllConnectAndHoldNoThreadAfterTheirHandshake() throws Exception {
        long before = liveDtlsThreads();
        threads = new DtlsThreads(new HandshakeLimits(2, 8));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Connected> connected = new ArrayList<>();
        try {
            for (int wave = 0; wave < 3; wave++) {
                List<Future<Connected>> joining = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
                    DtlsSession session = new DtlsSession(
                            SERVER_CERTIFICATE, CLIENT_CERTIFICATE.fingerprint(), link.serverSender(), stats);
                    sessions.add(session);
                    CompletableFuture<SrtpKeys> keys = start(session);
                    joining.add(clients.submit(() -> new Connected(
                            session,
                            keys,
                            new DTLSClientProtocol()
                                    .connect(
                                            new TestDtlsClient(CLIENT_CERTIFICATE, 0x0007),
                                            link.clientTransport(session)))));
                }
                for (Future<Connected> join : joining) {
                    Connected c = join.get(30, TimeUnit.SECONDS);
                    c.keys().get(5, TimeUnit.SECONDS);
                    connected.add(c);
                }
                assertThat(liveDtlsThreads() - before)
                        .as("no thread per open session after wave %d", wave)
                        .isLessThanOrEqualTo(2 + DtlsThreads.RECORD_THREADS);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(stats.handshakesCompleted()).isEqualTo(24);
        assertThat(stats.refused()).isZero();
        assertThat(connected).noneMatch(c -> c.session().isClosed());

        // the records after the handshake are still read: every client's close_notify closes its session
        for (Connected c : connected) {
            c.client().close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (connected.stream().anyMatch(c -> !c.session().isClosed()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(connected).allMatch(c -> c.session().isClosed());
    }

    private record Connected(DtlsSession session, CompletableFuture<SrtpKeys> keys, DTLSTransport client) {}

    /**
     * A session whose client sends nothing, or, after {@link #startAndHear}, one datagram (a ClientHello cut short)
     * and then nothing: from that datagram on it holds a handshake thread until its timeout or close.
     */
    private DtlsSession stalledSession(Duration timeout) {
        DtlsSession session =
                new DtlsSession(SERVER_CERTIFICATE, CLIENT_CERTIFICATE.fingerprint(), datagram -> {}, stats, timeout);
        sessions.add(session);
        return session;
    }

    private CompletableFuture<SrtpKeys> start(DtlsSession session) {
        return session.start(threads.handshakes(), threads.records());
    }

    /** Starts the session and hands it its client's first datagram, which queues the handshake. */
    private CompletableFuture<SrtpKeys> startAndHear(DtlsSession session) {
        CompletableFuture<SrtpKeys> keys = start(session);
        session.receive(DtlsSessionTest.truncatedClientHello());
        return keys;
    }

    private static long liveDtlsThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("sfu-dtls-"))
                .count();
    }

    private static DtlsHandshakeException failure(
            CompletableFuture<SrtpKeys> keys, DtlsHandshakeException.Reason reason) {
        Throwable cause = assertThatThrownBy(() -> keys.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .actual()
                .getCause();
        assertThat(cause).isInstanceOf(DtlsHandshakeException.class);
        assertThat(((DtlsHandshakeException) cause).reason()).isEqualTo(reason);
        return (DtlsHandshakeException) cause;
    }
}
