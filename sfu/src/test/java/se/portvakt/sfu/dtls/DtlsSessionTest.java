package se.portvakt.sfu.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.srtp.SrtpKeys;
import se.portvakt.sfu.srtp.SrtpProfile;

class DtlsSessionTest {

    private static final int GCM = 0x0007;
    private static final int CM = 0x0001;
    private static final int AES_CM_HMAC_SHA1_32 = 0x0002;

    /** Certificates are costly enough to share: one for the SFU, two for clients. */
    private static final DtlsCertificate SERVER_CERTIFICATE = DtlsCertificate.generate();

    private static final DtlsCertificate CLIENT_CERTIFICATE = DtlsCertificate.generate();
    private static final DtlsCertificate OTHER_CERTIFICATE = DtlsCertificate.generate();

    /**
     * The header of a ClientHello record, cut short: it starts a handshake, which BouncyCastle drops and then waits
     * on for a real ClientHello until its timeout, as for a client that went silent after its first datagram.
     */
    static byte[] truncatedClientHello() {
        return new byte[] {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0};
    }

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final DtlsStats stats = new DtlsStats();

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS))
                .as("session threads end")
                .isTrue();
    }

    static Stream<Arguments> offers() {
        return Stream.of(
                Arguments.of(new int[] {GCM, CM}, SrtpProfile.AEAD_AES_128_GCM),
                Arguments.of(new int[] {CM, GCM}, SrtpProfile.AEAD_AES_128_GCM),
                Arguments.of(new int[] {CM}, SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                Arguments.of(new int[] {AES_CM_HMAC_SHA1_32, CM}, SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                Arguments.of(new int[] {GCM}, SrtpProfile.AEAD_AES_128_GCM));
    }

    @ParameterizedTest
    @MethodSource("offers")
    void handshakeCompletesWithThePreferredOfferedProfileAndBothSidesExportTheSameKeys(
            int[] offered, SrtpProfile expected) throws Exception {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        TestDtlsClient client = new TestDtlsClient(CLIENT_CERTIFICATE, offered);

        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);
        DTLSTransport clientDtls = new DTLSClientProtocol().connect(client, link.clientTransport(session));
        SrtpKeys keys = serverKeys.get(10, TimeUnit.SECONDS);

        assertThat(keys.profile()).isEqualTo(expected);
        assertThat(client.negotiatedProfile).isEqualTo(expected);
        SrtpKeys clientKeys = SrtpKeys.fromDtls(expected, client.keyingMaterial, false);
        assertThat(keys.localKey()).isEqualTo(clientKeys.remoteKey());
        assertThat(keys.localSalt()).isEqualTo(clientKeys.remoteSalt());
        assertThat(keys.remoteKey()).isEqualTo(clientKeys.localKey());
        assertThat(keys.remoteSalt()).isEqualTo(clientKeys.localSalt());
        assertThat(keys.localKey()).isNotEqualTo(keys.remoteKey());
        assertThat(client.serverCertificateDer).isEqualTo(SERVER_CERTIFICATE.der());
        assertThat(SERVER_CERTIFICATE.fingerprint().matches(client.serverCertificateDer))
                .isTrue();
        assertThat(stats.handshakesCompleted()).isEqualTo(1);
        assertThat(stats.handshakesFailed()).isZero();
        assertThat(link.sentByServer).allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(1200));

        clientDtls.close();
        session.close();
    }

    @Test
    void aClientWhoseCertificateIsNotTheOneInTheSdpIsRejected() {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, OTHER_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);

        assertThatThrownBy(() -> new DTLSClientProtocol()
                        .connect(new TestDtlsClient(CLIENT_CERTIFICATE, GCM, CM), link.clientTransport(session)))
                .as("the client sees the handshake fail too");
        assertFailsWith(serverKeys, DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH);
        assertThat(stats.fingerprintMismatches()).isEqualTo(1);
        assertThat(stats.handshakesFailed()).isEqualTo(1);
        assertThat(session.isClosed()).isTrue();
    }

    @Test
    void aClientWithoutACertificateIsRejected() {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);

        assertThatThrownBy(() -> new DTLSClientProtocol()
                .connect(new TestDtlsClient(CLIENT_CERTIFICATE, false, GCM, CM), link.clientTransport(session)));
        assertFailsWith(serverKeys, DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH);
        assertThat(stats.fingerprintMismatches()).isEqualTo(1);
    }

    static Stream<int[]> offersWithoutASupportedProfile() {
        return Stream.of(new int[0], new int[] {AES_CM_HMAC_SHA1_32}, new int[] {0x0008});
    }

    @ParameterizedTest
    @MethodSource("offersWithoutASupportedProfile")
    void aClientOfferingNoSupportedSrtpProfileIsRejected(int[] offered) {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);

        assertThatThrownBy(() -> new DTLSClientProtocol()
                .connect(new TestDtlsClient(CLIENT_CERTIFICATE, offered), link.clientTransport(session)));
        assertFailsWith(serverKeys, DtlsHandshakeException.Reason.NO_COMMON_SRTP_PROFILE);
        assertThat(stats.noCommonSrtpProfile()).isEqualTo(1);
    }

    @Test
    void handshakeCompletesOverALinkThatDropsAndReorders() throws Exception {
        // Client to server: lose the first ClientHello, swap two datagrams of the second flight.
        // Server to client: lose the first datagram of its first flight, reorder the next ones.
        InMemoryLink link = new InMemoryLink(
                n -> n == 0
                        ? InMemoryLink.Action.DROP
                        : n == 2 ? InMemoryLink.Action.HOLD : InMemoryLink.Action.DELIVER,
                n -> n == 0
                        ? InMemoryLink.Action.DROP
                        : n == 2 || n == 5 ? InMemoryLink.Action.HOLD : InMemoryLink.Action.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        TestDtlsClient client = new TestDtlsClient(CLIENT_CERTIFICATE, GCM, CM);

        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);
        DTLSTransport clientDtls = new DTLSClientProtocol().connect(client, link.clientTransport(session));
        SrtpKeys keys = serverKeys.get(20, TimeUnit.SECONDS);

        assertThat(link.droppedOrHeld()).as("the link did interfere").isGreaterThanOrEqualTo(3);
        assertThat(keys.remoteKey()).isEqualTo(Arrays.copyOfRange(client.keyingMaterial, 0, 16));
        assertThat(keys.localKey()).isEqualTo(Arrays.copyOfRange(client.keyingMaterial, 16, 32));
        clientDtls.close();
        session.close();
    }

    @Test
    void theServerResendsItsLostFinalFlightAfterItHasItsKeys() throws Exception {
        // The server's last flight (ChangeCipherSpec, then Finished in epoch 1) is lost the first time: the
        // server already has its keys, so only its post-handshake reader can answer the client's resend.
        long[] firstFinalFlight = {0};
        InMemoryLink.Fate loseFirstFinalFlight = new InMemoryLink.Fate() {
            @Override
            public InMemoryLink.Action of(int n) {
                return InMemoryLink.Action.DELIVER;
            }

            @Override
            public InMemoryLink.Action of(int n, byte[] datagram) {
                boolean finalFlight =
                        datagram[0] == 20 || (datagram.length > 4 && datagram[3] == 0 && datagram[4] == 1);
                if (!finalFlight) {
                    return InMemoryLink.Action.DELIVER;
                }
                long now = System.nanoTime();
                if (firstFinalFlight[0] == 0) {
                    firstFinalFlight[0] = now;
                }
                return now - firstFinalFlight[0] < TimeUnit.MILLISECONDS.toNanos(300)
                        ? InMemoryLink.Action.DROP
                        : InMemoryLink.Action.DELIVER;
            }
        };
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, loseFirstFinalFlight);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        TestDtlsClient client = new TestDtlsClient(CLIENT_CERTIFICATE, GCM, CM);

        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);
        DTLSTransport clientDtls = new DTLSClientProtocol().connect(client, link.clientTransport(session));

        assertThat(link.droppedOrHeld()).as("the final flight was lost once").isPositive();
        SrtpKeys keys = serverKeys.get(1, TimeUnit.SECONDS);
        assertThat(keys.remoteKey()).isEqualTo(Arrays.copyOfRange(client.keyingMaterial, 0, 16));
        clientDtls.close();
        session.close();
    }

    @Test
    void garbageBetweenGoodDatagramsDoesNotStopTheHandshake() throws Exception {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        for (byte[] garbage : Garbage.records()) {
            session.receive(garbage);
        }
        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);
        TestDtlsClient client = new TestDtlsClient(CLIENT_CERTIFICATE, GCM, CM);
        new DTLSClientProtocol().connect(client, link.clientTransport(session)).close();

        assertThat(serverKeys.get(10, TimeUnit.SECONDS).profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        session.close();
    }

    @Test
    void onlyGarbageEndsInACountedFailureWithinTheHandshakeTimeout() {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), Duration.ofMillis(1500));
        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);
        for (byte[] garbage : Garbage.records()) {
            session.receive(garbage);
        }

        Throwable failure = assertThatThrownBy(() -> serverKeys.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .actual()
                .getCause();
        assertThat(failure).isInstanceOf(DtlsHandshakeException.class);
        assertThat(((DtlsHandshakeException) failure).reason())
                .isIn(DtlsHandshakeException.Reason.TIMEOUT, DtlsHandshakeException.Reason.PROTOCOL_ERROR);
        assertThat(stats.handshakesFailed()).isEqualTo(1);
        assertThat(stats.handshakesCompleted()).isZero();
    }

    @Test
    void silenceAfterTheFirstDatagramEndsInATimeout() {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), Duration.ofMillis(1000));
        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);
        session.receive(truncatedClientHello());

        assertFailsWith(serverKeys, DtlsHandshakeException.Reason.TIMEOUT);
        assertThat(stats.timeouts()).isEqualTo(1);
    }

    @Test
    void aClientThatNeverSpeaksQueuesNoHandshakeAndClosingFailsItAsClosed() throws Exception {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), Duration.ofMillis(200));
        CountingExecutor handshakes = new CountingExecutor(pool);
        CompletableFuture<SrtpKeys> serverKeys = session.start(handshakes, pool);

        Thread.sleep(400); // twice the handshake timeout: none runs for a client that has not spoken
        assertThat(serverKeys).isNotDone();
        assertThat(handshakes.tasks()).isZero();
        assertThat(stats.timeouts()).isZero();

        session.close();

        assertThat(serverKeys).as("failed at once").isCompletedExceptionally();
        assertThat(failure(serverKeys, DtlsHandshakeException.Reason.CLOSED).getMessage())
                .contains("before the client's first DTLS datagram");
        session.receive(truncatedClientHello());
        session.close();
        assertThat(handshakes.tasks())
                .as("nothing queued, not even by a late datagram")
                .isZero();
        assertThat(session.isClosed()).isTrue();
        assertThat(stats.handshakesFailed()).isEqualTo(1);
    }

    @Test
    void aSessionClosedBeforeItStartsFailsAsClosedAndNeverQueuesItsHandshake() {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        CountingExecutor handshakes = new CountingExecutor(pool);
        session.close();
        session.receive(truncatedClientHello());

        CompletableFuture<SrtpKeys> serverKeys = session.start(handshakes, pool);

        failure(serverKeys, DtlsHandshakeException.Reason.CLOSED);
        assertThat(handshakes.tasks()).isZero();
    }

    @Test
    void aDatagramOfferedBeforeStartStartsTheHandshakeAtStart() {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), Duration.ofMillis(1000));
        CountingExecutor handshakes = new CountingExecutor(pool);
        session.receive(truncatedClientHello());
        assertThat(handshakes.tasks()).isZero();

        CompletableFuture<SrtpKeys> serverKeys = session.start(handshakes, pool);

        assertThat(handshakes.tasks()).as("queued by start itself").isEqualTo(1);
        assertFailsWith(serverKeys, DtlsHandshakeException.Reason.TIMEOUT);
        assertThat(handshakes.tasks()).isEqualTo(1);
    }

    @Test
    void aClientHelloThatArrivedBeforeStartIsAnswered() throws Exception {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        CountDownLatch firstArrived = new CountDownLatch(1);
        DatagramTransport clientTransport = link.clientTransport(datagram -> {
            session.receive(datagram);
            firstArrived.countDown();
        });
        CompletableFuture<DTLSTransport> client = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new DTLSClientProtocol()
                                .connect(new TestDtlsClient(CLIENT_CERTIFICATE, GCM, CM), clientTransport);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                pool);
        assertThat(firstArrived.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);

        assertThat(serverKeys.get(10, TimeUnit.SECONDS).profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        client.get(10, TimeUnit.SECONDS).close();
        session.close();
    }

    @Test
    void startAndTheFirstDatagramRacingQueueTheHandshakeExactlyOnce() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 500; i++) {
                InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
                DtlsSession session =
                        newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
                // counts and never runs: the race is between start() and receive(), not the handshake
                CountingExecutor handshakes = new CountingExecutor(task -> {});
                CountDownLatch go = new CountDownLatch(1);
                Future<?> receiving = other.submit(() -> {
                    go.await();
                    session.receive(truncatedClientHello());
                    session.receive(truncatedClientHello());
                    return null;
                });
                go.countDown();
                session.start(handshakes, pool);
                receiving.get(5, TimeUnit.SECONDS);

                assertThat(handshakes.tasks()).as("round %d", i).isEqualTo(1);
            }
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void closingDuringTheHandshakeFailsItAsClosed() throws Exception {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);
        session.receive(truncatedClientHello());
        Thread.sleep(100);
        session.close();

        assertFailsWith(serverKeys, DtlsHandshakeException.Reason.CLOSED);
        assertThat(session.isClosed()).isTrue();
    }

    @Test
    void theClientsCloseNotifyEndsTheSession() throws Exception {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);
        DTLSTransport clientDtls = new DTLSClientProtocol()
                .connect(new TestDtlsClient(CLIENT_CERTIFICATE, CM), link.clientTransport(session));
        serverKeys.get(10, TimeUnit.SECONDS);
        assertThat(session.isClosed()).isFalse();

        clientDtls.close();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!session.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(session.isClosed()).isTrue();
    }

    @Test
    void closingAfterTheHandshakeSendsCloseNotify() throws Exception {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), DtlsSession.DEFAULT_HANDSHAKE_TIMEOUT);
        CompletableFuture<SrtpKeys> serverKeys = session.start(pool);
        DTLSTransport clientDtls = new DTLSClientProtocol()
                .connect(new TestDtlsClient(CLIENT_CERTIFICATE, CM), link.clientTransport(session));
        serverKeys.get(10, TimeUnit.SECONDS);
        int sentBefore = sentByServer(link).size();

        session.close();

        assertThat(session.isClosed()).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sentByServer(link).size() == sentBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<byte[]> after =
                sentByServer(link).subList(sentBefore, sentByServer(link).size());
        assertThat(after).as("an alert record (close_notify, encrypted)").anyMatch(d -> d[0] == 21);
        clientDtls.close();
    }

    private static List<byte[]> sentByServer(InMemoryLink link) {
        synchronized (link.sentByServer) {
            return new ArrayList<>(link.sentByServer);
        }
    }

    @Test
    void aSessionStartsOnce() {
        InMemoryLink link = new InMemoryLink(InMemoryLink.Fate.DELIVER, InMemoryLink.Fate.DELIVER);
        DtlsSession session = newSession(link, CLIENT_CERTIFICATE.fingerprint(), Duration.ofMillis(500));
        session.start(pool);
        assertThatThrownBy(() -> session.start(pool)).isInstanceOf(IllegalStateException.class);
        session.close();
    }

    private DtlsSession newSession(InMemoryLink link, Fingerprint expected, Duration timeout) {
        return new DtlsSession(SERVER_CERTIFICATE, expected, link.serverSender(), stats, timeout);
    }

    private static void assertFailsWith(CompletableFuture<SrtpKeys> keys, DtlsHandshakeException.Reason reason) {
        failure(keys, reason);
    }

    private static DtlsHandshakeException failure(
            CompletableFuture<SrtpKeys> keys, DtlsHandshakeException.Reason reason) {
        Throwable failure = assertThatThrownBy(() -> keys.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .actual()
                .getCause();
        assertThat(failure).isInstanceOf(DtlsHandshakeException.class);
        assertThat(((DtlsHandshakeException) failure).reason()).isEqualTo(reason);
        return (DtlsHandshakeException) failure;
    }

    /** Counts the handshakes a session queues, and hands them on. */
    private static final class CountingExecutor implements Executor {
        private final Executor delegate;
        private final AtomicInteger tasks = new AtomicInteger();

        CountingExecutor(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable task) {
            tasks.incrementAndGet();
            delegate.execute(task);
        }

        int tasks() {
            return tasks.get();
        }
    }
}
