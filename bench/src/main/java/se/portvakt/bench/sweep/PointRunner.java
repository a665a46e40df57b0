package se.portvakt.bench.sweep;

import java.util.List;
import se.portvakt.bench.peer.LoadGenerator;
import se.portvakt.bench.peer.LoadGenerator.Counted;
import se.portvakt.bench.peer.LoadGenerator.Expectation;

/**
 * Measures one sweep point on one server: set up the room (or fan-out), let media settle, then a window of
 * fixed length during which the server's /proc counters, the generator's and the traffic are read.
 */
public final class PointRunner {
    private final LoadGenerator generator;
    private final double seconds;
    private final double settleSeconds;

    public PointRunner(LoadGenerator generator, double seconds, double settleSeconds) {
        this.generator = generator;
        this.seconds = seconds;
        this.settleSeconds = settleSeconds;
    }

    public Measurement run(Target target, Scenario scenario, int size) {
        try {
            List<Expectation> expected = scenario == Scenario.ROOM
                    ? target.room(generator, size) : target.fanOut(generator, size);
            if (!generator.awaitFlowing(expected, 20_000)) {
                System.out.println("  " + target.name() + ": some streams had not started 20 s after the setup");
            }
            Thread.sleep((long) (settleSeconds * 1000));
            long self = ProcessHandle.current().pid();
            ProcStat server0 = ProcStat.of(target.pid());
            ProcStat gen0 = ProcStat.of(self);
            long t0 = System.nanoTime();
            LoadGenerator.Window window = generator.open();
            Thread.sleep((long) (seconds * 1000));
            ProcStat server1 = ProcStat.of(target.pid());
            ProcStat gen1 = ProcStat.of(self);
            double wall = (System.nanoTime() - t0) / 1e9;
            Counted counted = generator.close(window, expected, 500);
            double cpu = server1.cpuSecondsSince(server0);
            if (!counted.shortfalls().isEmpty()) {
                System.out.println("  " + target.name() + " missed packets: " + counted.shortfalls());
            }
            String profile = expected.isEmpty() || expected.get(0).receiver().profile() == null ? "-"
                    : expected.get(0).receiver().profile().name();
            return new Measurement(target.name(), scenario.label(), size, counted.packetsPerSecond(),
                    counted.arrivals() == 0 ? Double.NaN : cpu * 1e6 / counted.arrivals(), cpu / wall,
                    gen1.cpuSecondsSince(gen0) / wall, counted.delays().quantileMillis(0.50),
                    counted.delays().quantileMillis(0.99), counted.loss(), server1.rssKib() / 1024.0,
                    counted.nacks(), profile, null);
        } catch (Exception e) {
            return Measurement.failed(target.name(), scenario.label(), size, e.toString());
        } finally {
            generator.closeAll();
            try {
                target.clear();
                Thread.sleep(500);
            } catch (Exception e) {
                // the next point starts with fresh rooms anyway
            }
        }
    }
}
