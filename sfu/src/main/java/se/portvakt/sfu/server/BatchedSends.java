package se.portvakt.sfu.server;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The packet loop's datagrams, sent {@link #BATCH} at a time with one {@code sendmmsg} system call (Linux) instead of
 * one {@code send} each. A forwarder sends many datagrams per datagram it reads (each subscriber's copy), and on the
 * benchmark's machine entering the kernel costs more than the kernel's work for a datagram: the bench's
 * {@code BatchedSendLimit} sent 1144-byte datagrams 3.4 times as fast with {@code sendmmsg(32)} as with
 * {@code DatagramChannel.send}, and the loop spent two thirds of its busy time inside that call (docs/sfu.md,
 * "Batched sends"). The JDK offers no batch send, so it is called through JNA on the socket's descriptor, found as
 * {@link KernelArrival} finds it.
 *
 * <p>The loop thread's only: {@link #add} copies a datagram into the next slot and sends the batch when it is full;
 * the loop calls {@link #flush} before it waits for packets again, so a datagram waits at most for the rest of the
 * packets the loop has already read. A datagram the kernel refuses (its send buffer full) is dropped and counted,
 * as a refused {@code send} is, and the rest of the batch still goes.
 *
 * <p>Linux on a 64-bit CPU only ({@code struct mmsghdr} as laid out there); elsewhere {@link #of} is empty and the loop
 * sends one at a time.
 */
final class BatchedSends {
    private static final System.Logger LOG = System.getLogger(BatchedSends.class.getName());
    /** Datagrams per system call at most: a video packet's copies to 32 receivers, or several packets' copies. */
    static final int BATCH = 32;

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    /** struct sockaddr_in6 (28 bytes); a sockaddr_in (16) fits its slot. */
    private static final int ADDRESS = 32;

    private static final int IOVEC = 16;
    /** struct mmsghdr on LP64 Linux: a 56-byte msghdr, then msg_len and padding. */
    private static final int MMSGHDR = 64;

    private static final int VECTOR_AT = 0;
    private static final int IOVECS_AT = VECTOR_AT + BATCH * MMSGHDR;
    private static final int ADDRESSES_AT = IOVECS_AT + BATCH * IOVEC;
    private static final int PAYLOADS_AT = ADDRESSES_AT + BATCH * ADDRESS;

    private static volatile boolean registered;

    private final int fd;
    private final boolean inet6;
    /** Held so that the native memory lives as long as this; written through {@link #slots}. */
    private final Memory memory;

    private final long base;
    /** The same memory as a buffer: Java writes to it without a native call per field. */
    private final ByteBuffer slots;

    private final int maxDatagram;
    private final LongAdder dropped;
    private int waiting;

    private BatchedSends(int fd, boolean inet6, int maxDatagram, LongAdder dropped) {
        this.fd = fd;
        this.inet6 = inet6;
        this.maxDatagram = maxDatagram;
        this.dropped = dropped;
        long size = PAYLOADS_AT + (long) BATCH * maxDatagram;
        memory = new Memory(size);
        memory.clear();
        base = Pointer.nativeValue(memory);
        slots = memory.getByteBuffer(0, size).order(ByteOrder.nativeOrder());
        for (int i = 0; i < BATCH; i++) { // every header points at its own address, iovec and payload, for good
            int header = VECTOR_AT + i * MMSGHDR;
            slots.putLong(header, base + ADDRESSES_AT + (long) i * ADDRESS); // msg_name
            slots.putInt(header + 8, inet6 ? 28 : 16); // msg_namelen
            slots.putLong(header + 16, base + IOVECS_AT + (long) i * IOVEC); // msg_iov
            slots.putLong(header + 24, 1); // msg_iovlen
            slots.putLong(IOVECS_AT + i * IOVEC, base + PAYLOADS_AT + (long) i * maxDatagram); // iov_base
            slots.putShort(ADDRESSES_AT + i * ADDRESS, (short) (inet6 ? AF_INET6 : AF_INET));
        }
    }

    /**
     * Batched sends on this process's UDP socket bound to {@code port}, if the system offers them.
     *
     * @param dropped counts datagrams the kernel refused
     */
    static Optional<BatchedSends> of(int port, int maxDatagram, LongAdder dropped) {
        if (!Platform.isLinux() || !Platform.is64Bit()) {
            return Optional.empty();
        }
        try {
            Optional<Integer> fd = KernelArrival.descriptorOfUdpPort(port);
            if (fd.isEmpty()) {
                return Optional.empty();
            }
            register();
            Memory name = new Memory(ADDRESS);
            int[] length = {ADDRESS};
            if (getsockname(fd.get(), name, length) != 0) {
                return Optional.empty();
            }
            int family = name.getShort(0);
            int bound = ((name.getByte(2) & 0xff) << 8) | (name.getByte(3) & 0xff);
            if (bound != port || (family != AF_INET && family != AF_INET6)) {
                return Optional.empty(); // not the socket we think: one at a time is always right
            }
            return Optional.of(new BatchedSends(fd.get(), family == AF_INET6, maxDatagram, dropped));
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.INFO, "no batched sends; the packet loop sends one datagram at a time", e);
            return Optional.empty();
        }
    }

    /**
     * Takes a copy of the datagram for the next batch, sending the batch if it is full; false (nothing taken) if
     * this socket cannot reach {@code to} in a batch (an IPv6 address from an IPv4 socket, a datagram too long):
     * the caller sends it alone after a {@link #flush}.
     */
    boolean add(InetSocketAddress to, byte[] buf, int off, int len) {
        InetAddress address = to.getAddress();
        if (len > maxDatagram || address == null || (!inet6 && !(address instanceof Inet4Address))) {
            return false;
        }
        int slot = waiting;
        int at = ADDRESSES_AT + slot * ADDRESS;
        int port = to.getPort();
        slots.put(at + 2, (byte) (port >>> 8)); // network order
        slots.put(at + 3, (byte) port);
        byte[] ip = address.getAddress();
        if (!inet6) {
            slots.put(at + 4, ip);
        } else if (ip.length == 4) { // IPv4-mapped: ::ffff:a.b.c.d
            slots.putLong(at + 8, 0);
            slots.putShort(at + 16, (short) 0);
            slots.put(at + 18, (byte) 0xff);
            slots.put(at + 19, (byte) 0xff);
            slots.put(at + 20, ip);
            slots.putInt(at + 24, 0);
        } else {
            slots.put(at + 8, ip);
            slots.putInt(at + 24, ((Inet6Address) address).getScopeId());
        }
        slots.put(PAYLOADS_AT + slot * maxDatagram, buf, off, len);
        slots.putLong(IOVECS_AT + slot * IOVEC + 8, len); // iov_len
        if (++waiting == BATCH) {
            flush();
        }
        return true;
    }

    /** Sends what waits: as many calls as refusals make it take, each refused datagram counted and skipped. */
    void flush() {
        int start = 0;
        while (start < waiting) {
            int sent = sendmmsg(fd, base + VECTOR_AT + (long) start * MMSGHDR, waiting - start, 0);
            if (sent > 0) {
                start += sent;
            } else { // the datagram at start was refused (a full send buffer, an unreachable address)
                dropped.increment();
                start++;
            }
        }
        waiting = 0;
    }

    private static native int getsockname(int fd, Pointer address, int[] length);

    /** {@code vector} is a native address: no Pointer object per call. */
    private static native int sendmmsg(int fd, long vector, int length, int flags);

    private static synchronized void register() {
        if (!registered) {
            Native.register(BatchedSends.class, NativeLibrary.getInstance("c"));
            registered = true;
        }
    }
}
