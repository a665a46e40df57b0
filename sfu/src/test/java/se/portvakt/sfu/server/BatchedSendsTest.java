package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * sendmmsg on the SFU's socket: every datagram arrives whole, in order, at its own address, from IPv4 and dual-stack
 * sockets alike; one the kernel refuses is counted and the rest of its batch still goes. The machine this runs on is
 * Linux (the only system the SFU is deployed on), so the batch path must exist here.
 */
class BatchedSendsTest {
    final List<AutoCloseable> open = new ArrayList<>();
    final LongAdder dropped = new LongAdder();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    BatchedSends batchOn(ProtocolFamily family) throws IOException {
        DatagramChannel channel = family == null ? DatagramChannel.open() : DatagramChannel.open(family);
        open.add(channel);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        return BatchedSends.of(port, MediaSocket.MAX_DATAGRAM, dropped).orElseThrow();
    }

    DatagramSocket receiver() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(5000);
        socket.setReceiveBufferSize(1 << 20);
        open.add(socket);
        return socket;
    }

    @Test
    void moreDatagramsThanABatchArriveWholeAndInOrderAtTheirOwnAddresses() throws IOException {
        for (ProtocolFamily family : new ProtocolFamily[] {StandardProtocolFamily.INET, null}) {
            BatchedSends batch = batchOn(family);
            List<DatagramSocket> receivers = List.of(receiver(), receiver(), receiver());
            byte[] buf = new byte[1600];
            int count = BatchedSends.BATCH * 2 + 5;
            for (int i = 0; i < count; i++) {
                byte[] datagram = MediaSocketTest.datagram(datagramLength(i), i);
                System.arraycopy(datagram, 0, buf, 9, datagram.length); // from the middle, as the forwarder sends
                InetSocketAddress to = (InetSocketAddress) receivers.get(i % 3).getLocalSocketAddress();
                assertThat(batch.add(to, buf, 9, datagram.length)).isTrue();
            }
            batch.flush();
            for (int i = 0; i < count; i++) {
                assertThat(MediaSocketTest.receive(receivers.get(i % 3)))
                        .as("datagram %d from a %s socket", i, family == null ? "dual-stack" : "IPv4")
                        .isEqualTo(MediaSocketTest.datagram(datagramLength(i), i));
            }
            assertThat(dropped.sum()).isZero();
        }
    }

    static int datagramLength(int i) {
        return 1 + (i * 397) % 1500;
    }

    @Test
    void aRefusedDatagramIsCountedAndTheRestOfItsBatchStillGoes() throws IOException {
        BatchedSends batch = batchOn(StandardProtocolFamily.INET);
        DatagramSocket receiver = receiver();
        InetSocketAddress good = (InetSocketAddress) receiver.getLocalSocketAddress();
        InetSocketAddress portZero = new InetSocketAddress("127.0.0.1", 0); // Linux refuses it (EINVAL)
        byte[] first = MediaSocketTest.datagram(100, 1);
        byte[] second = MediaSocketTest.datagram(200, 2);
        batch.add(good, first, 0, first.length);
        batch.add(portZero, first, 0, first.length);
        batch.add(good, second, 0, second.length);
        batch.flush();
        assertThat(MediaSocketTest.receive(receiver)).isEqualTo(first);
        assertThat(MediaSocketTest.receive(receiver)).isEqualTo(second);
        assertThat(dropped.sum()).isEqualTo(1);
    }

    @Test
    void whatABatchCannotTakeIsLeftToTheCaller() throws IOException {
        BatchedSends batch = batchOn(StandardProtocolFamily.INET);
        byte[] tooLong = new byte[MediaSocket.MAX_DATAGRAM + 1];
        assertThat(batch.add(new InetSocketAddress("127.0.0.1", 9), tooLong, 0, tooLong.length))
                .isFalse();
        assertThat(batch.add(new InetSocketAddress("::1", 9), tooLong, 0, 10))
                .as("IPv6 from an IPv4 socket")
                .isFalse();
    }
}
