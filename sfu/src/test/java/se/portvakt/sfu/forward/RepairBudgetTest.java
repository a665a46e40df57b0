package se.portvakt.sfu.forward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepairBudgetTest {
    static final long MS = 1_000_000L;

    @Test
    void aFullLinkGetsAQuarterOfItsEstimateForRepairs() {
        RepairBudget budget = new RepairBudget();
        long sent = 0;
        // a 300 kbit/s receiver NACKs 1,000-byte packets every 10 ms for 10 s (800 kbit/s of repairs asked)
        for (long t = 0; t < 10_000 * MS; t += 10 * MS) {
            if (budget.take(1_000, 300_000, t)) {
                sent += 1_000;
            }
        }
        // 75 kbit/s for 10 s, plus the half second the bucket starts with
        assertThat(sent * 8).isBetween(750_000L, 750_000L + 37_500L + 8_000L);
    }

    @Test
    void aBurstOfLossOnAWideLinkIsRepairedAtOnce() {
        RepairBudget budget = new RepairBudget();
        int sent = 0;
        for (int i = 0; i < 50; i++) {
            if (budget.take(1_200, 2_000_000, 0)) {
                sent++;
            }
        }
        assertThat(sent)
                .as("2 Mbit/s x 0.25 x 0.5 s = 31 kB: 26 packets at once")
                .isEqualTo(26);
    }

    @Test
    void thePacketThatDoesNotFitWaitsForTheRefill() {
        RepairBudget budget = new RepairBudget();
        while (budget.take(1_000, 80_000, 0)) {
            // empty it: 80 kbit/s x 0.25 x 0.5 s = 1,250 bytes
        }
        assertThat(budget.take(1_000, 80_000, 100 * MS))
                .as("250 bytes refilled")
                .isFalse();
        assertThat(budget.take(1_000, 80_000, 500 * MS))
                .as("1,250 bytes refilled")
                .isTrue();
    }
}
