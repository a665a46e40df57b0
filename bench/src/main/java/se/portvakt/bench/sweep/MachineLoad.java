package se.portvakt.bench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's busy CPU time from the first line of /proc/stat (user, nice, system, irq, softirq, steal; in
 * ticks): with the server's and the generator's own times subtracted, what other processes used. The benchmark
 * shares its machine with whatever else runs there; this is how it notices.
 */
public record MachineLoad(long busyTicks) {

    public static MachineLoad now() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = Long.parseLong(f[1])
                + Long.parseLong(f[2])
                + Long.parseLong(f[3])
                + Long.parseLong(f[6])
                + Long.parseLong(f[7])
                + (f.length > 8 ? Long.parseLong(f[8]) : 0);
        return new MachineLoad(busy);
    }

    /** Cores' worth of CPU used by everything but {@code ownTicks} between {@code earlier} and this, over {@code seconds}. */
    public double othersSince(MachineLoad earlier, long ownTicks, double seconds) {
        return Math.max(0, busyTicks - earlier.busyTicks - ownTicks) / (double) ProcStat.TICKS_PER_SECOND / seconds;
    }

    /**
     * Waits (up to {@code maxSeconds}) for a second in which other processes used under {@code threshold} cores
     * besides the given ones; returns the last second's share of the others.
     */
    public static double awaitQuiet(double threshold, int maxSeconds, long... ownPids)
            throws IOException, InterruptedException {
        double others = Double.NaN;
        for (int i = 0; i < maxSeconds; i++) {
            MachineLoad before = now();
            long own0 = own(ownPids);
            Thread.sleep(1000);
            others = now().othersSince(before, own(ownPids) - own0, 1.0);
            if (others < threshold) {
                return others;
            }
        }
        return others;
    }

    static long own(long... pids) throws IOException {
        long ticks = 0;
        for (long pid : pids) {
            ticks += ProcStat.of(pid).cpuTicks();
        }
        return ticks;
    }
}
