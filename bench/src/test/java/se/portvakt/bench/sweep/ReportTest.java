package se.portvakt.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.portvakt.bench.peer.JoinLog;
import se.portvakt.bench.udp.BatchedSendLimit;
import se.portvakt.bench.udp.UdpSendLimit;

/** The targets table and the limit notes judged on made-up rows (no servers run). */
class ReportTest {
    private static final MachineInfo MACHINE = new MachineInfo("AMD EPYC", 2, 24_000, "Linux", "OpenJDK 17", "1.1.2");
    private static final UdpSendLimit.Result UDP = new UdpSendLimit.Result(300_000, 1144, 16, 2);

    /** A point that held: {@code pkt} forwarded/s at {@code us} CPU us each, {@code p99} ms, {@code rss} MiB. */
    private static Measurement held(
            String target, Scenario s, int size, double pkt, double us, double p99, double rss) {
        return new Measurement(
                target, s.label(), size, pkt, us, pkt * us / 1e6, 0.3, 0.05, p99 / 3, p99, 0, rss, 0, "GCM", null);
    }

    private static Measurement over(String target, Scenario s, int size, double server, double generator) {
        return new Measurement(
                target, s.label(), size, 50_000, 20, server, generator, 0.05, 200, 900, 0.3, 300, 0, "GCM", null);
    }

    private static Row row(Scenario s, int size, Measurement p, Measurement j) {
        return new Row(s, size, List.of(p), j == null ? List.of() : List.of(j));
    }

    private static Report report(List<Row> rooms, List<Row> fanOut, List<Row> manyRooms) {
        return report(rooms, fanOut, manyRooms, List.of(joined(800)));
    }

    private static Report report(List<Row> rooms, List<Row> fanOut, List<Row> manyRooms, List<JoinPoint.Result> joins) {
        return new Report(
                ZonedDateTime.now(),
                MACHINE,
                SweepOptions.parse(new String[0]),
                UDP,
                null,
                2,
                rooms,
                fanOut,
                manyRooms,
                joins,
                null,
                Map.of(),
                List.of(),
                0);
    }

    /** Every one of {@code subscribers} and the publisher set up, and every subscriber receiving. */
    private static JoinPoint.Result joined(int subscribers) {
        return new JoinPoint.Result(
                "Portvakt",
                subscribers,
                new JoinLog.Summary(subscribers + 1, 0, null, 37, 141, 276),
                9.0,
                subscribers,
                0.3,
                null);
    }

    private static List<Row> fanOutTo(int last, boolean portvaktFailsLast, String error) {
        List<Row> rows = new ArrayList<>();
        for (int n = 25; n <= last; n *= 2) {
            Measurement p;
            if (n == last && error != null) {
                p = Measurement.failed("Portvakt", Scenario.FAN_OUT.label(), n, error);
            } else if (n == last && portvaktFailsLast) {
                p = over("Portvakt", Scenario.FAN_OUT, n, 0.95, 0.8);
            } else {
                p = held("Portvakt", Scenario.FAN_OUT, n, 200.0 * n, 10, n <= 200 ? 3.5 : 20, 500);
            }
            Measurement j = n >= 400
                    ? over("Janus", Scenario.FAN_OUT, n, 1.5, 0.3)
                    : held("Janus", Scenario.FAN_OUT, n, 200.0 * n, 30, 4, 60);
            rows.add(row(Scenario.FAN_OUT, n, p, j));
        }
        return rows;
    }

    private static List<Row> manyRooms() {
        List<Row> rows = new ArrayList<>();
        for (int m : new int[] {1, 2, 4, 8}) {
            Measurement p = m == 8
                    ? over("Portvakt", Scenario.ROOMS, m, 1.0, 0.9)
                    : held("Portvakt", Scenario.ROOMS, m, 11_200.0 * m, 9, m <= 2 ? 1.5 : 8, 400);
            Measurement j = m >= 4
                    ? over("Janus", Scenario.ROOMS, m, 1.6, 0.3)
                    : held("Janus", Scenario.ROOMS, m, 11_200.0 * m, 30, 2, 40);
            rows.add(row(Scenario.ROOMS, m, p, j));
        }
        return rows;
    }

