package se.portvakt.bench.signaling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The signaling benchmark's settings, from its command line.
 *
 * @param jar the built app jar ({@code app/target/portvakt.jar})
 * @param schema the PostgreSQL schema the run owns (dropped at the start: every run begins empty)
 * @param meetings how many meetings
 * @param guests guests per meeting (plus one host each)
 * @param rates the offered admit rates per second, tried in order until p99 passes the target; then one round
 *     with every admit sent at once
 * @param nodeCounts the configurations, in order: 1 (one node) and 2 (two nodes sharing PostgreSQL and Redis)
 * @param out logs and the nodes' data directories
 * @param doc the Markdown file whose "Signaling across nodes" section the run replaces, or null
 * @param warmUp whether each configuration starts with an unshown all-at-once round that warms the JVMs
 */
record SignalingOptions(
        Path jar,
        String schema,
        int meetings,
        int guests,
        List<Double> rates,
        List<Integer> nodeCounts,
        Path out,
        Path doc,
        boolean warmUp) {

    static SignalingOptions parse(String... args) {
        Path jar = Path.of("app/target/portvakt.jar");
        String schema = "bench_signaling";
        int meetings = 100;
        int guests = 9;
        List<Double> rates = List.of(25.0, 50.0, 100.0, 200.0);
        List<Integer> nodeCounts = List.of(1, 2);
        Path out = Path.of("bench/target/signaling");
        Path doc = Path.of("docs/benchmarks.md");
        boolean warmUp = true;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--jar" -> jar = Path.of(value);
                case "--schema" -> schema = value;
                case "--meetings" -> meetings = Integer.parseInt(value);
                case "--guests" -> guests = Integer.parseInt(value);
                case "--rates" ->
                    rates = numbers(value).stream().map(Double::valueOf).toList();
                case "--nodes" -> nodeCounts = numbers(value);
                case "--out" -> out = Path.of(value);
                case "--doc" -> doc = Path.of(value);
                case "--no-doc" -> {
                    doc = null;
                    i--;
                }
                case "--no-warm-up" -> {
                    warmUp = false;
                    i--;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("--schema must be a plain lower-case name: " + schema);
        }
        return new SignalingOptions(jar, schema, meetings, guests, rates, nodeCounts, out, doc, warmUp);
    }

    private static List<Integer> numbers(String list) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : list.split(",")) {
            numbers.add(Integer.parseInt(part.trim()));
        }
        return numbers;
    }

    int participants() {
        return meetings * (guests + 1);
    }
}
