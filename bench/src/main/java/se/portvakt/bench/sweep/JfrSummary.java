package se.portvakt.bench.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the SFU's time goes, from its JFR recording: the share of execution samples (Java code running) by the
 * method on top of the stack, and by the first Portvakt method on the stack; plus the samples of threads inside
 * native methods (socket calls, OpenSSL), which JFR counts apart.
 */
public record JfrSummary(long javaSamples, long nativeSamples, List<Map.Entry<String, Long>> topLeaf,
                         List<Map.Entry<String, Long>> topPortvakt, List<Map.Entry<String, Long>> topNative) {

    public static JfrSummary read(Path recording, int limit) throws IOException {
        Map<String, Long> leaf = new HashMap<>();
        Map<String, Long> portvakt = new HashMap<>();
        Map<String, Long> nativeLeaf = new HashMap<>();
        long java = 0;
        long nat = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            boolean isJava = type.equals("jdk.ExecutionSample");
            if ((!isJava && !type.equals("jdk.NativeMethodSample")) || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            String top = name(frames.get(0));
            if (isJava) {
                java++;
                leaf.merge(top, 1L, Long::sum);
                for (RecordedFrame f : frames) {
                    if (f.getMethod().getType().getName().startsWith("se.portvakt.sfu")) {
                        portvakt.merge(name(f), 1L, Long::sum);
                        break;
                    }
                }
            } else {
                String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
                if (thread != null && thread.startsWith("sfu-udp")) { // the packet loop, not idle pools
                    nat++;
                    nativeLeaf.merge(top, 1L, Long::sum);
                }
            }
        }
        return new JfrSummary(java, nat, top(leaf, limit), top(portvakt, limit), top(nativeLeaf, limit));
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit).toList();
    }
}
