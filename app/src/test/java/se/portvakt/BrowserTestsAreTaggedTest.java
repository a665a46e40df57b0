package se.portvakt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every integration test class that opens a browser carries {@code @Tag("browser")}: the PostgreSQL pass of the
 * integration tests leaves that tag out (app/pom.xml), since a page drives the same code on either database. Four
 * classes without it ran twice, three minutes of a suite that must stay under thirty on two cores.
 */
class BrowserTestsAreTaggedTest {

    private static final Path TESTS = Path.of("src/test/java");

    @Test
    void everyBrowserTestIsTaggedSo() throws IOException {
        List<String> untagged;
        try (Stream<Path> files = Files.walk(TESTS)) {
            untagged = files.filter(file -> file.toString().endsWith("IT.java"))
                    .filter(file -> read(file).contains("new Browser("))
                    .filter(file -> !read(file).contains("@Tag(\"browser\")"))
                    .map(file -> TESTS.relativize(file).toString())
                    .toList();
        }
        assertThat(untagged)
                .as("browser test classes without @Tag(\"browser\")")
                .isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
