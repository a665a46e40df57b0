package se.portvakt.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelayHistogramTest {

    @Test
    void quantilesAreBucketUpperBoundsInMilliseconds() {
        DelayHistogram h = new DelayHistogram();
        for (int i = 0; i < 98; i++) {
            h.record(1_000_000); // 1 ms
        }
        h.record(40_000_000); // 40 ms
        h.record(2_500_000_000L); // 2.5 s: a coarse bucket
        assertThat(h.quantileMillis(0.5)).isEqualTo(1.01);
        assertThat(h.quantileMillis(0.99)).isEqualTo(40.01);
        assertThat(h.quantileMillis(1.0)).isEqualTo(2501.0);
        assertThat(new DelayHistogram().quantileMillis(0.5)).isNaN();
    }

    @Test
    void mergedHistogramsCountBoth() {
        DelayHistogram a = new DelayHistogram();
        DelayHistogram b = new DelayHistogram();
        a.record(10_000);
        b.record(20_000);
        a.add(b);
        assertThat(a.count()).isEqualTo(2);
    }
}
