package se.portvakt.bench.signaling;

import java.util.List;

/**
 * One round's figures: every waiting guest admitted once, at {@code offeredPerSecond} admits a second spread evenly
 * over the meetings (0: all sent at once), timed from the host's {@code admit} leaving the generator to the guest's
 * {@code state} saying IN_MEETING arriving there.
 *
 * @param seconds from the first admit sent to the last guest's state
 * @param generatorCores the generator's own CPU over the window, in cores (it shares the machine with the nodes)
 * @param otherCores every other process's CPU (PostgreSQL, Redis, whatever else ran), in cores
 * @param errors {@code error} messages the tabs received in the round (e.g. rate-limited)
 */
record Round(
        double offeredPerSecond,
        int admits,
        int admitted,
        double p50Millis,
        double p99Millis,
        double maxMillis,
        double seconds,
        List<NodeLoad> nodes,
        double generatorCores,
        double otherCores,
        long errors) {

    /** What one node did in the window: messages over the sockets it holds, both ways, and its CPU time. */
    record NodeLoad(String name, long messages, double cpuSeconds) {}

    double admittedPerSecond() {
        return admitted / seconds;
    }

    long messages() {
        return nodes.stream().mapToLong(NodeLoad::messages).sum();
    }

    double messagesPerSecond() {
        return messages() / seconds;
    }

    /** Every admit answered, and the latency target held. */
    boolean held() {
        return admitted == admits && p99Millis < SignalingBenchmark.P99_TARGET_MILLIS;
    }

    String label() {
        return offeredPerSecond <= 0 ? "all at once" : String.format(java.util.Locale.ROOT, "%.0f/s", offeredPerSecond);
    }
}
