package se.portvakt.bench.portvakt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags the benchmark's SFU runs with: those of a production SFU node, {@code deploy/sfu-node.jvm-options}
 * (a java argument file, copied into this jar by the build), so that the benchmark measures what runs.
 * {@code PORTVAKT_BENCH_SFU_JVM_FLAGS} replaces them, for trying other flags; the report names the flags it ran with.
 */
public final class SfuJvmFlags {
    /** Where the build puts {@code deploy/sfu-node.jvm-options} in the jar. */
    static final String RESOURCE = "sfu-node.jvm-options";

    /** The environment variable whose flags, when set, replace the production ones. */
    public static final String OVERRIDE = "PORTVAKT_BENCH_SFU_JVM_FLAGS";

    private SfuJvmFlags() {}

    /** The flags in effect: {@link #OVERRIDE} if set, else production's. */
    public static List<String> flags() {
        String override = System.getenv(OVERRIDE);
        return override != null ? split(override) : production();
    }

    /** Whether {@link #flags} are production's. */
    public static boolean production(List<String> flags) {
        return flags.equals(production());
    }

    /** The flags of {@code deploy/sfu-node.jvm-options}. */
    public static List<String> production() {
        try (InputStream in = SfuJvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is not in the jar: build it with ./mvnw -pl bench -am package");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An argument file's flags: {@code #} starts a comment to the end of its line, whitespace separates. */
    static List<String> parse(String argumentFile) {
        List<String> flags = new ArrayList<>();
        for (String line : argumentFile.split("\n")) {
            int comment = line.indexOf('#');
            flags.addAll(split(comment < 0 ? line : line.substring(0, comment)));
        }
        return List.copyOf(flags);
    }

    private static List<String> split(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }
}
