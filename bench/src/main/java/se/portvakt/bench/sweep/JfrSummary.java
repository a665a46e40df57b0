package se.portvakt.bench.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the SFU's packet loop spends its busy time, from its JFR recording, counting only samples taken inside
 * the measurement windows: JFR samples a thread running Java code (execution samples) and a thread inside a
 * native method (native samples) apart; both are counted here, by the method on top of the stack and by the first
 * Portvakt method on it. Samples of the loop waiting in its selector are idle time and left out.
 */
public record JfrSummary(
        long busySamples,
        long idleSamples,
        long otherThreadSamples,
        List<Map.Entry<String, Long>> topLeaf,
        List<Map.Entry<String, Long>> topPortvakt) {

    private static final Set<String> IDLE = Set.of("EPoll.wait", "EPollSelectorImpl.doSelect");

    public static JfrSummary read(Path recording, List<PointRunner.Window> windows, int limit) throws IOException {
        Map<String, Long> leaf = new HashMap<>();
        Map<String, Long> portvakt = new HashMap<>();
        long busy = 0;
        long idle = 0;
        long others = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            if (e.getStackTrace() == null
                    || e.getStackTrace().getFrames().isEmpty()
                    || !inside(e.getStartTime(), windows)) {
                continue;
            }
            RecordedThread thread = e.getThread("sampledThread");
            String name = thread == null ? null : thread.getJavaName();
            if (name == null || !name.startsWith("sfu-udp")) {
                if (type.equals("jdk.ExecutionSample")) {
                    others++;
                }
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            String top = name(frames.get(0));
            if (IDLE.contains(top)) {
                idle++;
                continue;
            }
            busy++;
            leaf.merge(top, 1L, Long::sum);
            for (RecordedFrame f : frames) {
                if (f.getMethod().getType().getName().startsWith("se.portvakt.sfu")) {
                    portvakt.merge(name(f), 1L, Long::sum);
                    break;
                }
            }
        }
        return new JfrSummary(busy, idle, others, top(leaf, limit), top(portvakt, limit));
    }

    private static boolean inside(Instant t, List<PointRunner.Window> windows) {
        for (PointRunner.Window w : windows) {
            if (w.target().equals("Portvakt") && !t.isBefore(w.start()) && !t.isAfter(w.end())) {
                return true;
            }
        }
        return false;
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .toList();
    }
}
