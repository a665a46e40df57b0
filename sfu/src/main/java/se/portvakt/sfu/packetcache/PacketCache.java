package se.portvakt.sfu.packetcache;

/**
 * The last {@code capacity} RTP packets of one forwarded stream, kept so that a subscriber's
 * NACK can be answered without asking the publisher (RFC 4585 section 3.2).
 *
 * <p>Slots are preallocated; {@link #store} and {@link #load} copy and allocate nothing.
 * Packets are stored plain (after SRTP unprotect, before any per-subscriber rewrite).
 *
 * <p>Invariant: the slot of sequence number {@code s} is {@code s & mask}. Since the capacity
 * is a power of two that divides 2^16, this stays true across the 16-bit wraparound, and a
 * newer packet silently evicts the one {@code capacity} numbers before it. A slot answers
 * only for the exact sequence number it holds, so an evicted number reads as missing.
 *
 * <p>Thread-safety: the methods are synchronized; the receive loop stores and the same or
 * another thread answers NACKs, and a lock held for one 1.5 kB copy is never contended long.
 */
public final class PacketCache {
    /** Room for the largest packet on a 1500-byte MTU path. */
    public static final int SLOT_SIZE = 1500;

    public static final int DEFAULT_CAPACITY = 512;
    private static final int EMPTY = -1;

    private final byte[][] slots;
    private final int[] lengths;
    private final int[] sequenceNumbers;
    private final int mask;

    public PacketCache() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity a power of two from 1 to 32768 */
    public PacketCache(int capacity) {
        if (capacity < 1 || capacity > 0x8000 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two up to 32768: " + capacity);
        }
        this.slots = new byte[capacity][SLOT_SIZE];
        this.lengths = new int[capacity];
        this.sequenceNumbers = new int[capacity];
        java.util.Arrays.fill(sequenceNumbers, EMPTY);
        this.mask = capacity - 1;
    }

    public int capacity() {
        return slots.length;
    }

    /**
     * Copies the packet in; returns false (and stores nothing) if it is longer than a slot.
     *
     * @param sequenceNumber the packet's 16-bit RTP sequence number
     */
    public synchronized boolean store(int sequenceNumber, byte[] buf, int off, int len) {
        if (len <= 0 || len > SLOT_SIZE) {
            return false;
        }
        int seq = sequenceNumber & 0xFFFF;
        int slot = seq & mask;
        System.arraycopy(buf, off, slots[slot], 0, len);
        lengths[slot] = len;
        sequenceNumbers[slot] = seq;
        return true;
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

    /** Forgets everything, for example when the publisher restarts its stream. */
    public synchronized void clear() {
        java.util.Arrays.fill(sequenceNumbers, EMPTY);
    }
}
