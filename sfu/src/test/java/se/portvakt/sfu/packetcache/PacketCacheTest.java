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
        assertThat(new PacketCache().capacity()).isEqualTo(512);
    }
}