    private static String line(String table, String start) {
        return table.lines()
                .filter(l -> l.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row starting " + start + " in\n" + table));
    }

    @Test
    void saysWhereTheMemoryWentAtTheRssTargetsPointAndWhatBatchedSendsSave() {
        java.util.Map<String, NativeMemory> memory = java.util.Map.of(
                Scenario.FAN_OUT.point(200),
                new NativeMemory(
                        500,
                        300,
                        new java.util.LinkedHashMap<>(
                                java.util.Map.of("Java Heap", 200.0, "Tiny", 0.1, "Tracing", 16.0)),
                        80),
                Scenario.FAN_OUT.point(100),
                new NativeMemory(450, 280, java.util.Map.of("Thread", 99.0), 70));
        Report report = new Report(
                ZonedDateTime.now(),
                MACHINE,
                SweepOptions.parse(new String[0]),
                UDP,
                new BatchedSendLimit.Result(300_000, 290_000, 1_000_000, 32, 1144),
                2,
                List.of(),
                fanOutTo(800, true, null),
                List.of(),
                List.of(),
                null,
                memory,
                List.of(),
                0);

        String markdown = report.markdown();
        assertThat(markdown)
                .contains(
                        "## Where Portvakt's memory goes",
                        "| MiB | 1 to N, N=200 |",
                        "| RSS (at the reading) | 500.0 |",
                        "| Janus's RSS at the same point | 60.0 |",
                        "| NMT committed, total | 300.0 |",
                        "| Java heap in use | 80.0 |",
                        "| of it the measurement's own (JFR's \"Tracing\", \"Native Memory Tracking\") | 16.0 |",
                        "| committed: Java Heap | 200.0 |",
                        "**1,000,000 datagrams/s** (1.00 us each): sendmmsg saves 70 %")
                .doesNotContain("Tiny", "| committed: Thread");
    }

    @Test
    void judgesTheIssuesTargetsPerScenario() {
        List<Row> rooms = List.of(row(
                Scenario.ROOM,
                16,
                held("Portvakt", Scenario.ROOM, 16, 48_000, 11, 2.7, 490),
                held("Janus", Scenario.ROOM, 16, 48_900, 21, 2.5, 39)));
        String targets = report(rooms, fanOutTo(800, true, null), manyRooms()).targets();

        // best point within 1 % loss: 1 to N, N=400 at 80,000/s of 300,000/s
        assertThat(line(targets, "| forwarded pkt/s"))
                .contains("80,000/s (1 to N, N=400) = 27 %")
                .endsWith("| missed |");
        assertThat(line(targets, "| CPU per forwarded packet <= 0.5x Janus's (room of N, N=16"))
                .contains("= 0.52x")
                .endsWith("| missed |");
        assertThat(line(targets, "| CPU per forwarded packet <= 0.5x Janus's (1 to N, N=200"))
                .contains("= 0.33x")
                .endsWith("| met |");
        assertThat(line(targets, "| CPU per forwarded packet <= 0.5x Janus's (M rooms of 8, M=2"))
                .endsWith("| met |");
        // Portvakt held 1 to N up to 400: half is 200 (3.5 ms); M rooms up to 4: half is 2 (1.5 ms)
        assertThat(line(targets, "| p99 delay < 5 ms at half the maximum load (1 to N"))
                .contains("max N=400, half N=200")
                .endsWith("| met |");
        assertThat(line(targets, "| p99 delay < 5 ms at half the maximum load (M rooms of 8"))
                .contains("max M=4, half M=2")
                .endsWith("| met |");
        assertThat(line(targets, "| 800 joins"))
                .contains("all 801 set up in 9.0 s", "p99 141 ms", "800 of 800 received both streams")
                .endsWith("| met |");
        assertThat(line(targets, "| RSS <= 3x Janus's at the same point (room of N, N=16"))
                .endsWith("| missed |");
        assertThat(line(targets, "| admit to first frame p50 < 400 ms"))
                .endsWith("| not measured in this run | not judged |");
    }

    @Test
    void judgesTimeToPictureFromTheLinesMeasuredBeforeTheSweep(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path lines = dir.resolve("time-to-picture.txt");
        java.nio.file.Files.writeString(lines, """
                [INFO] ADMIT TO FIRST FRAME over 20 rounds: p50 412 ms, p95 826 ms, min 272 ms, max 900 ms
                JOIN TO FIRST FRAME over 20 rounds: p50 370 ms, p95 953 ms, min 293 ms, max 953 ms
                ADMIT TO FIRST FRAME, the guest's steps (p50 ms after the click): offer 106, answer 162, dtls 241
                """);
        Report report = new Report(
                java.time.ZonedDateTime.now(),
                MACHINE,
                SweepOptions.parse(new String[] {"--picture", lines.toString()}),
                UDP,
                null,
                2,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                Map.of(),
                List.of(),
                0);

        assertThat(line(report.targets(), "| admit to first frame p50 < 400 ms"))
                .endsWith("| 412 ms | missed |");
        assertThat(report.markdown())
                .contains(
                        "## Time to picture",
                        "ADMIT TO FIRST FRAME over 20 rounds: p50 412 ms",
                        "JOIN TO FIRST FRAME",
                        "the guest's steps (p50 ms after the click): offer 106");
    }

    @Test
    void keepsWhatComesAfterTheKeptLine() {
        String earlier = "# old\n## Sweep\nold table\n" + Report.KEPT + "\n\n## Real networks\nby hand\n";

        assertThat(Report.kept(earlier)).isEqualTo(Report.KEPT + "\n\n## Real networks\nby hand\n");
        assertThat(Report.kept("# no line yet\n")).isEqualTo(Report.KEPT + "\n");
    }

    @Test
    void joinsMissWithAFailureOrASubscriberWithoutMediaAndAreNotJudgedUnmeasured() {
        JoinPoint.Result failed = new JoinPoint.Result(
                "Portvakt",
                800,
                new JoinLog.Summary(
                        700, 1, "s612: org.bouncycastle.tls.TlsTimeoutException: Handshake timed out", 40, 900, 30_000),
                60,
                0,
                Double.NaN,
                "org.bouncycastle.tls.TlsTimeoutException: Handshake timed out");
        assertThat(line(report(List.of(), List.of(), List.of(), List.of(failed)).targets(), "| 800 joins"))
                .contains("700 of 801 set up, 1 failed (first: s612: org.bouncycastle.tls.TlsTimeoutException")
                .endsWith("| missed |");

        JoinPoint.Result silent = new JoinPoint.Result(
                "Portvakt", 800, new JoinLog.Summary(801, 0, null, 37, 141, 276), 9, 799, 60, null);
        assertThat(line(report(List.of(), List.of(), List.of(), List.of(silent)).targets(), "| 800 joins"))
                .contains("799 of 800 received both streams")
                .endsWith("| missed |");

        assertThat(line(report(List.of(), List.of(), List.of(), List.of()).targets(), "| 800 joins"))
                .endsWith("| not measured in this run (--joins 0) | not judged |");
        Report withJoins = report(List.of(), List.of(), List.of(), List.of(joined(800)));
        assertThat(withJoins.markdown()).contains("## Joins", "| Portvakt | all 801 set up in 9.0 s");
    }

    @Test
    void saysWhenTheGeneratorNotTheServerWasTheLimit() {
        Report report = report(List.of(), List.of(), manyRooms());
        // M=8: Portvakt 100 %, generator 90 %, others 5 % of 200 %: the machine was full, the server had more
        assertThat(report.limits(Scenario.ROOMS, manyRooms()))
                .contains("Portvakt went over the limits at M=8 with the machine's 2 cores full")
                .contains("not of the server alone")
                .contains("Janus went over the limits at M=4");

        List<Row> generatorBound = List.of(row(
                Scenario.ROOMS,
                8,
                over("Portvakt", Scenario.ROOMS, 8, 0.8, 1.1),
                held("Janus", Scenario.ROOMS, 8, 89_600, 20, 3, 50)));
        assertThat(report.limits(Scenario.ROOMS, generatorBound))
                .contains("the generator, not the server, set this limit")
                .contains("Janus held every point, up to M=8.");
    }

    @Test
    void theReportQuotesPublishedFiguresMarkedAsNotMeasured() {
        String markdown =
                report(List.of(), fanOutTo(100, false, null), manyRooms()).markdown();
        assertThat(markdown)
                .contains("## Published figures of other SFUs (published, not measured here)")
                .contains("https://mediasoup.org/documentation/v3/scalability/")
                .contains("https://docs.livekit.io/home/self-hosting/benchmark/")
                .contains("### M rooms of 8 at once")
                .contains("| M | server |");
    }
}
