package se.portvakt.sfu.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LayerBudgetTest {
    static final long S = 1_000_000_000L;
    /** A camera in three layers: 150 kbit/s, 500 kbit/s, 1.5 Mbit/s. */
    static final long[] CAMERA = {150_000, 500_000, 1_500_000};

    static LayerBudget.Copy stage(int current) {
        return new LayerBudget.Copy(true, CAMERA, current, false, Long.MIN_VALUE);
    }

    static LayerBudget.Copy tile(int current) {
        return new LayerBudget.Copy(false, CAMERA, current, false, Long.MIN_VALUE);
    }

    static Stream<Arguments> budgets() {
        return Stream.of(
                Arguments.of(
                        "room for all: each its wish",
                        5_000_000L,
                        List.of(stage(2), tile(0), tile(0)),
                        List.of(2, 0, 0)),
                Arguments.of(
                        "the stage first, tiles from what is left",
                        1_700_000L,
                        List.of(tile(0), stage(2), tile(0)),
                        List.of(0, 2, -1)),
                Arguments.of(
                        "the stage steps down at once when high does not fit",
                        1_000_000L,
                        List.of(stage(2)),
                        List.of(1)),
                Arguments.of("then low", 300_000L, List.of(stage(2)), List.of(0)),
                Arguments.of(
                        "a thin line still shows the stage at its lowest layer (half of it fits)",
                        100_000L,
                        List.of(tile(0), stage(2), tile(0)),
                        List.of(-1, 0, -1)),
                Arguments.of("without a stage, the first tile", 80_000L, List.of(tile(0), tile(0)), List.of(0, -1)),
                Arguments.of("then audio only", 60_000L, List.of(stage(2), tile(0)), List.of(-1, -1)),
                Arguments.of(
                        "a picture shown at the lowest layer stays while the budget carries a quarter of it",
                        40_000L,
                        List.of(new LayerBudget.Copy(true, CAMERA, 0, true, Long.MIN_VALUE)),
                        List.of(0)),
                Arguments.of(
                        "and pauses below that",
                        30_000L,
                        List.of(new LayerBudget.Copy(true, CAMERA, 0, true, Long.MIN_VALUE)),
                        List.of(-1)),
                Arguments.of(
                        "a budget gone negative (audio took it) pauses video", -20_000L, List.of(tile(0)), List.of(-1)),
                Arguments.of(
                        "going up needs the margin: 1.6 Mbit/s < 1.25 x 1.5",
                        1_600_000L,
                        List.of(stage(1)),
                        List.of(1)),
                Arguments.of("staying needs no margin", 1_600_000L, List.of(stage(2)), List.of(2)),
                Arguments.of(
                        "a stopped top layer: the nearest that sends",
                        5_000_000L,
                        List.of(new LayerBudget.Copy(
                                true, new long[] {150_000, 500_000, -1}, 1, false, Long.MIN_VALUE)),
                        List.of(1)),
                Arguments.of(
                        "a stream without simulcast fits or pauses",
                        400_000L,
                        List.of(
                                new LayerBudget.Copy(true, new long[] {300_000}, 0, false, Long.MIN_VALUE),
                                new LayerBudget.Copy(true, new long[] {300_000}, 0, false, Long.MIN_VALUE)),
                        List.of(0, -1)),
                Arguments.of(
                        "an unmeasured layer counts 100 kbit/s",
                        120_000L,
                        List.of(new LayerBudget.Copy(false, new long[] {0, 0}, 0, false, Long.MIN_VALUE)),
                        List.of(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("budgets")
    void sharesTheBudget(String name, long budget, List<LayerBudget.Copy> copies, List<Integer> layers) {
        assertThat(LayerBudget.share(budget, copies, 0))
                .extracting(LayerBudget.Choice::layer)
                .containsExactlyElementsOf(layers);
    }

    @Test
    void aLimitedCopyGoesUpOnlyAfterItFittedForTheHoldAndDownAtOnce() {
        LayerBudget.Copy copy = stage(2);
        LayerBudget.Choice c = LayerBudget.share(600_000, List.of(copy), 0).get(0);
        assertThat(c.layer()).as("down at once").isEqualTo(1);
        assertThat(c.limited()).isTrue();
        long now = 0;
        int layer = c.layer();
        List<Integer> seen = new java.util.ArrayList<>();
        for (int step = 1; step <= 30; step++) { // 250 ms steps, 2 Mbit/s from 1 s on
            now = step * S / 4;
            long budget = step < 4 ? 600_000 : 2_000_000;
            c = LayerBudget.share(
                            budget, List.of(new LayerBudget.Copy(true, CAMERA, layer, c.limited(), c.fitsSince())), now)
                    .get(0);
            layer = c.layer();
            seen.add(layer);
        }
        assertThat(seen.indexOf(2))
                .as("high once it fitted for 5 s: fitted from step 4 (1 s), so at step 24 (6 s)")
                .isEqualTo(23);
        assertThat(c.limited()).isFalse();

        // a break in fitting starts the hold again
        LayerBudget.Choice limited =
                LayerBudget.share(600_000, List.of(stage(2)), 0).get(0);
        LayerBudget.Choice fits = LayerBudget.share(
                        2_000_000, List.of(new LayerBudget.Copy(true, CAMERA, 1, true, limited.fitsSince())), 4 * S)
                .get(0);
        LayerBudget.Choice broken = LayerBudget.share(
                        1_000_000, List.of(new LayerBudget.Copy(true, CAMERA, 1, true, fits.fitsSince())), 5 * S)
                .get(0);
        LayerBudget.Choice again = LayerBudget.share(
                        2_000_000, List.of(new LayerBudget.Copy(true, CAMERA, 1, true, broken.fitsSince())), 9 * S + 1)
                .get(0);
        assertThat(fits.fitsSince()).isEqualTo(4 * S);
        assertThat(broken.fitsSince()).isEqualTo(Long.MIN_VALUE);
        assertThat(again.layer())
                .as("4 s after the break is not 5 s of fitting")
                .isEqualTo(1);
    }

    @Test
    void aPausedCopyComesBackOnlyWithTheMarginAndTheHold() {
        // the stage keeps its lowest layer (150 kbit/s); the tile gets what is left over that
        LayerBudget.Choice paused =
                LayerBudget.share(250_000, List.of(stage(0), tile(0)), 0).get(1);
        assertThat(paused.layer()).isEqualTo(-1);
        LayerBudget.Choice justFits = LayerBudget.share(
                        310_000,
                        List.of(stage(0), new LayerBudget.Copy(false, CAMERA, -1, true, paused.fitsSince())),
                        S)
                .get(1);
        assertThat(justFits.layer())
                .as("150 kbit/s fits the 160 left but not with the margin")
                .isEqualTo(-1);
        LayerBudget.Choice first = LayerBudget.share(
                        350_000,
                        List.of(stage(0), new LayerBudget.Copy(false, CAMERA, -1, true, justFits.fitsSince())),
                        2 * S)
                .get(1);
        LayerBudget.Choice later = LayerBudget.share(
                        350_000,
                        List.of(stage(0), new LayerBudget.Copy(false, CAMERA, -1, true, first.fitsSince())),
                        7 * S)
                .get(1);
        assertThat(first.layer()).isEqualTo(-1);
        assertThat(later.layer()).isEqualTo(0);
    }
}
