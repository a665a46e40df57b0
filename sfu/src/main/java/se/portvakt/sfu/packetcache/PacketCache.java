package se.portvakt.sfu.packetcache;

import java.time.Duration;
import java.util.Arrays;

/**
 * The recent RTP packets of one forwarded stream, kept so that a subscriber's NACK can be answered without asking
 * the publisher (RFC 4585 section 3.2).
 *
 * <p>Bounded by time and by count: the cache holds at least the last {@code window} of packets and at most
 * {@code maxCapacity} of them. It starts small and doubles whenever a packet would evict one stored less than
 * {@code window} ago, so its size follows the stream's packet rate: an Opus stream (50 packets/s) settles at 64
 * slots for a one-second window, a 1.4 Mbit/s camera (150 packets/s) at 256, and only a stream over 256 packets/s
 * reaches the cap. A slot's bytes are allocated when a packet first lands in it, as large as that packet (rounded
 * up, so later packets of about the same size fit); a larger packet replaces the slot's array. So an audio stream
 * holds small arrays and a stream that never sends holds none. Once the cache has grown and its slots have seen the
 * stream's largest packets, {@link #store} and {@link #load} copy and allocate nothing.
 *
 * <p>Packets are stored plain (after SRTP unprotect, before any per-subscriber rewrite).
 *
 * <p>Invariant: the slot of sequence number {@code s} is {@code s & mask}. Since the capacity is a power of two
 * that divides 2^16, this stays true across the 16-bit wraparound and across growth (a doubling moves each packet
 * to {@code s & newMask}, which no other held packet shares), and a newer packet evicts the one {@code capacity}
 * numbers before it. A slot answers only for the exact sequence number it holds, so an evicted number reads as
 * missing.
 *
 * <p>Thread-safety: the methods are synchronized; the receive loop stores and the same or another thread answers
 * NACKs, and a lock held for one 1.5 kB copy is never contended long.
 */
public final class PacketCache {
    /** Room for the largest packet on a 1500-byte MTU path. */
    public static final int SLOT_SIZE = 1500;

    /** The cap: a 2.5 Mbit/s stream of 1,200-byte packets (260/s) still keeps about two seconds. */
    public static final int DEFAULT_CAPACITY = 512;

