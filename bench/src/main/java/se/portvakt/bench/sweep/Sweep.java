package se.portvakt.bench.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import se.portvakt.bench.janus.JanusTarget;
import se.portvakt.bench.peer.LoadGenerator;
import se.portvakt.bench.peer.MediaProfile;
import se.portvakt.bench.portvakt.PortvaktTarget;
import se.portvakt.bench.udp.BatchedSendLimit;
import se.portvakt.bench.udp.UdpSendLimit;

/**
 * The whole benchmark in one run: the JMH microbenchmarks, the bare UDP send limit, then the same sweep on
 * Portvakt and on Janus (both started here, each point measured alternately and repeatedly: a room of N, 1 to N, M
 * rooms of 8), the table, the targets, the JFR summary of Portvakt's SFU, and docs/benchmarks.md.
 */
public final class Sweep {
    /**
     * The load generator's receive threads: each reads and SRTP-unprotects the datagrams of its share of the
     * connections, so together they bound what the generator can take in (the report says when they were the limit).
     */
    static final int GENERATOR_RECEIVE_THREADS = 2;

    private Sweep() {}

    public static void main(String[] args) throws Exception {
        SweepOptions options = SweepOptions.parse(args);
        Path out = Files.createDirectories(options.out().toAbsolutePath());
        ZonedDateTime started = ZonedDateTime.now();
        MachineInfo machine = MachineInfo.here();
        MachineLoad microStart = MachineLoad.now();
        long microOwn = MachineLoad.own(ProcessHandle.current().pid());
        long microNanos = System.nanoTime();
        Collection<RunResult> micro = options.micro() ? microbenchmarks(out) : List.of();
        // JMH's forked JVM is not ours to subtract: it uses about one core while measuring
        double microSeconds = (System.nanoTime() - microNanos) / 1e9;
        double microOthers = Math.max(
                0,
                MachineLoad.now()
                                .othersSince(
                                        microStart,
                                        MachineLoad.own(ProcessHandle.current().pid()) - microOwn,
                                        microSeconds)
                        - 1.0);

        System.out.println("== bare UDP send loop");
        UdpSendLimit.Result udp = null;
        for (int i = 0; i < 3; i++) { // a limit is the best seen: other processes only ever lower it
            MachineLoad.awaitQuiet(0.15, 20, ProcessHandle.current().pid());
            UdpSendLimit.Result r = UdpSendLimit.measure(1144, 16, 2.0);
            if (udp == null || r.packetsPerSecond() > udp.packetsPerSecond()) {
                udp = r;
            }
        }
        System.out.printf("%,.0f datagrams/s of %d bytes%n", udp.packetsPerSecond(), udp.packetSize());
        System.out.println("== the same with sendmmsg (what the SFU's loops use), and libc's sendto");
        MachineLoad.awaitQuiet(0.15, 20, ProcessHandle.current().pid());
        BatchedSendLimit.Result batched = BatchedSendLimit.measure(udp, 2.0, 2).orElse(null);
        System.out.println(batched == null ? "not offered here" : batched.toString());

        Path jfr = out.resolve("portvakt-sfu.jfr");
        Files.deleteIfExists(jfr);
        List<String> jvm = List.of(
                "-XX:StartFlightRecording=filename=" + jfr + ",settings=default,dumponexit=true", NativeMemory.FLAG);
        List<Row> rooms = new ArrayList<>();
        List<PointRunner.Window> windows = new ArrayList<>();
        List<Row> fanOut = new ArrayList<>();
        List<Row> manyRooms = new ArrayList<>();
        List<JoinPoint.Result> joins = new ArrayList<>();
        Map<String, NativeMemory> memory = Map.of();
        int loops;
        try (LoadGenerator generator = new LoadGenerator(MediaProfile.CAMERA_AND_MIC, GENERATOR_RECEIVE_THREADS);
                PortvaktTarget portvakt = PortvaktTarget.start(out, jvm);
                Target janus = options.janus() ? JanusTarget.start(out) : null) {
            PointRunner runner = new PointRunner(generator, options.seconds(), options.settleSeconds());
            windows = runner.windows();
            memory = runner.memory();
            loops = portvakt.loops();
            System.out.println("== " + Scenario.ROOM.label());
            for (int size : options.roomSizes()) {
                Row row = measure(runner, portvakt, janus, Scenario.ROOM, size, options.repeats());
                rooms.add(row);
                if (bothFail(row)) {
                    break;
                }
            }
            System.out.println("== " + Scenario.FAN_OUT.label());
            for (int size = options.fanOutStart(); size <= options.fanOutMax(); size *= 2) {
                Row row = measure(runner, portvakt, janus, Scenario.FAN_OUT, size, options.repeats());
                fanOut.add(row);
                if (bothFail(row)) {
                    break;
                }
            }
            if (options.joins() > 0) {
                System.out.println("== " + options.joins() + " joining before the publisher starts");
                joins.add(log(JoinPoint.run(generator, portvakt, options.joins())));
                if (janus != null) {
                    joins.add(log(JoinPoint.run(generator, janus, options.joins())));
                }
            }
            System.out.println("== " + Scenario.ROOMS.label());
            for (int meetings : options.meetings()) {
                Row row = measure(runner, portvakt, janus, Scenario.ROOMS, meetings, options.repeats());
                manyRooms.add(row);
                if (bothFail(row)) {
                    break;
                }
            }
        }
        JfrSummary profile = Files.exists(jfr) ? JfrSummary.read(jfr, windows, 14) : null;
        Report report = new Report(
                started,
                machine,
                options,
                udp,
                batched,
                loops,
                rooms,
                fanOut,
                manyRooms,
                joins,
                profile,
                memory,
                micro,
                microOthers);
        System.out.println();
        System.out.println(report.table());
        System.out.println(report.targets());
        Files.createDirectories(options.doc().toAbsolutePath().getParent());
        String kept = Files.exists(options.doc()) ? Report.kept(Files.readString(options.doc())) : Report.KEPT + "\n";
        Files.writeString(options.doc(), report.markdown() + kept);
        System.out.println("wrote " + options.doc());
    }

