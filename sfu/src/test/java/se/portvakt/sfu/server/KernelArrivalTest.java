package se.portvakt.sfu.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.Test;

/** Linux's receive stamps on the SFU's UDP socket (CI and the media hosts run Linux). */
class KernelArrivalTest {

    @Test
    void aDatagramThatWaitedBeforeItWasReadIsStampedWhenItArrived() throws Exception {
        try (DatagramChannel sfu = DatagramChannel.open();
                DatagramChannel browser = DatagramChannel.open()) {
            sfu.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            KernelArrival arrivals = KernelArrival.of(((InetSocketAddress) sfu.getLocalAddress()).getPort())
                    .orElseThrow(() -> new AssertionError("no kernel stamps on this Linux"));

            // Linux turns receive stamping on in a deferred work item: a datagram arriving before that is stamped
            // only when read. The SFU turns it on at start, long before media; here up to twenty datagrams may go by
            long waited = 0;
            for (int attempt = 0; attempt < 20 && waited < 70_000_000L; attempt++) {
                browser.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), sfu.getLocalAddress());
                Thread.sleep(80); // the loop busy elsewhere: the datagram waits in the socket
                sfu.receive(ByteBuffer.allocate(64));
                long readAt = System.nanoTime();
                waited = readAt - arrivals.lastArrival(readAt);
            }
            assertThat(waited)
                    .as("how long before it was read the datagram arrived, ns")
                    .isBetween(70_000_000L, 1_000_000_000L);
        }
    }

    @Test
    void aPortNobodyHereBoundHasNoDescriptor() throws Exception {
        int port;
        try (DatagramChannel gone = DatagramChannel.open()) {
            gone.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = ((InetSocketAddress) gone.getLocalAddress()).getPort();
            assertThat(KernelArrival.descriptorOfUdpPort(port)).isPresent();
        }
        assertThat(KernelArrival.descriptorOfUdpPort(port)).isEmpty();
    }
}
