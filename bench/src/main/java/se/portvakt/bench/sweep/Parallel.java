package se.portvakt.bench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Sets up many connections at once: ICE and DTLS handshakes wait on the network, not the CPU. */
public final class Parallel {
    private static final int THREADS = 8;

    private Parallel() {}

    /** A step over one index. */
    @FunctionalInterface
    public interface Step {
        void run(int index) throws Exception;
    }

    /** Runs {@code step} for 0..count-1 on a few threads; the first failure is thrown after all finished. */
    public static void forEach(int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, Math.max(1, count)));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    step.run(index);
                    return null;
                }));
            }
            Exception first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof Exception ex ? ex : e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
