package se.portvakt.bench.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical limit line: how many datagrams per second one thread of this machine can hand to the kernel with
 * Java's {@link DatagramChannel#send}, round-robin to several local receivers (as a forwarder does). Nothing is
 * read, decrypted or rewritten, so no SFU built on the same socket call can forward faster than this.
 *
 * <p>The receivers are bound but never read: once their buffers fill the kernel drops at their end, after the
 * sender has paid its whole cost.
 */
public final class UdpSendLimit {

    /** One run's result: datagrams per second and the size sent. */
    public record Result(double packetsPerSecond, int packetSize, int receivers, double seconds) {}

    private UdpSendLimit() {}

    public static Result measure(int packetSize, int receivers, double seconds) throws IOException {
        List<DatagramChannel> sinks = new ArrayList<>();
        List<InetSocketAddress> targets = new ArrayList<>();
        try (DatagramChannel sender = DatagramChannel.open()) {
            sender.bind(new InetSocketAddress("127.0.0.1", 0));
            sender.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
            for (int i = 0; i < receivers; i++) {
                DatagramChannel sink = DatagramChannel.open();
                sink.bind(new InetSocketAddress("127.0.0.1", 0));
                sinks.add(sink);
                targets.add((InetSocketAddress) sink.getLocalAddress());
            }
            ByteBuffer packet = ByteBuffer.allocateDirect(packetSize);
            for (int i = 0; i < packetSize; i++) {
                packet.put(i, (byte) (0x80 + i));
            }
            long sent = sendFor(sender, packet, targets, (long) (0.5e9)); // warm-up: JIT, socket buffers
            long start = System.nanoTime();
            sent = sendFor(sender, packet, targets, (long) (seconds * 1e9));
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Result(sent / elapsed, packetSize, receivers, elapsed);
        } finally {
            for (DatagramChannel sink : sinks) {
                sink.close();
            }
        }
    }

    private static long sendFor(DatagramChannel sender, ByteBuffer packet, List<InetSocketAddress> targets, long nanos)
            throws IOException {
        long deadline = System.nanoTime() + nanos;
        long sent = 0;
        int n = targets.size();
        while (true) {
            for (int batch = 0; batch < 256; batch++) {
                packet.clear();
                sender.send(packet, targets.get((int) (sent % n)));
                sent++;
            }
            if (System.nanoTime() >= deadline) {
                return sent;
            }
        }
    }
}
