package se.portvakt.sfu.server;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When the kernel took in the datagram last read from the SFU's UDP socket (Linux's {@code SIOCGSTAMPNS}), as a
 * {@link System#nanoTime()} value. Transport-cc feedback reports each packet's arrival to the sender's congestion
 * controller, which reads growing gaps between arrivals as a queue building up on the path. Taken on the loop thread
 * as each datagram is read, the arrival would include the time the packet waited for that thread: on a loaded
 * machine (two cores, browsers beside the SFU) the sender's estimate fell under what its camera's top layer needs.
 * The kernel's stamp is taken as the packet arrives, whatever the loop does.
 *
 * <p>The JDK gives no socket timestamps and no socket descriptor; the descriptor is found through {@code /proc} (the
 * socket's inode in {@code /proc/net/udp}, then the descriptor linking to it in {@code /proc/self/fd}) and the
 * {@code ioctl} called through JNA. Where any of that is missing (not Linux), {@link #of} is empty and the loop's
 * own reading time stands.
 */
final class KernelArrival {
    private static final System.Logger LOG = System.getLogger(KernelArrival.class.getName());
    /** linux/sockios.h: the last packet's receive time as a struct timespec; the first call turns stamping on. */
    private static final long SIOCGSTAMPNS = 0x8907;
    /** A stamp further back than this is not the packet just read (a clock step): the reading time stands. */
    private static final long PLAUSIBLE_NANOS = 1_000_000_000L;

    private static volatile boolean registered;

    private final int fd;
    private final long[] timespec = new long[2];

    private KernelArrival(int fd) {
        this.fd = fd;
    }

    /** Stamping for the UDP socket bound to {@code port} in this process, if this system offers it. */
    static Optional<KernelArrival> of(int port) {
        try {
            Optional<Integer> fd = descriptorOfUdpPort(port);
            if (fd.isEmpty() || !register()) {
                return Optional.empty();
            }
            KernelArrival arrival = new KernelArrival(fd.get());
            try {
                ioctl(arrival.fd, SIOCGSTAMPNS, arrival.timespec); // turns stamping on; nothing stamped yet
            } catch (LastErrorException expected) {
                // ENOENT: no packet since stamping began
            }
            return Optional.of(arrival);
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.INFO, "no kernel receive timestamps; arrivals are read on the loop", e);
            return Optional.empty();
        }
    }

    /**
     * The arrival of the datagram just read, as a {@link System#nanoTime()} value, given {@code readAt}, the
     * {@code nanoTime} after reading it; {@code readAt} itself when the kernel has no stamp for it.
     */
    long lastArrival(long readAt) {
        try {
            ioctl(fd, SIOCGSTAMPNS, timespec);
        } catch (LastErrorException e) {
            return readAt;
        }
        Instant wall = Instant.now();
        long waited = (wall.getEpochSecond() - timespec[0]) * 1_000_000_000L + (wall.getNano() - timespec[1]);
        return waited >= 0 && waited < PLAUSIBLE_NANOS ? readAt - waited : readAt;
    }

    private static native int ioctl(int fd, long request, long[] timespec) throws LastErrorException;

    private static synchronized boolean register() {
        if (!registered) {
            Native.register(KernelArrival.class, NativeLibrary.getInstance("c"));
            registered = true;
        }
        return true;
    }

    /** The descriptor of this process's UDP socket bound to {@code port}, found by its inode. */
    static Optional<Integer> descriptorOfUdpPort(int port) throws IOException {
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        List<String> inodes = Stream.of("/proc/net/udp", "/proc/net/udp6")
                .map(Path::of)
                .filter(Files::isReadable)
                .flatMap(KernelArrival::lines)
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length > 9 && fields[1].endsWith(portHex))
                .map(fields -> "socket:[" + fields[9] + "]")
                .toList();
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> inodes.contains(link(fd)))
                    .map(fd -> Integer.valueOf(fd.getFileName().toString()))
                    .findFirst();
        }
    }

    private static Stream<String> lines(Path path) {
        try {
            return Files.readAllLines(path).stream().skip(1);
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static String link(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
