package se.portvakt.sfu.packetcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PacketCacheTest {

    static byte[] packet(int seq, int len) {
        byte[] p = new byte[len];
        p[0] = (byte) 0x80;
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        for (int i = 12; i < len; i++) {
            p[i] = (byte) (seq * 31 + i);
        }
        return p;
    }

    /** name, capacity, sequence numbers stored in order, a lookup, whether it is found. */
    static Stream<Arguments> lookups() {
        return Stream.of(
                Arguments.of("just stored", 8, new int[] {100}, 100, true),
                Arguments.of("never stored", 8, new int[] {100, 101, 103}, 102, false),
                Arguments.of("empty cache", 8, new int[] {}, 0, false),
                Arguments.of("oldest still held", 8, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 0, true),
                Arguments.of("overwritten by seq + capacity", 8, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 0, false),
                Arguments.of("neighbour of overwritten survives", 8, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 1, true),
                Arguments.of("across wraparound, before", 8, new int[] {65533, 65534, 65535, 0, 1}, 65534, true),
                Arguments.of("across wraparound, after", 8, new int[] {65533, 65534, 65535, 0, 1}, 1, true),
                Arguments.of("65536 apart is the same number", 8, new int[] {5}, 5 + 65536, true),
                Arguments.of("same slot, other number", 8, new int[] {13}, 5, false),
                Arguments.of("wrap evicts 65535 by 7", 8, new int[] {65535, 0, 1, 2, 3, 4, 5, 6, 7}, 65535, false),
                Arguments.of("reordered late packet is cached", 8, new int[] {10, 12, 11}, 11, true),
                Arguments.of("capacity one keeps the last", 1, new int[] {1, 2}, 2, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void lookup(String name, int capacity, int[] stored, int wanted, boolean found) {
        PacketCache cache = new PacketCache(capacity);
        for (int seq : stored) {
            assertThat(cache.store(seq, packet(seq, 100), 0, 100)).isTrue();
        }
        byte[] out = new byte[PacketCache.SLOT_SIZE];
        int len = cache.load(wanted, out, 0);
        assertThat(cache.contains(wanted)).isEqualTo(found);
        if (found) {
            assertThat(len).isEqualTo(100);
            assertThat(Arrays.copyOf(out, 100)).isEqualTo(packet(wanted & 0xFFFF, 100));
        } else {
            assertThat(len).isEqualTo(-1);
        }
    }

    @Test
    void overwriteReplacesBytesAndLength() {
        PacketCache cache = new PacketCache(4);
        cache.store(1, packet(1, 1200), 0, 1200);
        cache.store(5, packet(5, 60), 0, 60);
        byte[] out = new byte[2000];
        assertThat(cache.load(5, out, 100)).isEqualTo(60);
        assertThat(Arrays.copyOfRange(out, 100, 160)).isEqualTo(packet(5, 60));
        assertThat(cache.load(1, out, 0)).isEqualTo(-1);
    }

    @Test
    void storesFromAnOffsetAndCopiesSoTheCallerMayReuseItsBuffer() {
        PacketCache cache = new PacketCache(4);
        byte[] buf = new byte[300];
        System.arraycopy(packet(9, 100), 0, buf, 50, 100);
        cache.store(9, buf, 50, 100);
        Arrays.fill(buf, (byte) 0);
        byte[] out = new byte[100];
        assertThat(cache.load(9, out, 0)).isEqualTo(100);
        assertThat(out).isEqualTo(packet(9, 100));
    }

    @Test
    void refusesOversizedPacketsAndOutputsTooSmall() {
        PacketCache cache = new PacketCache(4);
        assertThat(cache.store(1, new byte[1600], 0, 1501)).isFalse();
        assertThat(cache.contains(1)).isFalse();
        cache.store(2, packet(2, 100), 0, 100);
        assertThat(cache.load(2, new byte[99], 0)).isEqualTo(-1);
        assertThat(cache.load(2, new byte[150], 51)).isEqualTo(-1);
    }

    @Test
    void clearForgetsEverything() {
        PacketCache cache = new PacketCache(4);
        cache.store(0, packet(0, 20), 0, 20);
        cache.clear();
        assertThat(cache.contains(0)).isFalse();
    }

    @Test
    void capacityMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new PacketCache(500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacketCache(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PacketCache().maxCapacity()).isEqualTo(512);
    }

    static final long MS = 1_000_000L;

    /** Stores {@code count} packets of {@code len} bytes from {@code firstSeq}, one every {@code intervalNanos}. */
    static void feed(PacketCache cache, int firstSeq, int count, int len, long intervalNanos) {
        for (int i = 0; i < count; i++) {
            int seq = (firstSeq + i) & 0xFFFF;
            assertThat(cache.store(seq, packet(seq, len), 0, len, i * intervalNanos))
                    .isTrue();
        }
    }

    /** name, packets per second, the capacity a one-second window settles at under the cap of 512. */
    static Stream<Arguments> rates() {
        return Stream.of(
                Arguments.of("Opus, 20 ms frames", 50, 64),
                Arguments.of("a simulcast layer's low rate", 20, 32),
                Arguments.of("a 1.4 Mbit/s camera", 150, 256),
                Arguments.of("a 2.5 Mbit/s camera", 260, 512),
                Arguments.of("a burst faster than the window: the cap holds", 1000, 512));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rates")
    void growsToHoldTheWindowAtTheStreamsRateUpToTheCap(String name, int perSecond, int expected) {
        PacketCache cache = new PacketCache(512, java.time.Duration.ofSeconds(1));
        assertThat(cache.capacity()).isEqualTo(16);
        int count = 5 * perSecond; // five seconds: across 65535 as well
        feed(cache, 65535 - perSecond, count, 100, 1_000_000_000L / perSecond);
        assertThat(cache.capacity()).isEqualTo(expected);
        int newest = (65535 - perSecond + count - 1) & 0xFFFF;
        // every packet of the last second (or the last 512) is there, byte for byte; the one before the ring is not
        int held = Math.min(perSecond, 512);
        byte[] out = new byte[PacketCache.SLOT_SIZE];
        for (int back = 0; back < held; back++) {
            int seq = (newest - back) & 0xFFFF;
            assertThat(cache.load(seq, out, 0)).as("seq %d", seq).isEqualTo(100);
            assertThat(Arrays.copyOf(out, 100)).isEqualTo(packet(seq, 100));
        }
        assertThat(cache.contains((newest - expected) & 0xFFFF)).isFalse();
    }

    @Test
    void growingKeepsEveryHeldPacketReachable() {
        PacketCache cache = new PacketCache(64, java.time.Duration.ofSeconds(1));
        // 16 packets with a gap, then more in the same instant: two doublings with packets already in place
        int[] stored = {65530, 65532, 65535, 0, 3, 9};
        for (int seq : stored) {
            cache.store(seq, packet(seq, 200 + seq % 7), 0, 200 + seq % 7, 0);
        }
        for (int seq = 10; seq < 50; seq++) {
            cache.store(seq, packet(seq, 300), 0, 300, MS);
        }
        assertThat(cache.capacity()).isEqualTo(64);
        byte[] out = new byte[PacketCache.SLOT_SIZE];
        for (int seq : stored) {
            assertThat(cache.load(seq, out, 0)).isEqualTo(200 + seq % 7);
            assertThat(Arrays.copyOf(out, 200 + seq % 7)).isEqualTo(packet(seq, 200 + seq % 7));
        }
        assertThat(cache.contains(65531)).isFalse();
        assertThat(cache.contains(49)).isTrue();
    }

    @Test
    void aSlowStreamStaysSmallAndEvictsWhatIsOlderThanTheWindow() {
        PacketCache cache = new PacketCache(512, java.time.Duration.ofSeconds(1));
        feed(cache, 0, 100, 100, 100 * MS); // 10 packets a second for 10 s
        assertThat(cache.capacity()).isEqualTo(16);
        assertThat(cache.contains(99 - 15)).isTrue();
        assertThat(cache.contains(99 - 16)).isFalse();
    }

    @Test
    void slotsAreAllocatedAsPacketsArriveAndSizedToThem() {
        PacketCache cache = new PacketCache(512, java.time.Duration.ofSeconds(1));
        assertThat(cache.slotBytes()).isZero(); // a declared stream that never sends costs no slots
        feed(cache, 0, 250, 90, 20 * MS); // Opus: 5 s of 90-byte packets
        assertThat(cache.capacity()).isEqualTo(64);
        assertThat(cache.slotBytes()).isEqualTo(64 * 128L); // not 64 x 1500
        // a larger packet takes a larger array for its slot; the neighbours keep theirs
        cache.store(250, packet(250, 1200), 0, 1200, 250 * 20 * MS);
        assertThat(cache.slotBytes()).isEqualTo(63 * 128L + 1280);
        byte[] out = new byte[PacketCache.SLOT_SIZE];
        assertThat(cache.load(250, out, 0)).isEqualTo(1200);
        assertThat(Arrays.copyOf(out, 1200)).isEqualTo(packet(250, 1200));
        assertThat(cache.load(249, out, 0)).isEqualTo(90);
        // and a small one fits in it again without a new array
        cache.store(250 + 64, packet(250 + 64, 60), 0, 60, 251 * 20 * MS + 2_000 * MS);
        assertThat(cache.slotBytes()).isEqualTo(63 * 128L + 1280);
        assertThat(cache.load(250 + 64, out, 0)).isEqualTo(60);
        assertThat(cache.contains(250)).isFalse();
    }

    @Test
    void theTwoArgumentCapacityIsAFixedRingOnceFull() {
        PacketCache cache = new PacketCache(32);
        for (int seq = 0; seq < 40; seq++) {
            cache.store(seq, packet(seq, 50), 0, 50);
        }
        assertThat(cache.capacity()).isEqualTo(32);
        assertThat(cache.contains(8)).isTrue();
        assertThat(cache.contains(7)).isFalse();
    }
}
