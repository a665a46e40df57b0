package se.portvakt.bench.udp;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a native batch send would pay (issue 18: "a native batch path only if the benchmark shows it pays"): the
 * same send loop as {@link UdpSendLimit}, one thread, round-robin to local sockets that never read, three ways on
 * this machine. The JDK's {@link DatagramChannel#send}, the SFU's path today; libc's {@code sendto} through JNA, one
 * call per datagram (what the JDK's own overhead is); and {@code sendmmsg} through JNA, {@link #BATCH} datagrams per
 * call (what batching saves in system call entries). The SFU's loop spends a share of its busy time inside
 * {@code send}; the report multiplies that share by what sendmmsg saves per datagram to bound the SFU's gain.
 *
 * <p>Linux on a 64-bit CPU only ({@code struct msghdr} as laid out there); elsewhere {@link #measure} is empty.
 */
public final class BatchedSendLimit {
    /** Datagrams per sendmmsg call: about one incoming video packet's copies in a room of 16 to 1 to 32. */
    public static final int BATCH = 32;

    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCKADDR_IN = 16;
    private static final int IOVEC = 16;
    /** struct mmsghdr on LP64 Linux: a 56-byte msghdr, then msg_len and padding. */
    private static final int MMSGHDR = 64;

    private static volatile boolean registered;

    /** Datagrams per second each way, best of the rounds; the sizes and receivers as in {@link UdpSendLimit}. */
    public record Result(double jdkSend, double libcSendto, double sendmmsg, int batch, int packetSize) {
        /** The share of a JDK send's cost that sendmmsg saves per datagram (0.2 = a fifth). */
        public double savedPerDatagram() {
            return 1 - jdkSend / sendmmsg;
        }
    }

    private BatchedSendLimit() {}

    /**
     * The two native loops beside {@code jdk} (the {@link UdpSendLimit} just measured: its datagram size, its number
     * of receivers, its rate), alternately, {@code rounds} times each, {@code seconds} per loop; the best of each.
     */
    public static Optional<Result> measure(UdpSendLimit.Result jdk, double seconds, int rounds) throws IOException {
        if (!Platform.isLinux() || !Platform.is64Bit()) {
            return Optional.empty();
        }
        register();
        int packetSize = jdk.packetSize();
        List<DatagramChannel> sinks = new ArrayList<>();
        int fd = socket(AF_INET, SOCK_DGRAM, 0);
        if (fd < 0) {
            throw new IOException("socket() failed, errno " + Native.getLastError());
        }
        try {
            List<InetSocketAddress> targets = new ArrayList<>();
            for (int i = 0; i < jdk.receivers(); i++) {
                DatagramChannel sink = DatagramChannel.open();
                sink.bind(new InetSocketAddress("127.0.0.1", 0));
                sinks.add(sink);
                targets.add((InetSocketAddress) sink.getLocalAddress());
            }
            Loops loops = new Loops(fd, packetSize, targets);
            double sendto = 0;
            double mmsg = 0;
            for (int r = 0; r < rounds; r++) { // the best of each: other processes only ever lower a rate
                sendto = Math.max(sendto, loops.rate(loops::sendto, seconds));
                mmsg = Math.max(mmsg, loops.rate(loops::sendmmsg, seconds));
            }
            return Optional.of(new Result(jdk.packetsPerSecond(), sendto, mmsg, BATCH, packetSize));
        } finally {
            close(fd);
            for (DatagramChannel sink : sinks) {
                sink.close();
            }
        }
    }

    /** The native memory both native loops send from: one packet, the receivers' addresses, a batch's headers. */
    private static final class Loops {
        private final int fd;
        private final int packetSize;
        private final Memory packet;
        private final Memory addresses;
        private final Memory vector;
        private final int receivers;
        private long sent;

        Loops(int fd, int packetSize, List<InetSocketAddress> targets) {
            this.fd = fd;
            this.packetSize = packetSize;
            this.receivers = targets.size();
            packet = new Memory(packetSize);
            for (int i = 0; i < packetSize; i++) {
                packet.setByte(i, (byte) (0x80 + i));
            }
            addresses = new Memory((long) SOCKADDR_IN * receivers);
            addresses.clear();
            for (int i = 0; i < receivers; i++) {
                long at = (long) i * SOCKADDR_IN;
                int port = targets.get(i).getPort();
                addresses.setShort(at, (short) AF_INET); // host order
                addresses.setByte(at + 2, (byte) (port >>> 8)); // network order
                addresses.setByte(at + 3, (byte) port);
                addresses.setByte(at + 4, (byte) 127);
                addresses.setByte(at + 7, (byte) 1);
            }
            vector = new Memory((long) MMSGHDR * BATCH + IOVEC);
            vector.clear();
            Pointer sharedIov = vector.share((long) MMSGHDR * BATCH); // one iovec: every datagram is the packet
            sharedIov.setPointer(0, packet);
            sharedIov.setLong(8, packetSize);
            for (int i = 0; i < BATCH; i++) {
                long at = (long) i * MMSGHDR;
                vector.setPointer(at, addresses.share((long) (i % receivers) * SOCKADDR_IN)); // msg_name
                vector.setInt(at + 8, SOCKADDR_IN); // msg_namelen
                vector.setPointer(at + 16, sharedIov); // msg_iov
                vector.setLong(at + 24, 1); // msg_iovlen
            }
        }

        /** Datagrams per second of {@code step} (which returns how many it sent) over {@code seconds}. */
        double rate(Step step, double seconds) throws IOException {
            sent = 0;
            runFor(step, 0.5); // warm-up: JIT, socket buffers
            long start = System.nanoTime();
            long count = runFor(step, seconds);
            return count / ((System.nanoTime() - start) / 1e9);
        }

        private long runFor(Step step, double seconds) throws IOException {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long count = 0;
            do {
                for (int i = 0; i < 8; i++) {
                    count += step.send();
                }
            } while (System.nanoTime() < deadline);
            return count;
        }

        int sendto() throws IOException {
            for (int i = 0; i < BATCH; i++) {
                Pointer to = addresses.share((sent++ % receivers) * SOCKADDR_IN);
                if (BatchedSendLimit.sendto(fd, packet, packetSize, 0, to, SOCKADDR_IN) < 0) {
                    throw new IOException("sendto failed, errno " + Native.getLastError());
                }
            }
            return BATCH;
        }

        int sendmmsg() throws IOException {
            int n = BatchedSendLimit.sendmmsg(fd, vector, BATCH, 0);
            if (n < 0) {
                throw new IOException("sendmmsg failed, errno " + Native.getLastError());
            }
            return n;
        }
    }

    @FunctionalInterface
    private interface Step {
        int send() throws IOException;
    }

    private static native int socket(int domain, int type, int protocol);

    private static native int close(int fd);

    private static native long sendto(int fd, Pointer buf, long len, int flags, Pointer to, int toLength);

    private static native int sendmmsg(int fd, Pointer vector, int length, int flags);

    private static synchronized void register() {
        if (!registered) {
            Native.register(BatchedSendLimit.class, NativeLibrary.getInstance("c"));
            registered = true;
        }
    }

    /** The bare send loop ({@link UdpSendLimit}), then the two native loops beside it. */
    public static void main(String[] args) throws IOException {
        UdpSendLimit.Result jdk = UdpSendLimit.measure(args.length > 0 ? Integer.parseInt(args[0]) : 1144, 16, 3.0);
        Result r = measure(jdk, 2.0, 3).orElseThrow(() -> new IllegalStateException("not Linux on 64 bits"));
        System.out.printf(
                "%d-byte datagrams to %d local sockets, 1 thread: JDK send %,.0f/s, libc sendto %,.0f/s, sendmmsg(%d)"
                        + " %,.0f/s: sendmmsg saves %.0f %% of a JDK send%n",
                r.packetSize(),
                jdk.receivers(),
                r.jdkSend(),
                r.libcSendto(),
                r.batch(),
                r.sendmmsg(),
                100 * r.savedPerDatagram());
    }
}
