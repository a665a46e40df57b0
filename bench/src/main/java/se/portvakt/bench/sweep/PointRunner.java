package se.portvakt.bench.sweep;

import java.util.List;
import se.portvakt.bench.peer.LoadGenerator;
import se.portvakt.bench.peer.LoadGenerator.Counted;
import se.portvakt.bench.peer.LoadGenerator.Expectation;

/**
 * Measures one sweep point on one server: set up the room (rooms, fan-out), let media settle, then a window of
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

    /** Other processes may use this many cores during a window before the point is measured again. */
    private static final double BUSY_MACHINE = 0.25;

    private final java.util.List<Window> windows = new java.util.ArrayList<>();

    /** A measurement window in wall-clock time, for reading the server's JFR recording. */
    public record Window(String target, java.time.Instant start, java.time.Instant end) {}

    public java.util.List<Window> windows() {
        return windows;
    }

    /** Where each point left the server's memory, at its window's end ({@link Scenario#point}), where it says. */
    private final java.util.Map<String, NativeMemory> memory = new java.util.LinkedHashMap<>();

    public java.util.Map<String, NativeMemory> memory() {
        return memory;
    }

    /**
     * Measures the point; if other processes were busy (over a quarter of a core) during the window, measures it
     * once more after waiting for a quiet moment and keeps the calmer of the two.
     */
    public Measurement run(Target target, Scenario scenario, int size) {
        Measurement first = runOnce(target, scenario, size);
        if (first.error() == null && first.otherCpuShare() > BUSY_MACHINE) {
            System.out.printf(
                    "  the machine was busy (other processes: %.0f %% of a core): measuring again%n",
                    100 * first.otherCpuShare());
            Measurement second = runOnce(target, scenario, size);
            return second.error() == null && second.calmerThan(first) ? second : first;
        }
        return first;
    }

    private Measurement runOnce(Target target, Scenario scenario, int size) {
        try {
            MachineLoad.awaitQuiet(0.15, 30, ProcessHandle.current().pid(), target.pid());
            List<Expectation> expected = switch (scenario) {
                case ROOM -> target.room(generator, size);
                case FAN_OUT -> target.fanOut(generator, size);
                case ROOMS -> target.rooms(generator, size, Scenario.MEETING_SIZE);
            };
            if (!generator.awaitFlowing(expected, 20_000)) {
                System.out.println("  " + target.name() + ": some streams had not started 20 s after the setup");
            }
            Thread.sleep((long) (settleSeconds * 1000));
            long self = ProcessHandle.current().pid();
            MachineLoad machine0 = MachineLoad.now();
            ProcStat server0 = ProcStat.of(target.pid());
            ProcStat gen0 = ProcStat.of(self);
            java.time.Instant wallStart = java.time.Instant.now();
            long t0 = System.nanoTime();
            LoadGenerator.Window window = generator.open();
            Thread.sleep((long) (seconds * 1000));
            ProcStat server1 = ProcStat.of(target.pid());
            ProcStat gen1 = ProcStat.of(self);
            MachineLoad machine1 = MachineLoad.now();
            double wall = (System.nanoTime() - t0) / 1e9;
            windows.add(new Window(target.name(), wallStart, java.time.Instant.now()));
            double others = machine1.othersSince(
                    machine0, server1.cpuTicks() - server0.cpuTicks() + gen1.cpuTicks() - gen0.cpuTicks(), wall);
            Counted counted = generator.close(window, expected, 500);
            target.nativeMemory().ifPresent(m -> memory.put(scenario.point(size), m)); // after the window: jcmd's CPU
            double cpu = server1.cpuSecondsSince(server0);
            if (!counted.shortfalls().isEmpty()) {
                System.out.println("  " + target.name() + " missed packets: " + counted.shortfalls());
            }
            String profile = expected.isEmpty() || expected.get(0).receiver().profile() == null
                    ? "-"
                    : expected.get(0).receiver().profile().name();
            return new Measurement(
                    target.name(),
                    scenario.label(),
                    size,
                    counted.packetsPerSecond(),
                    counted.arrivals() == 0 ? Double.NaN : cpu * 1e6 / counted.arrivals(),
                    cpu / wall,
                    gen1.cpuSecondsSince(gen0) / wall,
                    others,
                    counted.delays().quantileMillis(0.50),
                    counted.delays().quantileMillis(0.99),
                    counted.loss(),
                    server1.rssKib() / 1024.0,
                    counted.nacks(),
                    profile,
                    null);
        } catch (Exception e) {
            return Measurement.failed(target.name(), scenario.label(), size, e.toString());
        } finally {
            endPoint(generator, target);
        }
    }

    /** After a point: the generator's connections closed, the server's rooms ended, a moment for both to settle. */
    static void endPoint(LoadGenerator generator, Target target) {
        generator.closeAll();
        try {
            target.clear();
            Thread.sleep(500);
        } catch (Exception e) {
            // the next point starts with fresh rooms anyway
        }
    }
}
