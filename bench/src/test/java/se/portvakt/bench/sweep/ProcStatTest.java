package se.portvakt.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void readsThisProcessesCpuTimeAndMemory() throws Exception {
        ProcStat before = ProcStat.of(ProcessHandle.current().pid());
        long spin = System.nanoTime() + 50_000_000L;
        long x = 0;
        while (System.nanoTime() < spin) {
            x += x * 31 + 7;
        }
        ProcStat after = ProcStat.of(ProcessHandle.current().pid());
        assertThat(after.rssKib()).isPositive();
        assertThat(after.cpuSecondsSince(before)).as("spun %d", x).isGreaterThanOrEqualTo(0.01);
    }
}
