package se.portvakt.bench.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole signaling benchmark as a Maven entry (failsafe's names leave it out of {@code verify}; ask for it by name):
 * {@code ./mvnw -pl app,bench -am verify -Djib.skip -Dit.test=FullSignalingBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}; more options of the jar's
 * {@code signaling} command in {@code -Dportvakt.signaling.args="--rates 25,50"}. It rewrites its section of
 * docs/benchmarks.md.
 */
class FullSignalingBenchmark {

    @Test
    void oneThousandParticipantsOnOneNodeThenTwo() throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--jar",
                System.getProperty("portvakt.app.jar", "../app/target/portvakt.jar"),
                "--schema",
                System.getProperty("portvakt.it.schema", "portvakt_it") + "_signaling",
                "--out",
                "target/signaling",
                "--doc",
                "../docs/benchmarks.md"));
        String more = System.getProperty("portvakt.signaling.args", "").trim();
        if (!more.isEmpty()) {
            args.addAll(Arrays.asList(more.split("\\s+")));
        }
        SignalingBenchmark.main(args.toArray(String[]::new));
        assertThat(SignalingOptions.parse(args.toArray(String[]::new)).doc())
                .content()
                .contains(SignalingReport.HEADING);
    }
}
