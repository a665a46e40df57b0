package se.portvakt.bench.portvakt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SfuJvmFlagsTest {

    @Test
    void readsAnArgumentFileAsJavaDoes() {
        assertThat(SfuJvmFlags.parse("# a comment\n-XX:+UseSerialGC   -Xmn32m # why\n\n  # indented\n-Xss512k\n"))
                .containsExactly("-XX:+UseSerialGC", "-Xmn32m", "-Xss512k");
    }

    @Test
    void theJarCarriesTheProductionFileUnchanged() throws Exception {
        Path file = Path.of("..", "deploy", "sfu-node.jvm-options");
        assertThat(SfuJvmFlags.production()).isNotEmpty().isEqualTo(SfuJvmFlags.parse(Files.readString(file)));
    }
}
