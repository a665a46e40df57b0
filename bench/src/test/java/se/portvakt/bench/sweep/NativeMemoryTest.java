package se.portvakt.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jcmd's outputs as JDK 17 writes them (a Serial-GC JVM's, captured here), read into categories and heap use. */
class NativeMemoryTest {

    static String resource(String name) throws IOException {
        try (InputStream in = NativeMemoryTest.class.getResourceAsStream("/nmt/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheCommittedTotalEachCategoryLargestFirstAndTheHeapInUse() throws IOException {
        NativeMemory m = NativeMemory.parse(150, resource("serial-summary.txt"), resource("serial-heap-info.txt"))
                .orElseThrow();
        assertThat(m.committedMib()).isCloseTo(422941 / 1024.0, within(0.01));
        List<String> names = List.copyOf(m.categoriesMib().keySet());
        assertThat(names.get(0)).isEqualTo("Java Heap");
        assertThat(names).contains("Class", "Thread", "Code", "GC", "Symbol");
        assertThat(m.categoriesMib().get("Java Heap")).isCloseTo(387072 / 1024.0, within(0.01));
        assertThat(m.categoriesMib().get("Thread")).isCloseTo(839 / 1024.0, within(0.01));
        // young 20,659 KiB used plus tenured 0
        assertThat(m.heapUsedMib()).isCloseTo(20659 / 1024.0, within(0.01));
        assertThat(m.rssMib()).isEqualTo(150);
    }

    @Test
    void aJvmWithoutTrackingGivesNothing() {
        assertThat(NativeMemory.parse(
                        150,
                        "12345:\nNative memory tracking is not enabled\n",
                        " garbage-first heap   total 1K, used 1K"))
                .isEmpty();
    }

    @Test
    void g1sHeapLineCountsToo() throws IOException {
        String g1 = " garbage-first heap   total 393216K, used 125952K [0x0000000680000000, 0x0000000800000000)\n"
                + "  region size 2048K, 3 young (6144K), 0 survivors (0K)\n";
        assertThat(NativeMemory.parse(1, resource("serial-summary.txt"), g1)
                        .orElseThrow()
                        .heapUsedMib())
                .isCloseTo(123, within(0.01));
    }
}
