package se.portvakt.bench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's memory goes at one moment: its resident set, Native Memory Tracking's committed memory by category
 * (the JVM started with {@code -XX:NativeMemoryTracking=summary}) and the heap's used part, read with {@code jcmd}.
 * Committed is not resident: a committed heap page the JVM never touched is not in the RSS, and memory outside the
 * JVM's own accounting (libc's arenas, mapped jars) is in the RSS but not in NMT.
 *
 * @param rssMib          the resident set at the reading
 * @param committedMib    NMT's total committed
 * @param categoriesMib   committed by NMT category ("Java Heap", "Thread", "Code", ...), largest first
 * @param heapUsedMib     the heap's used part ({@code GC.heap_info}), or NaN if it did not say
 */
public record NativeMemory(double rssMib, double committedMib, Map<String, Double> categoriesMib, double heapUsedMib) {

    private static final Pattern TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern CATEGORY =
            Pattern.compile("(?m)^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    /** G1's "garbage-first heap total ..K, used ..K"; Serial's young and tenured generations, each so. */
    private static final Pattern HEAP_USED = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");

    /** The JVM flag that makes a JVM's memory readable here. */
    public static final String FLAG = "-XX:NativeMemoryTracking=summary";

    /** Reads process {@code pid} (a JVM started with {@link #FLAG}); empty if jcmd could not. */
    public static Optional<NativeMemory> of(long pid) {
        try {
            String nmt = jcmd(pid, "VM.native_memory", "summary", "scale=KB");
            String heap = jcmd(pid, "GC.heap_info");
            double rss = ProcStat.of(pid).rssKib() / 1024.0;
            return parse(rss, nmt, heap);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** From jcmd's outputs; empty if the summary has no total (tracking off). */
    static Optional<NativeMemory> parse(double rssMib, String summary, String heapInfo) {
        Matcher total = TOTAL.matcher(summary);
        if (!total.find()) {
            return Optional.empty();
        }
        Map<String, Double> categories = new LinkedHashMap<>();
        Matcher m = CATEGORY.matcher(summary);
        while (m.find()) {
            categories.put(m.group(1).trim(), Long.parseLong(m.group(3)) / 1024.0);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        categories.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        Matcher used = HEAP_USED.matcher(heapInfo);
        long usedKib = -1;
        while (used.find()) {
            usedKib = Math.max(0, usedKib) + Long.parseLong(used.group(1));
        }
        double heapUsed = usedKib < 0 ? Double.NaN : usedKib / 1024.0;
        return Optional.of(new NativeMemory(rssMib, Long.parseLong(total.group(2)) / 1024.0, sorted, heapUsed));
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        String[] args = new String[command.length + 2];
        args[0] = jcmd.toString();
        args[1] = Long.toString(pid);
        System.arraycopy(command, 0, args, 2, command.length);
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("jcmd " + String.join(" ", command) + " failed");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
