package se.portvakt.bench.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A server started by the benchmark: its output goes to a log file, and it is stopped with the benchmark. */
public final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command}, copying its output to {@code log}, and waits up to {@code timeoutSeconds} for a
     * line that {@code ready} accepts; returns that line with the process.
     */
    public static Started start(List<String> command, Path log, Predicate<String> ready, int timeoutSeconds)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = builder.start();
        ChildProcess child = new ChildProcess(process, log);
        CompletableFuture<String> readyLine = new CompletableFuture<>();
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            var out = java.nio.file.Files.newBufferedWriter(log)) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            out.write(line);
                            out.newLine();
                            out.flush();
                            if (!readyLine.isDone() && ready.test(line)) {
                                readyLine.complete(line);
                            }
                        }
                    } catch (IOException e) {
                        readyLine.completeExceptionally(e);
                    }
                    readyLine.completeExceptionally(new IOException("exited before it was ready; see " + log));
                },
                "bench-log-" + log.getFileName());
        pump.setDaemon(true);
        pump.start();
        try {
            return new Started(child, readyLine.get(timeoutSeconds, TimeUnit.SECONDS));
        } catch (Exception e) {
            child.close();
            throw new IOException(command.get(0) + " did not start: " + e.getMessage() + " (log " + log + ")", e);
        }
    }

    /** A started process and the line that said it was ready. */
    public record Started(ChildProcess process, String readyLine) {}

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
