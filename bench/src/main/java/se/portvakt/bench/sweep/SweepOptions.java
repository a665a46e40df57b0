package se.portvakt.bench.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep's settings, from the command line ({@code --name value}); defaults keep one whole run to a quarter of
 * an hour on a 2-core machine.
 *
 * @param seconds       length of each measurement window
 * @param settleSeconds media flowing before the window opens
 * @param repeats       measurements of each point on each server (alternating); the table shows medians
 * @param roomSizes     the all-publishing rooms measured
 * @param fanOutStart   the first N of 1-to-N; doubled until both servers fail the limits or {@code fanOutMax}
 * @param fanOutMax     the largest N of 1-to-N tried
 * @param meetings      the numbers M of meetings of {@link Scenario#MEETING_SIZE} tried at once, in order until both
 *                      servers fail the limits
 * @param joins         the subscribers of the {@link JoinPoint} (joining before the publisher starts), 0 for none
 * @param janus         whether to run Janus (off: Portvakt alone, ratios left empty)
 * @param micro         whether to run the JMH microbenchmarks first
 * @param out           where logs, the Janus config and the JFR recording go
 * @param doc           the Markdown report to (re)write; from its line {@link Report#KEPT} on it is kept as it was
 * @param picture       the time-to-picture benchmark's output lines (bench/run.sh runs it first), or null: the report
 *                      then says it was not measured
 * @param given         the options as given on the command line, for the report
 */
public record SweepOptions(
        double seconds,
        double settleSeconds,
        int repeats,
        List<Integer> roomSizes,
        int fanOutStart,
        int fanOutMax,
        List<Integer> meetings,
        int joins,
        boolean janus,
        boolean micro,
        Path out,
        Path doc,
        Path picture,
        String given) {

    public static SweepOptions parse(String[] args) {
        double seconds = 8;
        double settle = 2;
        int repeats = 3;
        List<Integer> rooms = List.of(4, 8, 12, 16);
        int fanOutStart = 25;
        int fanOutMax = 1600;
        List<Integer> meetings = List.of(1, 2, 4, 8, 16);
        int joins = Report.JOINS;
        boolean janus = true;
        boolean micro = true;
        Path out = Path.of("bench/target/bench-run");
        Path doc = Path.of("docs/benchmarks.md");
        Path picture = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--seconds" -> {
                    seconds = Double.parseDouble(value);
                    i++;
                }
                case "--settle" -> {
                    settle = Double.parseDouble(value);
                    i++;
                }
                case "--repeats" -> {
                    repeats = Integer.parseInt(value);
                    i++;
                }
                case "--rooms" -> {
                    rooms = ints(value);
                    i++;
                }
                case "--fanout-start" -> {
                    fanOutStart = Integer.parseInt(value);
                    i++;
                }
                case "--fanout-max" -> {
                    fanOutMax = Integer.parseInt(value);
                    i++;
                }
                case "--joins" -> {
                    joins = Integer.parseInt(value);
                    i++;
                }
                case "--meetings" -> {
                    meetings = ints(value);
                    i++;
                }
                case "--out" -> {
                    out = Path.of(value);
                    i++;
                }
                case "--doc" -> {
                    doc = Path.of(value);
                    i++;
                }
                case "--picture" -> {
                    picture = Path.of(value);
                    i++;
                }
                case "--no-janus" -> janus = false;
                case "--no-micro" -> micro = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new SweepOptions(
                seconds,
                settle,
                repeats,
                rooms,
                fanOutStart,
                fanOutMax,
                meetings,
                joins,
                janus,
                micro,
                out,
                doc,
                picture,
                String.join(" ", args));
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(Integer.parseInt(s.trim()));
            }
        }
        return out;
    }
}
