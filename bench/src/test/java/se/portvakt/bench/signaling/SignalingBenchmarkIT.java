package se.portvakt.bench.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The signaling benchmark's machinery on a small population: 100 participants (10 meetings of a host and 9 guests),
 * two app jar processes on the build's PostgreSQL and Redis, one round at 100 admits a second and one all at once,
 * no warm-up. Its time is mostly the two nodes' start (in parallel) and the seeding: 195 s, 454 s and 297 s in three
 * runs on 2 cores under load averages of 20-38 (7 December 2026), where each node took 2-3.5 minutes to start.
 */
class SignalingBenchmarkIT {

    @Test
    void everyGuestGetsTheirStateOnEitherNode() throws Exception {
        Path jar = Path.of(System.getProperty("portvakt.app.jar", "../app/target/portvakt.jar"));
        assertThat(jar).as("the app jar, built before this module").exists();
        SignalingOptions options = SignalingOptions.parse(
                "--jar",
                jar.toString(),
                "--schema",
                System.getProperty("portvakt.it.schema", "portvakt_it") + "_signaling",
                "--meetings",
                "10",
                "--guests",
                "9",
                "--rates",
                "100",
                "--nodes",
                "2",
                "--out",
                Files.createTempDirectory("signaling-smoke").toString(),
                "--no-doc");

        SignalingBenchmark.Configuration two =
                SignalingBenchmark.run(options).configurations().get(0);

        assertThat(two.nodes()).isEqualTo(2);
        assertThat(two.rounds()).hasSize(2);
        for (Round round : two.rounds()) {
            assertThat(round.admitted()).isEqualTo(90).isEqualTo(round.admits());
            assertThat(round.p99Millis()).isPositive();
            assertThat(round.errors()).isZero();
            // the tabs alternate between the nodes, so both carried the round's messages
            assertThat(round.nodes())
                    .hasSize(2)
                    .allSatisfy(node -> assertThat(node.messages()).isPositive());
        }
    }
}
