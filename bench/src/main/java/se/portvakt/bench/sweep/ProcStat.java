package se.portvakt.bench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time and memory as Linux reports them: utime + stime from /proc/PID/stat (every thread's,
 * in clock ticks of 10 ms here), and VmRSS from /proc/PID/status.
 */
public record ProcStat(long cpuTicks, long rssKib) {
    /** USER_HZ: the unit of /proc's times; 100 on every Linux the benchmark runs on. */
    public static final long TICKS_PER_SECOND = 100;

    public static ProcStat of(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the command name (field 2) may hold spaces; fields after the closing parenthesis are fixed
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new ProcStat(ticks, rss);
    }

    /** CPU seconds between {@code earlier} and this. */
    public double cpuSecondsSince(ProcStat earlier) {
        return (double) (cpuTicks - earlier.cpuTicks) / TICKS_PER_SECOND;
    }
}
