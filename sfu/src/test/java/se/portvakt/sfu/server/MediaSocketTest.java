package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The UDP port's sends, from the loop (its reused direct buffer) and from other threads; the ICE-TCP port's bounds:
 * half-open connections are limited and idle ones closed, without a peer's help.
 */
class MediaSocketTest {

    MediaSocket socket;
    final List<Socket> clients = new ArrayList<>();

    @AfterEach
    void tearDown() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        if (socket != null) {
            socket.close();
        }
    }

    static final MediaSocket.Receiver NOBODY = new MediaSocket.Receiver() {
        @Override
        public void datagram(byte[] buf, int len, InetSocketAddress from, long now, long arrival) {}

        @Override
        public void frame(byte[] buf, int len, TcpConnection connection, long now) {}

        @Override
        public void closed(TcpConnection connection) {}

        @Override
        public void tick(long now) {}
    };

    Socket connect() throws IOException {
        Socket client = new Socket();
        client.connect(socket.tcpLocal(), 5000);
        clients.add(client);
        return client;
    }

    static boolean closedWithin(Socket client, long millis) throws IOException {
        client.setSoTimeout(100);
        InputStream in = client.getInputStream();
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (in.read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // open
            } catch (SocketException e) {
                return true;
            }
        }
        return false;
    }

    /** Sends each datagram back from the loop thread, from the middle of a larger array, as the forwarder does. */
    MediaSocket.Receiver echo() {
        return new MediaSocket.Receiver() {
            final byte[] out = new byte[MediaSocket.MAX_DATAGRAM + 64];

            @Override
            public void datagram(byte[] buf, int len, InetSocketAddress from, long now, long arrival) {
                Arrays.fill(out, (byte) 0x55);
                System.arraycopy(buf, 0, out, 7, len);
                socket.send(from, out, 7, len);
            }

            @Override
            public void frame(byte[] buf, int len, TcpConnection connection, long now) {}

            @Override
            public void closed(TcpConnection connection) {}

            @Override
            public void tick(long now) {}
        };
    }

    static byte[] datagram(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (seed + i * 31);
        }
        return data;
    }

    static byte[] receive(DatagramSocket client) throws IOException {
        DatagramPacket in = new DatagramPacket(new byte[4096], 4096);
        client.receive(in);
        return Arrays.copyOf(in.getData(), in.getLength());
    }

    @Test
    void datagramsSentFromTheLoopArriveWholeWhateverCameBefore() throws IOException {
        socket = MediaSocket.bind(new InetSocketAddress("127.0.0.1", 0));
        socket.start(echo(), Duration.ofMillis(10));
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            client.setSoTimeout(5000);
            // long, short, long again: the reused buffer must neither keep a tail nor cut a packet short
            for (int length : new int[] {1200, 40, 1, 1500, 300}) {
                byte[] sent = datagram(length, length);
                client.send(new DatagramPacket(sent, length, socket.local()));
                assertThat(receive(client)).as("%d bytes", length).isEqualTo(sent);
            }
        }
    }

    @Test
    void theLoopSendsInBatchesOnLinux() {
        // the machines Portvakt runs and is tested on are Linux: a silent fall back to one send per datagram would
        // cost the loop two thirds of its sending time (docs/sfu.md, "Batched sends")
        socket = MediaSocket.bind(new InetSocketAddress("127.0.0.1", 0));
        socket.start(echo(), Duration.ofMillis(10));
        assertThat(socket.batched()).isTrue();
    }

    @Test
    void otherThreadsSendTheirOwnBytesWhileTheLoopRuns() throws Exception {
        socket = MediaSocket.bind(new InetSocketAddress("127.0.0.1", 0));
        socket.start(echo(), Duration.ofMillis(10));
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            client.setSoTimeout(5000);
            byte[] fromElsewhere = datagram(900, 3);
            Thread dtls = new Thread(() -> socket.send(
                    (InetSocketAddress) client.getLocalSocketAddress(), fromElsewhere, 0, fromElsewhere.length));
            dtls.start();
            dtls.join();
            assertThat(receive(client)).isEqualTo(fromElsewhere);
            byte[] echoed = datagram(200, 9);
            client.send(new DatagramPacket(echoed, echoed.length, socket.local()));
            assertThat(receive(client)).isEqualTo(echoed);
        }
    }

    @Test
    void connectionsBeyondTheHalfOpenLimitAreClosedAtOnce() throws IOException {
        socket = MediaSocket.bind(
                new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0),
                new MediaSocket.TcpLimits(100, 3, Duration.ofMinutes(1)));
        socket.start(NOBODY, Duration.ofMillis(10));
        List<Socket> first = List.of(connect(), connect(), connect());
        for (Socket client : first) { // accepted in order: wait until each is, so the count is exact
            assertThat(closedWithin(client, 300)).isFalse();
        }
        Socket fourth = connect();
        Socket fifth = connect();
        assertThat(closedWithin(fourth, 10_000)).isTrue();
        assertThat(closedWithin(fifth, 10_000)).isTrue();
        assertThat(socket.tcpRefused()).isEqualTo(2);
        assertThat(closedWithin(first.get(0), 300))
                .as("the first three stay until their idle time is up")
                .isFalse();
    }

    @Test
    void aConnectionThatCarriesNobodysMediaIsClosedAfterTheIdleTimeout() throws IOException {
        socket = MediaSocket.bind(
                new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0),
                new MediaSocket.TcpLimits(100, 10, Duration.ofMillis(300)));
        socket.start(NOBODY, Duration.ofMillis(10));
        Socket stalled = connect();
        assertThat(closedWithin(stalled, 15_000)).isTrue();
    }
}
