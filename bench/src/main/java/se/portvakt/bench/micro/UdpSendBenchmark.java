package se.portvakt.bench.micro;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@link DatagramChannel#send} of a packet that lives in a heap array (where SRTP protected it), two ways:
 * wrapped, so the JDK copies it into a temporary direct buffer from its per-thread cache (the SFU's loop before
 * issue 18), and copied into one reused direct buffer (the loop now, {@code MediaSocket}). Round-robin to local
 * sockets that never read, as in the UDP limit: the kernel drops at their full buffers after the sender paid.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UdpSendBenchmark {

    /** A full video packet after SRTP (the sweep's 1144-byte datagrams). */
    @Param({"1144"})
    public int size;

    private DatagramChannel sender;
    private final List<DatagramChannel> sinks = new ArrayList<>();
    private InetSocketAddress[] targets;
    private byte[] packet;
    private ByteBuffer direct;
    private int next;

    @Setup
    public void setUp() throws IOException {
        sender = DatagramChannel.open();
        sender.bind(new InetSocketAddress("127.0.0.1", 0));
        sender.configureBlocking(false); // as the SFU's channel
        targets = new InetSocketAddress[16];
        for (int i = 0; i < targets.length; i++) {
            DatagramChannel sink = DatagramChannel.open();
            sink.bind(new InetSocketAddress("127.0.0.1", 0));
            sinks.add(sink);
            targets[i] = (InetSocketAddress) sink.getLocalAddress();
        }
        packet = SyntheticRtp.packet(0x1234_5678L, 96, 0, size - 12);
        direct = ByteBuffer.allocateDirect(2048);
    }

    @TearDown
    public void tearDown() throws IOException {
        sender.close();
        for (DatagramChannel sink : sinks) {
            sink.close();
        }
    }

    @Benchmark
    public int heapWrapped() throws IOException {
        return sender.send(ByteBuffer.wrap(packet, 0, packet.length), target());
    }

    @Benchmark
    public int reusedDirect() throws IOException {
        direct.clear();
        direct.put(packet, 0, packet.length);
        return sender.send(direct.flip(), target());
    }

    private InetSocketAddress target() {
        next = (next + 1) & 15;
        return targets[next];
    }
}
