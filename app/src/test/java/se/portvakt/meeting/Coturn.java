package se.portvakt.meeting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import se.portvakt.TestNetwork;

/**
 * A real coturn (Debian's {@code turnserver}) for one test, on loopback with ports of its own: TURN over TLS with a
 * certificate made here, the shared-secret scheme Portvakt mints credentials for, relays in a port range the test
 * knows (so a firewall rule can tell relayed traffic from a browser's), and loopback peers allowed, since the SFU
 * is on loopback here. docs/turn.md is the same configuration for an operator.
 */
final class Coturn implements AutoCloseable {
    final String secret = "turn-" + UUID.randomUUID();
    final int tlsPort;
    final int relayMin;
    final int relayMax;
    /** The address it listens on and relays from. */
    final String address;

    private final Process process;
    private final Path log;

    private Coturn(Path dir, String address) throws Exception {
        this.address = address;
        Path certificate = dir.resolve("turn.pem");
        Path key = dir.resolve("turn.key");
        TestNetwork.selfSigned(certificate, key);
        tlsPort = TestNetwork.freePort();
        int plainPort = TestNetwork.freePort();
        relayMin = 40000 + (int) (Math.random() * 20000);
        relayMax = relayMin + 99;
        log = dir.resolve("turnserver.log");
        process = new ProcessBuilder(List.of(
                        "turnserver",
                        "-n",
                        "--no-cli",
                        "--simple-log",
                        "--log-file=stdout",
                        "--listening-ip=" + address,
                        "--relay-ip=" + address,
                        "--listening-port=" + plainPort,
                        "--tls-listening-port=" + tlsPort,
                        "--cert=" + certificate,
                        "--pkey=" + key,
                        "--use-auth-secret",
                        "--static-auth-secret=" + secret,
                        "--realm=portvakt.test",
                        "--min-port=" + relayMin,
                        "--max-port=" + relayMax,
                        "--allow-loopback-peers",
                        "--no-multicast-peers",
                        "--no-dtls",
                        "--fingerprint"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!listening(address, tlsPort)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("coturn (Debian package coturn) did not start:\n" + output());
            }
            Thread.sleep(100);
        }
    }

    static Coturn start(Path dir) {
        return start(dir, "127.0.0.1");
    }

    /** A coturn listening on (and relaying from) {@code address}, a local one: the network lab's server address. */
    static Coturn start(Path dir, String address) {
        try {
            return new Coturn(dir, address);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run turnserver: install Debian's coturn", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The relay as browsers are told it: TURN over TLS only. */
    String url() {
        return "turns:" + address + ":" + tlsPort + "?transport=tcp";
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean listening(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
