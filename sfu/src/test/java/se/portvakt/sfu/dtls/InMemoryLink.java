package se.portvakt.sfu.dtls;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;

/**
 * A datagram link between a test client's {@link DatagramTransport} and a {@link DtlsSession}, with
 * optional loss and reordering chosen by datagram number in each direction (deterministic).
 */
final class InMemoryLink {

    /** Decides the fate of the n-th datagram (from 0) in one direction. */
    interface Fate {
        Fate DELIVER = n -> Action.DELIVER;

        Action of(int n);

        default Action of(int n, byte[] datagram) {
            return of(n);
        }
    }

    enum Action {
        DELIVER,
        DROP,
        HOLD
    }

    private final BlockingQueue<byte[]> toClient = new LinkedBlockingQueue<>();
    private final Direction clientToServer;
    private final Direction serverToClient;
    final List<byte[]> sentByServer = new ArrayList<>();

    InMemoryLink(Fate clientToServerFate, Fate serverToClientFate) {
        this.serverToClient = new Direction(serverToClientFate, toClient::add);
        this.clientToServer = new Direction(clientToServerFate, null);
    }

    /** The server session's send callback. */
    Consumer<byte[]> serverSender() {
        return datagram -> {
            synchronized (sentByServer) {
                sentByServer.add(datagram);
            }
            serverToClient.send(datagram);
        };
    }

    /** The client's transport; what it sends goes into {@code session.receive}. */
    DatagramTransport clientTransport(DtlsSession session) {
        return clientTransport(session::receive);
    }

    /** The client's transport; what it sends (after the link's fate) goes to {@code toServer}. */
    DatagramTransport clientTransport(Consumer<byte[]> toServer) {
        clientToServer.deliver = toServer;
        return new DatagramTransport() {
            @Override
            public int getReceiveLimit() {
                return 1500;
            }

            @Override
            public int getSendLimit() {
                return 1200;
            }

            @Override
            public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
                try {
                    byte[] datagram = toClient.poll(waitMillis, TimeUnit.MILLISECONDS);
                    if (datagram == null) {
                        return -1;
                    }
                    int n = Math.min(len, datagram.length);
                    System.arraycopy(datagram, 0, buf, off, n);
                    return n;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
            }

            @Override
            public void send(byte[] buf, int off, int len) {
                byte[] datagram = new byte[len];
                System.arraycopy(buf, off, datagram, 0, len);
                clientToServer.send(datagram);
            }

            @Override
            public void close() {}
        };
    }

    int droppedOrHeld() {
        return clientToServer.affected.get() + serverToClient.affected.get();
    }

    /** One direction: a held datagram goes out right after the next delivered one, i.e. reordered. */
    private static final class Direction {
        private final Fate fate;
        private volatile Consumer<byte[]> deliver;
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicInteger affected = new AtomicInteger();
        private byte[] held;

        Direction(Fate fate, Consumer<byte[]> deliver) {
            this.fate = fate;
            this.deliver = deliver;
        }

        synchronized void send(byte[] datagram) {
            Action action = fate.of(count.getAndIncrement(), datagram);
            if (action != Action.DELIVER) {
                affected.incrementAndGet();
            }
            switch (action) {
                case DROP -> {}
                case HOLD -> {
                    if (held != null) {
                        deliver.accept(held);
                    }
                    held = datagram;
                }
                case DELIVER -> {
                    deliver.accept(datagram);
                    if (held != null) {
                        deliver.accept(held);
                        held = null;
                    }
                }
            }
        }
    }
}
