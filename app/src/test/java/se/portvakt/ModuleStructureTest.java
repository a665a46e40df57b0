package se.portvakt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each top-level package is a feature module; only its root package is open to the others, and no cycles. */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PortvaktApplication.class);

    /** Where the build writes the documentation: target/, so that a build never changes the checkout. */
    static final Path GENERATED = Path.of("target", "spring-modulith-docs");

    /** The committed copy that docs/architecture.md links to. */
    static final Path COMMITTED = Path.of("..", "docs", "modules");

    /** {@code -Dportvakt.modules.refresh=true} copies the generated documentation over the committed one. */
    static final String REFRESH = "portvakt.modules.refresh";

    @Test
    void featuresDependOnlyOnEachOthersPublicRootsAndFormNoCycles() {
        MODULES.verify();
    }

    @Test
    void docsModulesShowTheModulesAsTheyAre() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> generated = files(GENERATED);
        if (Boolean.getBoolean(REFRESH)) {
            refresh(generated.keySet());
        }

        Map<String, String> committed = files(COMMITTED);
        Set<String> stale = new TreeSet<>(generated.keySet());
        stale.addAll(committed.keySet());
        stale.removeIf(name -> Objects.equals(generated.get(name), committed.get(name)));

        assertThat(stale)
                .as("these files of docs/modules differ from the code's modules; refresh it with"
                        + " ./mvnw -pl app -am test -Dexec.skip -Dtest=ModuleStructureTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -D" + REFRESH + "=true")
                .isEmpty();
    }

    private static void refresh(Iterable<String> names) throws IOException {
        Files.createDirectories(COMMITTED);
        try (Stream<Path> old = Files.list(COMMITTED)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (String name : names) {
            Files.copy(GENERATED.resolve(name), COMMITTED.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * File name to its lines, sorted: the Documenter lists modules in the order the class path gave them, which
     * another machine may change, while the order of a diagram's lines means nothing to PlantUML.
     */
    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(Files::isRegularFile).forEach(file -> {
                try {
                    files.put(
                            file.getFileName().toString(),
                            Files.readAllLines(file).stream().sorted().toList().toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }
}