    /**
     * The history kept at least: a receiver's first NACK comes about one round trip after the loss and its retries
     * one round trip apart, so a second covers three tries at 300 ms; a packet repaired later than that arrives
     * after its frame was due.
     */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1);

    /** Where a cache starts, before its stream's rate is known. */
    static final int INITIAL_CAPACITY = 16;

    /** Slot arrays are allocated in multiples of this. */
    private static final int GRAIN = 128;

    private static final int EMPTY = -1;

    private final int maxCapacity;
    private final long windowNanos;
    private byte[][] slots;
    private int[] lengths;
    private int[] sequenceNumbers;
    private long[] storedAt;
    private int mask;

    /** A cache of up to {@link #DEFAULT_CAPACITY} packets that keeps at least {@link #DEFAULT_WINDOW} of them. */
    public PacketCache() {
        this(DEFAULT_CAPACITY, DEFAULT_WINDOW);
    }

    /**
     * A cache that holds the last {@code maxCapacity} packets stored at the same moment (the two-argument
     * {@link #store} stores at time 0): a fixed-size ring once full.
     *
     * @param maxCapacity a power of two from 1 to 32768
     */
    public PacketCache(int maxCapacity) {
        this(maxCapacity, DEFAULT_WINDOW);
    }

    /**
     * @param maxCapacity a power of two from 1 to 32768: the most packets ever held
     * @param window      the history kept at least, as long as it fits in {@code maxCapacity} packets
     */
    public PacketCache(int maxCapacity, Duration window) {
        if (maxCapacity < 1 || maxCapacity > 0x8000 || Integer.bitCount(maxCapacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two up to 32768: " + maxCapacity);
        }
        if (window.isNegative()) {
            throw new IllegalArgumentException("negative window: " + window);
        }
        this.maxCapacity = maxCapacity;
        this.windowNanos = window.toNanos();
        allocate(Math.min(INITIAL_CAPACITY, maxCapacity));
    }

    private void allocate(int capacity) {
        slots = new byte[capacity][];
        lengths = new int[capacity];
        sequenceNumbers = new int[capacity];
        storedAt = new long[capacity];
        Arrays.fill(sequenceNumbers, EMPTY);
        mask = capacity - 1;
    }

    /** How many packets the cache holds now (it grows up to {@link #maxCapacity}). */
    public synchronized int capacity() {
        return slots.length;
    }

    public int maxCapacity() {
        return maxCapacity;
    }

    /** Bytes of packet slots allocated so far (what the cache costs beyond its fixed arrays). */
    public synchronized long slotBytes() {
        long sum = 0;
        for (byte[] slot : slots) {
            sum += slot == null ? 0 : slot.length;
        }
        return sum;
    }

    /** {@link #store(int, byte[], int, int, long)} at time 0, for callers without a clock. */
    public boolean store(int sequenceNumber, byte[] buf, int off, int len) {
        return store(sequenceNumber, buf, off, len, 0);
    }

    /**
     * Copies the packet in; returns false (and stores nothing) if it is longer than {@link #SLOT_SIZE}.
     *
     * @param sequenceNumber the packet's 16-bit RTP sequence number
     * @param now            the arrival time in nanoseconds, on the clock of every other call for this stream
     */
    public synchronized boolean store(int sequenceNumber, byte[] buf, int off, int len, long now) {
        if (len <= 0 || len > SLOT_SIZE) {
            return false;
        }
        int seq = sequenceNumber & 0xFFFF;
        int slot = seq & mask;
        int held = sequenceNumbers[slot];
        if (held != EMPTY && held != seq && slots.length < maxCapacity && now - storedAt[slot] < windowNanos) {
            grow();
            slot = seq & mask;
        }
        byte[] bytes = slots[slot];
        if (bytes == null || bytes.length < len) {
            bytes = new byte[Math.min(SLOT_SIZE, (len + GRAIN - 1) / GRAIN * GRAIN)];
            slots[slot] = bytes;
        }
        System.arraycopy(buf, off, bytes, 0, len);
        lengths[slot] = len;
        sequenceNumbers[slot] = seq;
        storedAt[slot] = now;
        return true;
    }

    /** Doubles the capacity; every held packet moves to its slot under the new mask (no two share one). */
    private void grow() {
        byte[][] oldSlots = slots;
        int[] oldLengths = lengths;
        int[] oldSequenceNumbers = sequenceNumbers;
        long[] oldStoredAt = storedAt;
        allocate(oldSlots.length * 2);
        for (int i = 0; i < oldSlots.length; i++) {
            int seq = oldSequenceNumbers[i];
            int to = seq == EMPTY ? i : seq & mask; // i or i + old capacity
            slots[to] = oldSlots[i];
            lengths[to] = oldLengths[i];
            sequenceNumbers[to] = seq;
            storedAt[to] = oldStoredAt[i];
        }
    }

    /**
     * Copies the packet with this sequence number to {@code out[outOff...]}.
     *
     * @return its length, or -1 if it was never stored, was evicted, or does not fit in {@code out}
     */
    public synchronized int load(int sequenceNumber, byte[] out, int outOff) {
        int seq = sequenceNumber & 0xFFFF;
        int slot = seq & mask;
        if (sequenceNumbers[slot] != seq || outOff + lengths[slot] > out.length) {
            return -1;
        }
        System.arraycopy(slots[slot], 0, out, outOff, lengths[slot]);
        return lengths[slot];
    }

    public synchronized boolean contains(int sequenceNumber) {
        int seq = sequenceNumber & 0xFFFF;
        return sequenceNumbers[seq & mask] == seq;
    }

    /** Forgets every packet, for example when the publisher restarts its stream; keeps the size it grew to. */
    public synchronized void clear() {
        Arrays.fill(sequenceNumbers, EMPTY);
    }
}
