package se.portvakt.bench.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalingReportTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # before                                                         | after
            '# B\\n\\n## Sweep\\nrows\\n'                                     | '# B\\n\\n## Sweep\\nrows\\n\\n## Signaling across nodes\\nnew\\n'
            '# B\\n\\n## Signaling across nodes\\nold\\n\\n## Lab\\nkept\\n' | '# B\\n\\n## Signaling across nodes\\nnew\\n\\n## Lab\\nkept\\n'
            '# B\\n\\n## Signaling across nodes\\nold\\n'                     | '# B\\n\\n## Signaling across nodes\\nnew\\n'
            """)
    void theSectionIsReplacedOrAppendedAndTheRestKept(String before, String after) throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, unescape(before));

        SignalingReport.replaceSection(doc, "## Signaling across nodes\nnew\n");

        assertThat(Files.readString(doc)).isEqualTo(unescape(after));
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
