package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ICE-TCP port's bounds: half-open connections are limited and idle ones closed, without a peer's help. */
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
        public void datagram(byte[] buf, int len, InetSocketAddress from, long now) {}

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
