package se.portvakt.bench.signaling;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 13's signaling benchmark: simulated participants (WebSocket clients, no browsers) in meetings spread over one
 * app node, then two, in one run; each round the hosts admit every waiting guest and the time to the guest's
 * {@code state} is measured. See docs/benchmarks.md, "Signaling across nodes".
 */
public final class SignalingBenchmark {

    /** The latency target for admit to the guest's state, at 1,000 participants. */
    static final double P99_TARGET_MILLIS = 100;
    /** The capacity target: two nodes against one. */
    static final double CAPACITY_TARGET = 1.6;

    private SignalingBenchmark() {}

    /** One configuration's rounds: a warm-up (not shown), the offered rates, and all at once. */
    public record Configuration(int nodes, List<Round> rounds) {
        /** The all-at-once round: how many admits a second the configuration completes when saturated. */
        public Round saturated() {
            return rounds.get(rounds.size() - 1);
        }

        /** The highest offered rate whose every admit was answered with p99 under the target, or 0. */
        public double highestHeldRate() {
            return rounds.stream()
                    .filter(round -> round.offeredPerSecond() > 0 && round.held())
                    .mapToDouble(Round::offeredPerSecond)
                    .max()
                    .orElse(0);
        }
    }

    /** The run: what was measured, and on what. */
    public record Result(
            ZonedDateTime date,
            SignalingOptions options,
            double seedingSeconds,
            List<Configuration> configurations,
            String loadBefore,
            String loadAfter) {}

    public static void main(String[] args) throws Exception {
        SignalingOptions options = SignalingOptions.parse(args);
        Result result = run(options);
        String section = SignalingReport.section(result, String.join(" ", args));
        System.out.println(section);
        if (options.doc() != null) {
            SignalingReport.replaceSection(options.doc(), section);
            System.out.println("wrote " + options.doc());
        }
    }

    public static Result run(SignalingOptions options) throws Exception {
        Files.createDirectories(options.out());
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        Population.dropSchema(options.schema());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        int portA = AppNode.freePort();
        int portB = AppNode.freePort();
        AppNode.Cluster cluster = new AppNode.Cluster(
                options.jar(),
                options.schema(),
                Base64.getEncoder().encodeToString(secret),
                portA,
                options.out(),
                Map.of());
        Map<String, String> first = new HashMap<>(Population.bootstrap());
        AppNode.Cluster bootstrapping =
                new AppNode.Cluster(cluster.jar(), cluster.schema(), cluster.secretKey(), portA, cluster.out(), first);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build());
        }
        boolean twoFirst = options.nodeCounts().get(0) == 2;
        // a second node started at once (as the smoke test does) boots while the first one seeds
        CompletableFuture<AppNode> second = twoFirst ? startLater(cluster, "node-b", portB) : null;
        List<Configuration> configurations = new ArrayList<>();
        double seedingSeconds;
        try (AppNode a = AppNode.start(bootstrapping, "node-a", portA)) {
            long seeding = System.nanoTime();
            List<Population.Meeting> meetings =
                    Population.make(clients.get(0), portA, options.schema(), options.meetings(), options.guests(), 6);
            seedingSeconds = (System.nanoTime() - seeding) / 1e9;
            System.out.printf(
                    "seeded %d meetings of 1 host and %d guests in %.1f s%n",
                    options.meetings(), options.guests(), seedingSeconds);
            AppNode b = null;
            try {
                for (int count : options.nodeCounts()) {
                    if (count == 2 && b == null) {
                        b = second != null ? second.join() : AppNode.start(cluster, "node-b", portB);
                    }
                    List<AppNode> nodes = count == 1 ? List.of(a) : List.of(a, b);
                    configurations.add(measure(nodes, meetings, clients, options));
                }
            } finally {
                if (b != null) {
                    b.close();
                } else if (second != null) {
                    second.thenAccept(AppNode::close);
                }
            }
        }
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        return new Result(ZonedDateTime.now(), options, seedingSeconds, configurations, loadBefore, loadAfter);
    }

    private static Configuration measure(
            List<AppNode> nodes, List<Population.Meeting> meetings, List<HttpClient> clients, SignalingOptions options)
            throws Exception {
        List<Round> rounds = new ArrayList<>();
        try (Phase phase = Phase.open(nodes, meetings, clients, 6)) {
            if (options.warmUp()) {
                Round warmUp = phase.admitRound(0);
                System.out.printf("%d node(s): warm-up %s%n", nodes.size(), SignalingReport.line(warmUp));
            }
            for (double rate : options.rates()) {
                Round round = phase.admitRound(rate);
                System.out.printf("%d node(s): %s%n", nodes.size(), SignalingReport.line(round));
                rounds.add(round);
                if (!round.held()) {
                    break;
                }
            }
            Round saturated = phase.admitRound(0);
            System.out.printf("%d node(s): %s%n", nodes.size(), SignalingReport.line(saturated));
            rounds.add(saturated);
            if (phase.closedTabs() > 0) {
                throw new IllegalStateException(phase.closedTabs() + " tabs were closed by the server");
            }
        }
        return new Configuration(nodes.size(), rounds);
    }

    private static CompletableFuture<AppNode> startLater(AppNode.Cluster cluster, String name, int port) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return AppNode.start(cluster, name, port);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
