package se.portvakt.bench.peer;

import java.util.ArrayList;
import java.util.List;

/**
 * The generator's connection setups (ICE check, then the DTLS handshake), each as long as it took, and the ones that
 * failed. Thread-safe: the setup threads add to it.
 */
public final class JoinLog {
    private final List<Long> setupNanos = new ArrayList<>();
    private int failed;
    private String firstFailure;

    synchronized void connected(long nanos) {
        setupNanos.add(nanos);
    }

    synchronized void failed(String connection, Exception e) {
        if (failed++ == 0) {
            firstFailure = connection + ": " + e;
        }
    }

    public synchronized void clear() {
        setupNanos.clear();
        failed = 0;
        firstFailure = null;
    }

    /** What the log holds now. */
    public synchronized Summary summary() {
        long[] sorted = setupNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Summary(
                sorted.length,
                failed,
                firstFailure,
                Percentiles.millis(sorted, 0.5),
                Percentiles.millis(sorted, 0.99),
                Percentiles.millis(sorted, 1.0));
    }

    /**
     * @param connected    setups that completed
     * @param failed       setups that failed (ICE got no answer, the DTLS handshake failed or timed out)
     * @param firstFailure the first failure's connection and exception, or null
     */
    public record Summary(
            int connected, int failed, String firstFailure, double p50Millis, double p99Millis, double maxMillis) {}
}