    private static Row measure(
            PointRunner runner, Target portvakt, Target janus, Scenario scenario, int size, int repeats) {
        List<Measurement> p = new ArrayList<>();
        List<Measurement> j = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            p.add(log(scenario, runner.run(portvakt, scenario, size)));
            if (janus != null) {
                j.add(log(scenario, runner.run(janus, scenario, size)));
            }
        }
        return new Row(scenario, size, p, j);
    }

    private static JoinPoint.Result log(JoinPoint.Result r) {
        System.out.println("  " + r);
        return r;
    }

    private static Measurement log(Scenario scenario, Measurement m) {
        System.out.printf(
                "%-8s %-13s %s=%-4d %,9.0f pkt/s  %6.2f us/pkt  cpu %4.0f%%  gen %4.0f%%  other %3.0f%%  "
                        + "p50 %6.2f ms  p99 %7.2f ms  loss %6.3f%%  rss %6.1f MiB%s%n",
                m.target(),
                m.scenario(),
                scenario.variable(),
                m.size(),
                m.forwardedPerSecond(),
                m.cpuMicrosPerPacket(),
                100 * m.serverCpuShare(),
                100 * m.generatorCpuShare(),
                100 * m.otherCpuShare(),
                m.p50Millis(),
                m.p99Millis(),
                100 * m.loss(),
                m.rssMib(),
                m.error() == null ? "" : "  " + m.error());
        return m;
    }

    private static boolean bothFail(Row row) {
        Measurement p = row.portvaktMedian();
        Measurement j = row.janusMedian();
        return !p.passes() && (j == null || !j.passes());
    }

    private static Collection<RunResult> microbenchmarks(Path out) throws Exception {
        System.out.println("== JMH microbenchmarks");
        Options jmh = new OptionsBuilder()
                .include("se\\.portvakt\\.bench\\.micro\\..*")
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .output(out.resolve("jmh.log").toString())
                .build();
        return new Runner(jmh).run();
    }
}
