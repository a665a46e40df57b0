package se.portvakt.bench.sweep;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.openjdk.jmh.results.RunResult;
import se.portvakt.bench.peer.MediaProfile;
import se.portvakt.bench.udp.BatchedSendLimit;
import se.portvakt.bench.udp.UdpSendLimit;

/**
 * The run's results as a console table and as docs/benchmarks.md.
 *
 * @param portvaktLoops Portvakt's packet loops in this run (one per core)
 * @param rooms         the room-of-N rows
 * @param fanOut        the 1-to-N rows
 * @param manyRooms     the M-rooms-of-8 rows
 * @param joinPoints    the joins before the publisher starts, Portvakt's first (none with {@code --joins 0})
 */
public record Report(
        ZonedDateTime date,
        MachineInfo machine,
        SweepOptions options,
        UdpSendLimit.Result udp,
        BatchedSendLimit.Result batched,
        int portvaktLoops,
        List<Row> rooms,
        List<Row> fanOut,
        List<Row> manyRooms,
        List<JoinPoint.Result> joinPoints,
        JfrSummary profile,
        Map<String, NativeMemory> memory,
        Collection<RunResult> micro,
        double microOtherLoad) {

    /** The 1-to-N size at which every join must succeed. */
    static final int JOINS = 800;

    private static final String COLUMN_NAMES =
            " | server | forwarded pkt/s | CPU us/pkt | server CPU | p50 ms | p99 ms "
                    + "| loss | RSS MiB | generator CPU | other load |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

    /** The sweep tables (Markdown, also printed to the console). */
    public String table() {
        StringBuilder sb = new StringBuilder();
        section(sb, "Room of N (everyone publishes audio + video and receives everyone else)", Scenario.ROOM, rooms);
        section(sb, "1 publisher to N subscribers", Scenario.FAN_OUT, fanOut);
        section(
                sb,
                "M rooms of " + Scenario.MEETING_SIZE + " at once (each a room of " + Scenario.MEETING_SIZE
                        + " as above; Portvakt places each meeting whole on one of its packet loops, Janus runs each "
                        + "as a VideoRoom of its own)",
                Scenario.ROOMS,
                manyRooms);
        return sb.toString();
    }

    private void section(StringBuilder sb, String title, Scenario scenario, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append("### ").append(title).append("\n\n");
        sb.append("| ").append(scenario.variable()).append(COLUMN_NAMES);
        for (Row row : rows) {
            Measurement p = row.portvaktMedian();
            Measurement j = row.janusMedian();
            line(sb, row.size(), p);
            if (j != null) {
                line(sb, row.size(), j);
                sb.append(String.format(
                        Locale.ROOT,
                        "| %d | *Portvakt/Janus* | %s | %s | %s | %s | %s | %s | %s | | |%n",
                        row.size(),
                        ratio(p.forwardedPerSecond(), j.forwardedPerSecond()),
                        ratio(p.cpuMicrosPerPacket(), j.cpuMicrosPerPacket()),
                        ratio(p.serverCpuShare(), j.serverCpuShare()),
                        ratio(p.p50Millis(), j.p50Millis()),
                        ratio(p.p99Millis(), j.p99Millis()),
                        ratio(p.loss(), j.loss()),
                        ratio(p.rssMib(), j.rssMib())));
            }
        }
        sb.append('\n').append(limits(scenario, rows)).append("\n\n");
    }

    private static void line(StringBuilder sb, int size, Measurement m) {
        String mark = m.passes() ? "" : " (over limit)";
        if (m.error() != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | failed: %s | | | | | | | | |%n",
                    size,
                    m.target(),
                    m.error().replace('|', '/')));
            return;
        }
        sb.append(String.format(
                Locale.ROOT,
                "| %d | %s%s | %,.0f | %.2f | %.0f %% | %.2f | %.2f | %.3f %% | %.0f | %.0f %% | %.0f %% |%n",
                size,
                m.target(),
                mark,
                m.forwardedPerSecond(),
                m.cpuMicrosPerPacket(),
                100 * m.serverCpuShare(),
                m.p50Millis(),
                m.p99Millis(),
                100 * m.loss(),
                m.rssMib(),
                100 * m.generatorCpuShare(),
                100 * m.otherCpuShare()));
    }

    private static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return a == 0 && b == 0 ? "=" : "-";
        }
        return String.format(Locale.ROOT, "%.2f", a / b);
    }

    /**
     * Where each server stopped holding the limits in this scenario, and what was full there: the server, the load
     * generator (it shares the machine's cores, and its {@link Sweep#GENERATOR_RECEIVE_THREADS} receive threads
     * bound what it can take in), or neither.
     */
    String limits(Scenario scenario, List<Row> rows) {
        List<String> parts = new ArrayList<>();
        parts.add(limit(scenario, rows, true));
        if (rows.stream().anyMatch(r -> r.janusMedian() != null)) {
            parts.add(limit(scenario, rows, false));
        }
        return "Where it stopped: " + String.join(" ", parts);
    }

    private String limit(Scenario scenario, List<Row> rows, boolean portvakt) {
        String name = portvakt ? "Portvakt" : "Janus";
        Row at = null;
        for (Row r : rows) {
            Measurement m = portvakt ? r.portvaktMedian() : r.janusMedian();
            if (m != null && !m.passes()) {
                at = r;
                break;
            }
        }
        if (at == null) {
            return String.format(
                    Locale.ROOT,
                    "%s held every point, up to %s=%d.",
                    name,
                    scenario.variable(),
                    rows.get(rows.size() - 1).size());
        }
        Measurement m = portvakt ? at.portvaktMedian() : at.janusMedian();
        String where =
                String.format(Locale.ROOT, "%s went over the limits at %s=%d", name, scenario.variable(), at.size());
        if (m.error() != null) {
            return where + ", where the point failed (no CPU figures).";
        }
        int cores = machine.cores();
        double busy = m.serverCpuShare() + m.generatorCpuShare() + m.otherCpuShare();
        String shares = String.format(
                Locale.ROOT,
                "server %.0f %%, generator %.0f %%, other processes %.0f %%",
                100 * m.serverCpuShare(),
                100 * m.generatorCpuShare(),
                100 * m.otherCpuShare());
        // one meeting is one loop's work: only M meetings can keep more than one of Portvakt's loops busy
        int serverCores = !portvakt
                ? cores
                : scenario == Scenario.ROOMS ? Math.min(Math.min(portvaktLoops, cores), at.size()) : 1;
        if (busy >= 0.9 * cores) {
            return where
                    + String.format(
                            Locale.ROOT, " with the machine's %d cores full (%s of %d %%)", cores, shares, 100 * cores)
                    + (m.generatorCpuShare() >= m.serverCpuShare()
                            ? ": the generator used as much CPU as the server or more, so the generator, not the "
                                    + "server, set this limit."
                            : ": the server had the larger share, but what the generator used was not the server's to "
                                    + "have, so this is the limit of the machine with the generator on it, not of the "
                                    + "server alone.");
        }
        if (m.generatorCpuShare() >= 0.9 * Sweep.GENERATOR_RECEIVE_THREADS) {
            return where + " (" + shares + "): the generator's " + Sweep.GENERATOR_RECEIVE_THREADS
                    + " receive threads were near full, so the generator, not the server, set this limit.";
        }
        if (m.serverCpuShare() >= 0.9 * serverCores) {
            return where + " (" + shares + "): the server's CPU was near " + serverCores
                    + (!portvakt
                            ? " cores"
                            : serverCores == 1
                                    ? " core (the meeting's one packet loop)"
                                    : " cores (as " + "many packet loops busy)")
                    + ", so the server set this limit.";
        }
        return where + " (" + shares + ") with no CPU full: neither the server's cores nor the generator's were the "
                + "limit by these shares (a single loop or receive thread can be full while its process is not).";
    }

    /** The targets, judged on this run: each met, missed, or not judged (with why). */
    public String targets() {
        StringBuilder sb = new StringBuilder();
        sb.append("| target | measured | verdict |\n|---|---|---|\n");
        List<List<Row>> scenarios = List.of(rooms, fanOut, manyRooms);

        // forwarded packets/s at <= 1 % loss (the wording: loss alone), best point of any scenario
        Row best = null;
        boolean lostSomewhere = false;
        for (Row r : concat()) {
            Measurement p = r.portvaktMedian();
            boolean held = p.error() == null && p.loss() <= 0.01;
            if (held
                    && (best == null
                            || p.forwardedPerSecond() > best.portvaktMedian().forwardedPerSecond())) {
                best = r;
            }
            lostSomewhere |= !held;
        }
        if (best != null) {
            double share = best.portvaktMedian().forwardedPerSecond() / udp.packetsPerSecond();
            sb.append(String.format(
                    Locale.ROOT,
                    "| forwarded pkt/s within 1 %% loss >= 60 %% of the bare UDP send loop (%,.0f/s; the best point "
                            + "of any scenario) | %,.0f/s (%s) = %.0f %%%s | %s |%n",
                    udp.packetsPerSecond(),
                    best.portvaktMedian().forwardedPerSecond(),
                    best.scenario().point(best.size()),
                    100 * share,
                    lostSomewhere
                            ? ""
                            : " (loss never passed 1 %: the sweep stopped at the delay limit or its last point, so a "
                                    + "lower bound)",
                    share >= 0.6 ? "met" : "missed"));
        } else {
            sb.append("| forwarded pkt/s within 1 % loss >= 60 % of the bare UDP send loop | no point within 1 % loss "
                    + "| missed |\n");
        }

        // CPU per forwarded packet at most 0.5x Janus's, at the heaviest point both held, per scenario
        for (List<Row> rows : scenarios) {
            Row heaviest = heaviestBothHeld(rows);
            String scenario = scenarioOf(rows);
            if (heaviest != null) {
                double p = heaviest.portvaktMedian().cpuMicrosPerPacket();
                double j = heaviest.janusMedian().cpuMicrosPerPacket();
                sb.append(String.format(
                        Locale.ROOT,
                        "| CPU per forwarded packet <= 0.5x Janus's (%s, the heaviest point both held) "
                                + "| %.2f us vs %.2f us = %.2fx | %s |%n",
                        heaviest.scenario().point(heaviest.size()),
                        p,
                        j,
                        p / j,
                        p / j <= 0.5 ? "met" : "missed"));
            } else if (scenario != null) {
                sb.append("| CPU per forwarded packet <= 0.5x Janus's (" + scenario + ") | " + noCommonPoint()
                        + " | not judged |\n");
            }
        }

        // p99 under 5 ms at half the maximum load Portvakt held, where the load grows by doubling
        halfLoad(sb, Scenario.FAN_OUT, fanOut);
        halfLoad(sb, Scenario.ROOMS, manyRooms);

        // every join of 1 to 800 succeeds
        joins(sb);

        // resident memory at most 3x Janus's at the same point (the heaviest both held), per scenario
        for (List<Row> rows : scenarios) {
            Row heaviest = heaviestBothHeld(rows);
            String scenario = scenarioOf(rows);
            if (heaviest != null) {
                double p = heaviest.portvaktMedian().rssMib();
                double j = heaviest.janusMedian().rssMib();
                sb.append(String.format(
                        Locale.ROOT,
                        "| RSS <= 3x Janus's at the same point (%s, the heaviest point both held) "
                                + "| %.0f MiB vs %.0f MiB = %.2fx | %s |%n",
                        heaviest.scenario().point(heaviest.size()),
                        p,
                        j,
                        p / j,
                        p / j <= 3 ? "met" : "missed"));
            } else if (scenario != null) {
                sb.append("| RSS <= 3x Janus's at the same point (" + scenario + ") | " + noCommonPoint()
                        + " | not judged |\n");
            }
        }

        OptionalInt admitP50 = pictureP50("ADMIT");
        sb.append(
                        "| admit to first frame p50 < 400 ms (headless Chromium against the whole app, \"Time to picture\") | ")
                .append(admitP50.isPresent() ? admitP50.getAsInt() + " ms" : "not measured in this run")
                .append(" | ")
                .append(admitP50.isEmpty() ? "not judged" : admitP50.getAsInt() < 400 ? "met" : "missed")
                .append(" |\n");
        return sb.toString();
    }

    /**
     * The line from which docs/benchmarks.md is written by hand or by other benchmarks (the network lab, the four
     * voices, the signaling benchmark): a run of the sweep rewrites what comes before it and keeps the rest.
     */
    public static final String KEPT =
            "<!-- Below this line: kept as it is when bench/run.sh rewrites the sections above. -->";

    /** The part of an earlier report a new one keeps: from {@link #KEPT} on, or nothing if the line is missing. */
    public static String kept(String earlier) {
        int at = earlier.indexOf(KEPT);
        return at < 0 ? KEPT + "\n" : earlier.substring(at);
    }

    /** The time-to-picture benchmark's lines, when bench/run.sh measured them before the sweep. */
    private List<String> pictureLines() {
        if (options.picture() == null || !java.nio.file.Files.exists(options.picture())) {
            return List.of();
        }
        try {
            return java.nio.file.Files.readAllLines(options.picture()).stream()
                    .filter(line -> line.contains("FIRST FRAME"))
                    .map(line -> line.substring(line.indexOf(line.contains("ADMIT") ? "ADMIT" : "JOIN")))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The p50 of "ADMIT" or "JOIN TO FIRST FRAME over N rounds: p50 X ms, ...", if measured. */
    private OptionalInt pictureP50(String which) {
        for (String line : pictureLines()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            which + " TO FIRST FRAME over \\d+ rounds: p50 (\\d+) ms")
                    .matcher(line);
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    /** The last row (the heaviest, rows growing) where both servers held the limits; null if none. */
    private static Row heaviestBothHeld(List<Row> rows) {
        Row heaviest = null;
        for (Row r : rows) {
            if (r.janusMedian() != null
                    && r.portvaktMedian().passes()
                    && r.janusMedian().passes()) {
                heaviest = r;
            }
        }
        return heaviest;
    }

    private static String scenarioOf(List<Row> rows) {
        return rows.isEmpty() ? null : rows.get(0).scenario().label();
    }

    private String noCommonPoint() {
        return "no point both servers held" + (options.janus() ? "" : " (Janus not run)");
    }

    /**
     * p99 at half the maximum load: the maximum is the last point of the scenario Portvakt held before the first it
     * did not; half is the largest point at most half of it.
     */
    private static void halfLoad(StringBuilder sb, Scenario scenario, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Row max = null;
        boolean broke = false;
        List<Row> held = new ArrayList<>();
        for (Row r : rows) {
            if (r.portvaktMedian().passes()) {
                held.add(r);
                max = r;
            } else {
                broke = true;
                break;
            }
        }
        Row half = null;
        for (Row r : held) {
            if (2 * r.size() <= max.size() && (half == null || r.size() > half.size())) {
                half = r;
            }
        }
        String v = scenario.variable();
        if (half != null) {
            double p99 = half.portvaktMedian().p99Millis();
            sb.append(String.format(
                    Locale.ROOT,
                    "| p99 delay < 5 ms at half the maximum load (%s: max %s=%d%s, half %s=%d%s) | %.2f ms | %s |%n",
                    scenario.label(),
                    v,
                    max.size(),
                    broke ? "" : ", the largest run",
                    v,
                    half.size(),
                    2 * half.size() == max.size() ? "" : ", the nearest point below half",
                    p99,
                    p99 < 5 ? "met" : "missed"));
        } else {
            sb.append("| p99 delay < 5 ms at half the maximum load (" + scenario.label()
                    + ") | not enough points within the limits"
                    + (max == null
                            ? " (Portvakt held none)"
                            : " (none at or below half of " + v + "=" + max.size() + ")")
                    + " | not judged |\n");
        }
    }

    private void joins(StringBuilder sb) {
        String target =
                "| " + JOINS + " joins without a failure (" + JOINS + " subscribers joining a 1-to-N meeting 8 at "
                        + "a time before its publisher starts, then each receiving both streams) | ";
        JoinPoint.Result p = joinPoints.stream()
                .filter(r -> r.target().equals("Portvakt"))
                .findFirst()
                .orElse(null);
        if (p == null) {
            sb.append(target).append("not measured in this run (--joins 0) | not judged |\n");
        } else if (p.subscribers() != JOINS) {
            sb.append(target)
                    .append("measured with ")
                    .append(p.subscribers())
                    .append(" (--joins), not ")
                    .append(JOINS)
                    .append(" | not judged |\n");
        } else {
            sb.append(target).append(joinOutcome(p)).append(p.met() ? " | met |\n" : " | missed |\n");
        }
    }

    /** A join point's outcome in a line, safe in a table cell. */
    private static String joinOutcome(JoinPoint.Result r) {
        if (r.error() != null) {
            return String.format(
                    Locale.ROOT,
                    "%d of %d set up, %d failed (first: %s)",
                    r.setups().connected(),
                    r.subscribers() + 1,
                    r.setups().failed(),
                    (r.setups().firstFailure() == null ? r.error() : r.setups().firstFailure()).replace('|', '/'));
        }
        return String.format(
                Locale.ROOT,
                "all %d set up in %.1f s (ICE and DTLS each: p50 %.0f ms, p99 %.0f ms, max %.0f ms); %d of %d received "
                        + "both streams %.1f s after the publisher started",
                r.setups().connected(),
                r.joinSeconds(),
                r.setups().p50Millis(),
                r.setups().p99Millis(),
                r.setups().maxMillis(),
                r.receiving(),
                r.subscribers(),
                r.mediaSeconds());
    }

    private String joinsSection() {
        if (joinPoints.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("## Joins\n\n");
        sb.append(String.format(
                Locale.ROOT,
                "%d subscribers join a 1-to-N meeting, 8 at a time, before its publisher starts (a town-hall meeting "
                        + "filling up before the speaker begins); then the publisher sends and each subscriber must "
                        + "receive something of both streams within a minute. Apart from the sweep's 1-to-N points on "
                        + "purpose: there the publisher sends throughout, so on this machine the late joins compete with "
                        + "forwarding to everyone already in, and the sweep's limit, not the joins, decides.%n%n",
                joinPoints.get(0).subscribers()));
        sb.append("| server | outcome |\n|---|---|\n");
        for (JoinPoint.Result r : joinPoints) {
            sb.append("| ")
                    .append(r.target())
                    .append(" | ")
                    .append(joinOutcome(r))
                    .append(" |\n");
        }
        return sb.append('\n').toString();
    }

    private List<Row> concat() {
        List<Row> all = new ArrayList<>(rooms);
        all.addAll(fanOut);
        all.addAll(manyRooms);
        return all;
    }

    public String markdown() {
        MediaProfile media = MediaProfile.CAMERA_AND_MIC;
        StringBuilder sb = new StringBuilder();
        sb.append("# Benchmarks: Portvakt's SFU and Janus\n\n");
        sb.append("Generated by `bench/run.sh` on ")
                .append(date.format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append("; rerun it to regenerate this file (edits are overwritten). Every number here was measured in "
                        + "that one run, except those of \"Published figures of other SFUs\", which quote other projects' "
                        + "own statements.\n\n");
        sb.append("## Machine\n\n");
        sb.append("| | |\n|---|---|\n");
        sb.append("| CPU | ")
                .append(machine.cpu())
                .append(", ")
                .append(machine.cores())
                .append(" cores |\n");
        sb.append("| memory | ")
                .append(String.format(Locale.ROOT, "%,d MiB", machine.memoryMib()))
                .append(" |\n");
        sb.append("| kernel | ").append(machine.kernel()).append(" |\n");
        sb.append("| JVM (generator and Portvakt) | ").append(machine.java()).append(" |\n");
        sb.append("| JVM flags | generator: the defaults (G1); Portvakt's SFU: ")
                .append(sfuFlags())
                .append(" |\n");
        sb.append("| Portvakt's SFU | ")
                .append(portvaktLoops)
                .append(portvaktLoops == 1 ? " packet loop" : " packet loops (`ShardedSfu`, one per core)")
                .append(", each a thread with its own UDP port, each meeting whole on one loop |\n");
        sb.append("| Janus | ").append(machine.janus()).append(" (Debian package `janus`), VideoRoom, ICE-lite |\n\n");
        sb.append("## The run\n\n");
        sb.append(String.format(
                Locale.ROOT,
                "`bench/run.sh` with %s: each point measured over a %.0f s window after "
                        + "%.0f s of media, %d times on each server (alternating Portvakt, Janus), medians shown. Rooms of "
                        + "%s; 1 to N from N=%d doubling until both servers exceed 1 %% loss or 50 ms p99, or N=%d; M "
                        + "rooms of %d at once for M in %s, until both servers exceed those limits. Every meeting stays "
                        + "on one of Portvakt's packet loops, so only the M-rooms points can use more than one core for "
                        + "forwarding.%n%n",
                options.given().isBlank() ? "the defaults" : "`" + options.given() + "`",
                options.seconds(),
                options.settleSeconds(),
                options.repeats(),
                options.roomSizes(),
                options.fanOutStart(),
                options.fanOutMax(),
                Scenario.MEETING_SIZE,
                options.meetings()));
        sb.append(String.format(
                Locale.ROOT,
                "Each publisher sends VP8 at %d fps x %d packets of %d payload bytes "
                        + "(keyframes %dx, at the start and on PLI/FIR) and Opus every %d ms (%d bytes): %d packets/s, "
                        + "%.2f Mbit/s, every packet with Chrome's header extensions (abs-send-time, transport-wide-cc, "
                        + "mid, audio level) and a 20-byte trailer with the send time. SRTP profile chosen by the servers: "
                        + "%s.%n%n",
                media.videoFps(),
                media.videoPacketsPerFrame(),
                media.videoPayload(),
                media.keyframeFactor(),
                media.audioPtimeMillis(),
                media.audioPayload(),
                media.packetsPerSecond(),
                media.bitsPerSecond() / 1e6,
                profiles()));
        sb.append(String.format(
                Locale.ROOT,
                "**Physical limit:** one Java thread sending %d-byte datagrams with "
                        + "`DatagramChannel.send` to %d local sockets: **%,.0f datagrams/s** (%.2f us each). No "
                        + "single-threaded forwarder on this machine's socket path can send faster; a meeting's packets "
                        + "are one loop thread's work, and several loops could pass this line only with cores to spare "
                        + "beside the generator, which here shares the same cores. (Its receivers "
                        + "never read, so the kernel drops at their full buffers; a forwarder's sends on loopback also "
                        + "pay for waking the receiving generator, which makes this limit generous.)%n%n",
                udp.packetSize(),
                udp.receivers(),
                udp.packetsPerSecond(),
                1e6 / udp.packetsPerSecond()));
        sb.append(batchedSends());
        sb.append("## Sweep\n\n").append(COLUMNS).append('\n').append(table());
        sb.append(joinsSection());
        sb.append("## Targets\n\n").append(targets()).append('\n');
        sb.append(PUBLISHED);
        if (profile != null) {
            sb.append("## Where Portvakt's packet loops spend their time (JFR, inside the measurement windows)\n\n");
            sb.append(String.format(
                    Locale.ROOT,
                    "The SFU's loop threads (`sfu-udp-*`, all loops together) were sampled %,d times busy and "
                            + "%,d times waiting in its selector (idle); shares below are of the busy samples, Java and native "
                            + "code together. Other threads of the SFU's JVM (DTLS handshakes, GC, JIT, JFR) add %,d Java "
                            + "samples.%n%n",
                    profile.busySamples(),
                    profile.idleSamples(),
                    profile.otherThreadSamples()));
            entries(sb, "busy loop samples by method on top of the stack", profile.topLeaf(), profile.busySamples());
            entries(
                    sb,
                    "busy loop samples by first Portvakt method on the stack",
                    profile.topPortvakt(),
                    profile.busySamples());
        }
        sb.append(memorySection());
        if (!micro.isEmpty()) {
            sb.append("## Microbenchmarks (JMH, 1 fork, 2 x 1 s warm-up, 3 x 1 s measurement)\n\n");
            sb.append(String.format(
                    Locale.ROOT,
                    "Other processes used about %.0f %% of a core on average while these ran (the machine's busy time less one core for JMH's own fork)%s%n%n",
                    100 * microOtherLoad,
                    microOtherLoad > 0.25
                            ? ": they were disturbed, read the errors; `java -jar bench/target/portvakt-bench.jar micro` "
                                    + "reruns them alone."
                            : "."));
            sb.append("| benchmark | parameters | score | unit |\n|---|---|---:|---|\n");
            for (RunResult r : micro) {
                var params = r.getParams();
                StringBuilder p = new StringBuilder();
                for (String key : params.getParamsKeys()) {
                    p.append(key).append('=').append(params.getParam(key)).append(' ');
                }
                String name = params.getBenchmark()
                        .substring(params.getBenchmark()
                                        .lastIndexOf('.', params.getBenchmark().lastIndexOf('.') - 1)
                                + 1);
                sb.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.1f ± %.1f | %s |%n",
                        name,
                        p.toString().trim(),
                        r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScoreError(),
                        r.getPrimaryResult().getScoreUnit()));
            }
            sb.append('\n');
        }
        sb.append(READING.formatted(Sweep.GENERATOR_RECEIVE_THREADS));
        sb.append(PICTURE);
        List<String> picture = pictureLines();
        sb.append("```\n")
                .append(
                        picture.isEmpty()
                                ? "not measured in this run (bench/run.sh measures it before the sweep; is Chromium installed? see"
                                        + " .ci/run)"
                                : String.join("\n", picture))
                .append("\n```\n\n");
        return sb.toString();
    }

    /** The same send loop with sendmmsg, what Portvakt's loops use, and with libc's sendto (the JDK's own cost). */
    private String batchedSends() {
        if (batched == null) {
            return "**Batched sends:** not measured (sendmmsg through JNA needs Linux on 64 bits).\n\n";
        }
        return String.format(
                Locale.ROOT,
                "**Batched sends:** the same loop with libc's `sendto` through JNA sends %,.0f datagrams/s, and with "
                        + "`sendmmsg`, %d datagrams a call, **%,.0f datagrams/s** (%.2f us each): sendmmsg saves %.0f %% "
                        + "of a `DatagramChannel.send` here, so Portvakt's packet loops send that way (docs/sfu.md, "
                        + "\"Batched sends\"; the JFR tables below show what sending still costs them). The target "
                        + "below keeps the issue's line, the `DatagramChannel.send` loop.%n%n",
                batched.libcSendto(),
                batched.batch(),
                batched.sendmmsg(),
                1e6 / batched.sendmmsg(),
                100 * batched.savedPerDatagram());
    }

    /**
     * Where Portvakt's SFU held its memory at the end of each RSS target's window (Native Memory Tracking), so the
     * gap to Janus can be read by category.
     */
    private String memorySection() {
        List<Row> points = new ArrayList<>();
        for (List<Row> rows : List.of(rooms, fanOut, manyRooms)) {
            Row heaviest = heaviestBothHeld(rows);
            if (heaviest == null && !rows.isEmpty()) {
                heaviest = rows.get(rows.size() - 1);
            }
            if (heaviest != null && memory.containsKey(heaviest.scenario().point(heaviest.size()))) {
                points.add(heaviest);
            }
        }
        if (points.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("## Where Portvakt's memory goes (Native Memory Tracking, at the RSS targets' points)\n\n");
        sb.append("The SFU's JVM ran the whole sweep with `" + NativeMemory.FLAG + "`; at the end of each point's "
                + "window `jcmd` read its committed memory by category and its heap in use. These are the points the "
                + "RSS targets judge (the heaviest both servers held), or a scenario's last point. One JVM runs the "
                + "whole sweep, so each point's RSS includes what earlier points grew (a heap gives little back). "
                + "Committed is not resident: heap the JVM reserved but never touched is not in the RSS, while "
                + "libc's arenas and mapped files are in the RSS but not in NMT. The JFR recording behind the profile above and "
                + "the tracking itself are in the RSS the targets judge; a production node runs without them.\n\n");
        sb.append("| MiB |");
        for (Row r : points) {
            sb.append(' ').append(r.scenario().point(r.size())).append(" |");
        }
        sb.append("\n|---|").append("---:|".repeat(points.size())).append('\n');
        List<NativeMemory> readings = points.stream()
                .map(r -> memory.get(r.scenario().point(r.size())))
                .toList();
        row(
                sb,
                "RSS (at the reading)",
                readings.stream().map(m -> fmt(m.rssMib())).toList());
        row(
                sb,
                "Janus's RSS at the same point",
                points.stream()
                        .map(r -> r.janusMedian() == null
                                ? "-"
                                : fmt(r.janusMedian().rssMib()))
                        .toList());
        row(
                sb,
                "NMT committed, total",
                readings.stream().map(m -> fmt(m.committedMib())).toList());
        row(
                sb,
                "of it the measurement's own (JFR's \"Tracing\", \"Native Memory Tracking\")",
                readings.stream()
                        .map(m -> fmt(m.categoriesMib().getOrDefault("Tracing", 0.0)
                                + m.categoriesMib().getOrDefault("Native Memory Tracking", 0.0)))
                        .toList());
        row(
                sb,
                "Java heap in use",
                readings.stream().map(m -> fmt(m.heapUsedMib())).toList());
        List<String> categories = readings.stream()
                .flatMap(m -> m.categoriesMib().entrySet().stream())
                .filter(e -> e.getValue() >= 0.5)
                .map(Map.Entry::getKey)
                .distinct()
                .toList();
        for (String category : categories) {
            row(
                    sb,
                    "committed: " + category,
                    readings.stream()
                            .map(m -> fmt(m.categoriesMib().getOrDefault(category, 0.0)))
                            .toList());
        }
        return sb.append('\n').toString();
    }

    private static void row(StringBuilder sb, String name, List<String> cells) {
        sb.append("| ")
                .append(name)
                .append(" | ")
                .append(String.join(" | ", cells))
                .append(" |\n");
    }

    private static String fmt(double mib) {
        return Double.isNaN(mib) ? "-" : String.format(Locale.ROOT, "%.1f", mib);
    }

    private String profiles() {
        return concat().stream()
                .flatMap(r -> java.util.stream.Stream.concat(r.portvakt().stream(), r.janus().stream()))
                .filter(m -> m.error() == null)
                .map(m -> m.target() + " " + m.profile())
                .distinct()
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElse("-");
    }

    private static void entries(StringBuilder sb, String title, List<Map.Entry<String, Long>> entries, long total) {
        sb.append("| ").append(title).append(" | share |\n|---|---:|\n");
        for (Map.Entry<String, Long> e : entries) {
            sb.append(String.format(
                    Locale.ROOT, "| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)));
        }
        sb.append('\n');
    }

    private static final String COLUMNS = """
            Columns: **forwarded pkt/s**, RTP packets per second that reached the generator's receivers (repairs
            included); **CPU us/pkt**, the server process's user + system CPU time (all threads, from /proc/PID/stat)
            per forwarded packet; **server CPU**, that time over the window (100 % = one core); **p50/p99 ms**,
            send-to-receive delay of the window's packets through the server (the generator's own send and receive
            included: it is the added delay plus two loopback hops); **loss**, packets sent in the window that never
            reached a receiver that should have had them (after NACK repair, 0.5 s grace); **RSS**, the server's
            resident memory at the window's end; **generator CPU**, the load generator's own process (on the same
            cores as the server: "Where it stopped" under each table says when it, not the server, was the limit);
            **other load**, every other process on the machine in the window (a point measured while others used
            over 25 % of a core is measured once more after a quiet second, and the calmer of the two kept). Rows
            marked "over limit" exceed 1 % loss or 50 ms p99.
            """;

    private static final String READING = """
            ## Reading these numbers

            - **One machine, shared.** The generator (Java: SRTP unprotect of every copy on %d receive threads, one
              send thread) runs on the same cores as the server under test. At high load the generator's CPU and the
              server's compete; the generator CPU column shows when the generator, not the server, sets the ceiling,
              and each table's "Where it stopped" says which it was. The servers are not pinned to cores.
            - **Same wire workload, each server's own signaling.** Portvakt: one connection per participant (sendonly
              tracks and recvonly slots, re-offered once everyone joined, as the app's `renegotiate` makes browsers do),
              through a local HTTP endpoint in the SFU's JVM (`se.portvakt.bench.portvakt.SfuServer`) that calls
              `Sfu.negotiate` directly: the app's login and waiting room are bypassed, the forwarding path is the
              production one (`Sfus.start`). Janus: janus.js's layout, one publisher handle and connection plus one
              multistream subscriber handle and connection per participant, over the HTTP API.
            - **DTLS roles.** The generator is always the DTLS client. Browsers offer `actpass` and Janus then acts as
              the client, so for Janus publishers the generator offers `setup:active` instead (Janus becomes the DTLS
              server); the per-packet SRTP work does not depend on the role.
            - **ICE.** The generator is the controlling agent with aggressive nomination (USE-CANDIDATE) and answers
              the servers' checks (libnice sends a triggered check even in Janus's lite mode). Janus's libnice gathers
              no loopback candidates, so its traffic goes to the machine's own address (still the kernel's loopback
              path).
            - **Fixed sending rate.** Publishers do not adapt to REMB or transport-cc feedback (both servers send it);
              the Janus rooms have `bitrate` set to Portvakt's REMB ceiling, 2.5 Mbit/s, which the workload stays under.
            - **CPU per packet at light load** includes each server's fixed background work (Portvakt's 10 ms timer loop
              and the JVM's GC and JIT threads; Janus's per-handle loops), so it falls as the load grows; compare the
              heavier points.
            - **Time to picture** (browser-driven, in the app's test tree) is measured by `bench/run.sh` just before the
              sweep, in the same run, and shown below.

            ## What would close a gap

            Each meeting's forwarding is one thread's work: the packet loop (`UdpSfu`) it was placed on, of the one
            per core `ShardedSfu` runs, doing per forwarded copy a copy, header rewrite and SRTP protect, and per 32
            copies one `sendmmsg` system call (`BatchedSends`); the JFR tables above show how that splits on this run.
            Sharding by meeting lets many meetings use every core (the M-rooms table) but not one large meeting,
            which stays on one loop (room of N, 1 to N). The known levers left: forwarding one large meeting's
            copies on several loops; UDP GSO (one system call and one pass through the stack for many datagrams to
            the same receiver, which a forwarder rarely has); batched receives (`recvmmsg`; reading is a small share
            of the loop's time); AES-GCM everywhere (the cheaper profile, see the SRTP microbenchmark).
            """;

    /** What the time-to-picture lines (TimeToPictureBenchmark, an app IT) measure. */
    private static final String PICTURE = """
            ## Time to picture

            Headless Chromium with fake cameras against the whole app on loopback (`TimeToPictureBenchmark`, run by
            `bench/run.sh` just before the sweep), each round a new connection (ICE, DTLS, keyframe) after 2 warm-up
            rounds; the first decoded frame is seen by polling getStats every 10 ms. Admit: from the host's click on
            "Släpp in" to the guest's first decoded frame of the host's camera. Join: from the host pressing "Anslut" in
            the meeting room to the host's first decoded frame of a guest admitted earlier. Target: admit to first frame
            p50 under 400 ms (judged in "Targets").

            """;

    /** Other SFUs' own figures, quoted in our words; nothing here is measured by this benchmark. */
    private static final String PUBLISHED = """
            ## Published figures of other SFUs (published, not measured here)

            What mediasoup and LiveKit state about their own capacity in their documentation. None of it was measured
            on this machine or with this workload (other hardware, media, clients and limits): it puts the tables above
            in context and does not rank the servers.

            | SFU | what the source states | source |
            |---|---|---|
            | mediasoup v3 | A worker is one C++ subprocess on one CPU core and may carry many routers (rooms). Depending on the host's CPU, one worker typically handles somewhat more than 500 consumers in all, a consumer being one track (audio or video) sent to one receiver: a room of 4 where everyone sends audio and video to everyone else is 24 consumers. With one broadcaster, a single router may run out past 200 to 300 viewers (400 to 600 consumers). The page gives no packet rate, bitrate, CPU model, loss or delay. | https://mediasoup.org/documentation/v3/scalability/ |
            | LiveKit | Each test one room, the most participants they report for it, on a Google Cloud `c2-standard-16` (which they describe as 16-core, compute optimised), load from their `lk load-test`: 10 audio publishers (3 kbps on average) to 3,000 subscribers, 959,156 packets/s out at 80 % CPU; a meeting of 150 publishers of 720p video and 150 subscribers, 762,749 packets/s out at 85 % CPU; one 720p publisher to 3,000 subscribers, 560,962 packets/s out at 92 % CPU. The figures are for the whole server; the page gives no per-core figure, loss or delay for these runs. | https://docs.livekit.io/home/self-hosting/benchmark/ |

            In this sweep's terms (our arithmetic, not the projects' claims): a room of 8 here is 8 x 7 x 2 = 112
            consumers, so mediasoup's figure comes to about four such rooms per core; LiveKit's packets out spread over
            its 16 cores come to about 60,000, 48,000 and 35,000 packets/s per core at those utilisations. Portvakt's
            packets/s per busy core is the forwarded pkt/s over the server CPU column above, on cores it shares with
            the generator.

            """;

    /** The flags the SFU's JVM ran with, and whether they are a production SFU node's. */
    private static String sfuFlags() {
        List<String> flags = se.portvakt.bench.portvakt.SfuJvmFlags.flags();
        String shown = flags.isEmpty() ? "none" : "`" + String.join(" ", flags) + "`";
        return se.portvakt.bench.portvakt.SfuJvmFlags.production(flags)
                ? shown + " (a production SFU node's, `deploy/sfu-node.jvm-options`) and a JFR recording"
                : shown + " (set by " + se.portvakt.bench.portvakt.SfuJvmFlags.OVERRIDE
                        + ", not production's) and a JFR recording";
    }
}
