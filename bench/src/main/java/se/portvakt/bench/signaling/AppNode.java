package se.portvakt.bench.signaling;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.portvakt.bench.sweep.ChildProcess;

/**
 * One app node: the built app jar as its own JVM in production mode (PostgreSQL, Redis fan-out on), as an operator
 * would run it, with the settings production insists on. Invitation e-mail is never sent (the outbox is polled
 * hourly): the benchmark reads the links from the booking API's answer.
 */
record AppNode(String name, int port, ChildProcess process) implements AutoCloseable {

    /** What every node of one run shares. */
    record Cluster(Path jar, String schema, String secretKey, int firstPort, Path out, Map<String, String> extra) {}

    static AppNode start(Cluster cluster, String name, int port) throws IOException {
        Path data = Files.createDirectories(cluster.out().resolve(name + "-data"));
        List<String> command = new ArrayList<>(List.of(
                javaBinary(),
                "-XX:+UseG1GC",
                "-Xmx768m",
                "-jar",
                cluster.jar().toString(),
                "--server.port=" + port,
                "--management.server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + cluster.schema(),
                "--spring.datasource.username=postgres",
                "--spring.flyway.default-schema=" + cluster.schema(),
                "--portvakt.cluster.enabled=true",
                "--spring.data.redis.host=127.0.0.1",
                "--portvakt.public-url=http://127.0.0.1:" + cluster.firstPort(),
                "--portvakt.secret-key=" + cluster.secretKey(),
                "--portvakt.data-directory=" + data,
                "--portvakt.media.advertised-address=127.0.0.1",
                "--portvakt.media.udp-port=0",
                "--portvakt.invitation.poll-interval=PT1H",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=1"));
        cluster.extra().forEach((key, value) -> command.add("--" + key + "=" + value));
        ChildProcess.Started started = ChildProcess.start(
                command, cluster.out().resolve(name + ".log"), line -> line.contains("Portvakt is ready"), 240);
        return new AppNode(name, port, started.process());
    }

    long pid() {
        return process.pid();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        process.close();
    }
}
