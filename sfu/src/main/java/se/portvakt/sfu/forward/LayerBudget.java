package se.portvakt.sfu.forward;

import java.util.List;

/**
 * Shares one receiver's video budget (its downlink estimate less what its audio takes: audio is never cut) among its
 * video copies: the stage (the copies that want the high layer) first, then the small tiles, each the highest layer
 * that fits up to its wish, else a lower one, else none (paused: audio only).
 *
 * <p>Hysteresis: going down, or pausing, is at once. Going up to a layer above the one a copy has is allowed only
 * when that layer fits with {@link #UP_MARGIN} to spare; and after the budget once held a copy below its wish, only
 * once it has fitted so for {@link #UP_HOLD_NANOS} without a break. A copy the budget never limited goes up at once
 * (a wish, a new layer), so a receiver with room sees the stage sharpen without waiting.
 *
 * <p>When nothing fits, one picture still goes out if the budget carries half of it ({@code onePictureAtLeast}).
 */
public final class LayerBudget {
    public static final double UP_MARGIN = 1.25;
    public static final long UP_HOLD_NANOS = 5_000_000_000L;
    /** Before it has a rate, a layer counts as this much (bit/s): a new layer is not free. */
    public static final long UNMEASURED = 100_000;

    private LayerBudget() {}

    /**
     * One video copy as the budget sees it.
     *
     * @param high     the receiver wants the top layer here (the stage)
     * @param rates    per layer, low to high, the bit rate it arrives at; negative for a layer that sends nothing now.
     *                 One entry for a stream without simulcast
     * @param current  the layer it has (or is switching to), -1 when paused for bandwidth
     * @param limited  the budget held it below its wish before (then going up needs the hold)
     * @param fitsSince since when a higher layer has fitted without a break, or {@link Long#MIN_VALUE} if none does
     */
    public record Copy(boolean high, long[] rates, int current, boolean limited, long fitsSince) {}

    /**
     * What a copy gets.
     *
     * @param layer     the layer to forward, -1 to pause for bandwidth
     * @param limited   below its wish because of the budget
     * @param fitsSince carried to the next decision
     */
    public record Choice(int layer, boolean limited, long fitsSince) {}

    /** One choice per copy, in the copies' order. */
    public static List<Choice> share(long videoBudget, List<Copy> copies, long now) {
        Choice[] out = new Choice[copies.size()];
        long left = videoBudget;
        for (int pass = 0; pass < 2; pass++) { // the stage first
            for (int i = 0; i < copies.size(); i++) {
                Copy c = copies.get(i);
                if (c.high() != (pass == 0)) {
                    continue;
                }
                out[i] = choose(c, left, now);
                if (out[i].layer() >= 0) {
                    left -= rate(c, out[i].layer());
                }
            }
        }
        if (java.util.Arrays.stream(out).allMatch(choice -> choice.layer() < 0)) {
            onePictureAtLeast(videoBudget, copies, out);
        }
        return List.of(out);
    }

    /**
     * A thin downlink still shows one picture: when no copy fits, the first of the stage (else the first copy) gets
     * its lowest sending layer, provided the budget carries at least half of it (a quarter to keep it). Audio keeps
     * its reserve, and the
     * estimate is already a cautious 0.9 of what got through, so a patient on a 300 kbit/s line sees the person
     * speaking at the lowest layer instead of nothing; below that, audio only.
     */
    private static void onePictureAtLeast(long videoBudget, List<Copy> copies, Choice[] out) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < copies.size(); i++) {
                Copy c = copies.get(i);
                int lowest = lowestSending(c);
                if (c.high() != (pass == 0) || lowest < 0) {
                    continue;
                }
                // to start, the budget must carry half of it; once shown, a quarter keeps it, so that an estimate
                // wavering around the line does not pause and resume the picture every second
                long carried = c.current() == lowest ? 4 * videoBudget : 2 * videoBudget;
                if (rate(c, lowest) <= carried) {
                    out[i] = new Choice(lowest, true, out[i].fitsSince());
                }
                return;
            }
        }
    }

    private static int lowestSending(Copy c) {
        for (int layer = 0; layer < c.rates().length; layer++) {
            if (c.rates()[layer] >= 0) {
                return layer;
            }
        }
        return -1;
    }

    private static long rate(Copy c, int layer) {
        long r = c.rates()[layer];
        return r == 0 ? UNMEASURED : r;
    }

    private static Choice choose(Copy c, long left, long now) {
        int wish = wished(c);
        if (wish < 0) {
            return new Choice(c.current(), c.limited(), Long.MIN_VALUE); // nothing sends: leave it as it is
        }
        long fitsSince = Long.MIN_VALUE;
        for (int layer = wish; layer >= 0; layer--) {
            if (c.rates()[layer] < 0) {
                continue;
            }
            long need = rate(c, layer);
            boolean up = layer > c.current();
            if (up) {
                if (need * UP_MARGIN > left) {
                    continue;
                }
                if (c.limited()) {
                    fitsSince = fitsSince != Long.MIN_VALUE
                            ? fitsSince
                            : c.fitsSince() != Long.MIN_VALUE ? c.fitsSince() : now;
                    if (now - fitsSince < UP_HOLD_NANOS) {
                        continue; // fits, not for long enough yet: stay lower meanwhile
                    }
                }
            } else if (need > left) {
                continue;
            }
            boolean below = layer < wish;
            return new Choice(layer, below, below ? fitsSince : Long.MIN_VALUE);
        }
        return new Choice(-1, true, fitsSince);
    }

    /** The layer the copy would have with room to spare: its wish, or the nearest that sends. */
    private static int wished(Copy c) {
        boolean[] active = new boolean[c.rates().length];
        for (int i = 0; i < active.length; i++) {
            active[i] = c.rates()[i] >= 0;
        }
        return LayerChoice.choose(c.high(), active);
    }
}
