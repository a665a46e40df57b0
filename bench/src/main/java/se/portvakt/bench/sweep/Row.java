package se.portvakt.bench.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** One load point of the table: every repetition on each server, and their medians. */
public record Row(Scenario scenario, int size, List<Measurement> portvakt, List<Measurement> janus) {

    public Measurement portvaktMedian() {
        return median(portvakt);
    }

    public Measurement janusMedian() {
        return median(janus);
    }

    /** Medians metric by metric; a point that failed in any repetition carries that error. */
    static Measurement median(List<Measurement> runs) {
        if (runs.isEmpty()) {
            return null;
        }
        Measurement first = runs.get(0);
        String error = runs.stream()
                .map(Measurement::error)
                .filter(e -> e != null)
                .findFirst()
                .orElse(null);
        List<Measurement> ok = runs.stream().filter(m -> m.error() == null).toList();
        if (ok.isEmpty()) {
            return first;
        }
        return new Measurement(
                first.target(),
                first.scenario(),
                first.size(),
                median(ok, Measurement::forwardedPerSecond),
                median(ok, Measurement::cpuMicrosPerPacket),
                median(ok, Measurement::serverCpuShare),
                median(ok, Measurement::generatorCpuShare),
                median(ok, Measurement::otherCpuShare),
                median(ok, Measurement::p50Millis),
                median(ok, Measurement::p99Millis),
                error != null ? 1.0 : median(ok, Measurement::loss),
                median(ok, Measurement::rssMib),
                (long) median(ok, m -> m.nacks()),
                ok.get(0).profile(),
                error);
    }

    private static double median(List<Measurement> runs, ToDoubleFunction<Measurement> metric) {
        List<Double> values = new ArrayList<>();
        runs.forEach(m -> values.add(metric.applyAsDouble(m)));
        values.sort(Comparator.naturalOrder());
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
