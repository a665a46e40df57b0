package se.portvakt.sfu.twcc;

import static org.assertj.core.api.Assertions.assertThat;
import static se.portvakt.sfu.twcc.TransportCcChunks.LARGE_DELTA;
import static se.portvakt.sfu.twcc.TransportCcChunks.NOT_RECEIVED;
import static se.portvakt.sfu.twcc.TransportCcChunks.SMALL_DELTA;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransportCcChunksTest {

    static TransportCcChunks.Statuses statuses(int[] symbols, int... deltas) {
        return new TransportCcChunks.Statuses(symbols, deltas);
    }

    static int[] repeat(int symbol, int times) {
        int[] out = new int[times];
        Arrays.fill(out, symbol);
        return out;
    }

    /** Chunks and deltas worked out by hand from the draft's bit layouts (section 3.1.3 and 3.1.4). */
    static Stream<Arguments> handEncoded() {
        return Stream.of(
                Arguments.of(
                        "the draft's run length example: 221 received with small deltas",
                        statuses(repeat(SMALL_DELTA, 221), repeat(1, 221)),
                        "20dd" + "01".repeat(221)),
                Arguments.of(
                        "the draft's one-bit vector example: 1 lost, 5 received, 3 lost, 3 received, 2 lost",
                        statuses(new int[] {0, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0}, 1, 2, 3, 4, 5, 6, 7, 8),
                        "9f1c" + "0102030405060708"),
                Arguments.of(
                        "a large and a negative delta need two-bit symbols: 01 01 00 10 10 | 00 00 unused",
                        statuses(new int[] {1, 1, 0, 2, 2}, 0, 4, 276, -40),
                        "d4a0" + "00" + "04" + "0114" + "ffd8"),
                Arguments.of(
                        "a run of losses then a run of receptions",
                        statuses(concat(repeat(NOT_RECEIVED, 20), repeat(SMALL_DELTA, 3)), 10, 20, 30),
                        "0014" + "2003" + "0a141e"),
                Arguments.of(
                        "7 large deltas in a run take a run length chunk",
                        statuses(concat(repeat(LARGE_DELTA, 7), new int[] {1}), 300, 300, 300, 300, 300, 300, 300, 1),
                        "4007" + "2001" + "012c".repeat(7) + "01"));
    }

    static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handEncoded")
    void encodesAsTheDraftLaysOut(String name, TransportCcChunks.Statuses statuses, String hex) {
        byte[] encoded = TransportCcChunks.encode(statuses);
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(hex);
        assertThat(TransportCcChunks.decode(encoded, statuses.symbols().length)).contains(statuses);
    }

    @Test
    void randomStatusesSurviveEncodeAndDecode() {
        Random random = new Random(15);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(random.nextBoolean() ? 20 : 600);
            int[] symbols = new int[n];
            int[] deltas = new int[n];
            int received = 0;
            int burst = random.nextInt(3);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(10) == 0) {
                    burst = random.nextInt(3); // runs of one kind, as losses and pauses come
                }
                symbols[i] = random.nextInt(4) == 0 ? random.nextInt(3) : burst;
                if (symbols[i] == SMALL_DELTA) {
                    deltas[received++] = random.nextInt(256);
                } else if (symbols[i] == LARGE_DELTA) {
                    deltas[received++] =
                            random.nextBoolean() ? -1 - random.nextInt(32768) : 256 + random.nextInt(32512);
                }
            }
            TransportCcChunks.Statuses statuses = statuses(symbols, Arrays.copyOf(deltas, received));
            assertThat(TransportCcChunks.decode(TransportCcChunks.encode(statuses), n))
                    .contains(statuses);
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("no chunk for the count", "", 1),
                Arguments.of("a chunk but no delta", "2001", 1),
                Arguments.of("half a large delta", "4001" + "01", 1),
                Arguments.of("the reserved symbol", "f000", 1),
                Arguments.of("a run shorter than the count and nothing after", "2002" + "0101", 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedBodiesDecodeToNothing(String name, String hex, int count) {
        assertThat(TransportCcChunks.decode(HexFormat.of().parseHex(hex), count))
                .isEmpty();
    }

    @Test
    void symbolsFollowTheDeltasRange() {
        assertThat(TransportCcChunks.symbolFor(0)).isEqualTo(SMALL_DELTA);
        assertThat(TransportCcChunks.symbolFor(255)).isEqualTo(SMALL_DELTA);
        assertThat(TransportCcChunks.symbolFor(256)).isEqualTo(LARGE_DELTA);
        assertThat(TransportCcChunks.symbolFor(-1)).isEqualTo(LARGE_DELTA);
        assertThat(TransportCcChunks.symbolFor(32767)).isEqualTo(LARGE_DELTA);
        assertThat(TransportCcChunks.symbolFor(-32768)).isEqualTo(LARGE_DELTA);
        assertThat(TransportCcChunks.symbolFor(32768)).isEqualTo(-1);
    }
}
