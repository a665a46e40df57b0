package se.portvakt.meeting;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import se.portvakt.Browser;

/**
 * A guest's own network, made by the test (issue 10's lab): a network namespace {@value #NAMESPACE} joined to this
 * machine by a veth pair (the guest's link), in which a chromedriver and its Chromium run. Portvakt and its SFU
 * stay in the machine's own namespace and answer at {@value #SERVER}, an address of the machine's loopback
 * interface that the guest reaches over whichever link it has, as a phone reaches a public server over Wi-Fi or 4G
 * (this kernel has no dummy interfaces).
 *
 * <pre>
 *   this machine                                      namespace pvlab (the guest)
 *   lo        10.77.255.1/32  (Portvakt, SFU)
 *   pvlab-a0  10.77.0.1/30  ==== link A (Wi-Fi) ====  pvlab-a1 10.77.0.2  route to 10.77.255.1
 *   pvlab-b0  10.77.1.1/30  ==== link B (4G)    ====  pvlab-b1 10.77.1.2  down until {@link #secondLinkUp}
 *   pvlab-c0  10.77.9.1/30  ==== control ==========  pvlab-c1 10.77.9.2  chromedriver only, never impaired
 * </pre>
 *
 * Impairments are the kernel's own: nftables in the namespace drops (all of it, or at random with {@code numgen},
 * since this kernel has no netem), {@code tc tbf} limits the rate into the guest. Needs root, iproute2 and Debian's
 * nftables: a lab that cannot be made fails saying so, it is never skipped. Only these names and addresses are
 * touched; closing removes them all. One lab at a time (the addresses are fixed).
 */
final class NetworkLab implements AutoCloseable {
    static final String NAMESPACE = "pvlab";
    static final String SERVER = "10.77.255.1";
    static final String LINK_A = "10.77.0.2";
    static final String LINK_B = "10.77.1.2";
    private static final String CONTROL = "10.77.9.2";
    private static final int CHROMEDRIVER_PORT = 9515;
    private static final List<String> ROOT_LINKS = List.of("pvlab-a0", "pvlab-b0", "pvlab-c0");

    private Process chromedriver;

    private NetworkLab() {}

    /** Builds the lab afresh (removing what a crashed run may have left) with link A up. */
    static NetworkLab open() {
        removeLeftovers();
        NetworkLab lab = new NetworkLab();
        try {
            ip("netns", "add", NAMESPACE);
            inside("ip", "link", "set", "lo", "up");
            ip("addr", "add", SERVER + "/32", "dev", "lo");
            link("a", "10.77.0", true);
            link("b", "10.77.1", false);
            link("c", "10.77.9", true);
            inside("ip", "route", "add", SERVER, "via", "10.77.0.1");
            // the control link carries chromedriver's commands and nothing of the guest's own traffic
            nft("""
                    table inet pvlab_control {
                      chain out {
                        type filter hook output priority 0 ;
                        ip saddr %s tcp sport %d accept
                        ip saddr %s drop
                      }
                    }""".formatted(CONTROL, CHROMEDRIVER_PORT, CONTROL));
            lab.startChromedriver();
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** A headless Chromium inside the guest's namespace, opening Portvakt at the server address. */
    Browser guestBrowser(int port) {
        String origin = "http://" + SERVER + ":" + port;
        try {
            return new Browser(
                    new URL("http://" + CONTROL + ":" + CHROMEDRIVER_PORT),
                    origin,
                    // camera access and Secure cookies on a plain-http address that is not localhost; the
                    // signaling socket's ws: origin is named too, or its Secure session cookie stays home
                    "--unsafely-treat-insecure-origin-as-secure=" + origin + ",ws://" + SERVER + ":" + port,
                    // the lab's TURN relay has a certificate made by the test: accepted, TLS still spoken
                    "--ignore-certificate-errors");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the guest's network away entirely (both links, both ways), or gives it back. */
    void cut(boolean down) {
        if (down) {
            nft("""
                    table inet pvlab_cut {
                      chain in {
                        type filter hook input priority -10 ;
                        iifname { "pvlab-a1", "pvlab-b1" } counter drop
                      }
                      chain out {
                        type filter hook output priority -10 ;
                        oifname { "pvlab-a1", "pvlab-b1" } counter drop
                      }
                    }""");
        } else {
            nft("delete table inet pvlab_cut");
        }
    }

    /**
     * The guest's network lets nothing matching any of {@code matches} (nft matches such as {@code "meta l4proto
     * udp"}) out to the server, as a hospital's guest Wi-Fi lets only TCP leave; {@link #blocked()} counts what the
     * first one stopped.
     */
    void blockToServer(String... matches) {
        StringBuilder rules = new StringBuilder();
        for (String match : matches) {
            rules.append("    ip daddr %s %s counter drop\n".formatted(SERVER, match));
        }
        nft("""
                table inet pvlab_block {
                  chain out {
                    type filter hook output priority -5 ;
                %s  }
                }""".formatted(rules));
    }

    /** How many packets {@link #blockToServer} stopped. */
    long blocked() {
        String listing =
                runWithInput(null, "ip", "netns", "exec", NAMESPACE, "nft", "list", "table", "inet", "pvlab_block");
        java.util.regex.Matcher counter =
                java.util.regex.Pattern.compile("counter packets (\\d+)").matcher(listing);
        return counter.find() ? Long.parseLong(counter.group(1)) : 0;
    }

    /** Lets everything out to the server again. */
    void unblock() {
        nft("delete table inet pvlab_block");
    }

    /** Drops {@code percent} % of the packets each way on the guest's links, at random; {@code 0} stops it. */
    void loss(int percent) {
        if (percent == 0) {
            nft("delete table inet pvlab_loss");
            return;
        }
        nft("""
                table inet pvlab_loss {
                  chain in {
                    type filter hook input priority -5 ;
                    iifname { "pvlab-a1", "pvlab-b1" } numgen random mod 100 < %d counter drop
                  }
                  chain out {
                    type filter hook output priority -5 ;
                    oifname { "pvlab-a1", "pvlab-b1" } numgen random mod 100 < %d counter drop
                  }
                }""".formatted(percent, percent));
    }

    /**
     * Limits what reaches the guest to {@code kbit} kbit/s (a thin downlink): tbf on our side of both links, since a
     * case before may have moved the guest to link B.
     */
    void limitDownlink(int kbit) {
        for (String link : List.of("pvlab-a0", "pvlab-b0")) {
            run(
                    "tc",
                    "qdisc",
                    "replace",
                    "dev",
                    link,
                    "root",
                    "tbf",
                    "rate",
                    kbit + "kbit",
                    "burst",
                    "16kb",
                    "latency",
                    "300ms");
        }
    }

    /** Lifts {@link #limitDownlink}. */
    void unlimitDownlink() {
        quietly("tc", "qdisc", "del", "dev", "pvlab-a0", "root");
        quietly("tc", "qdisc", "del", "dev", "pvlab-b0", "root");
    }

    /**
     * The phone's 4G comes up beside its Wi-Fi (a phone keeps mobile data on while on Wi-Fi): link B with its own
     * address; {@link #firstLinkDown} then takes the Wi-Fi away.
     */
    void secondLinkUp() {
        inside("ip", "link", "set", "pvlab-b1", "up");
        ip("link", "set", "pvlab-b0", "up");
        // the address comes with the network, as a phone's 4G address does: a browser is told of a new address
        inside("ip", "addr", "add", LINK_B + "/30", "dev", "pvlab-b1");
        // as a phone routes each network's own traffic over it: what leaves from link B's address goes over B, and
        // B is the way to the server only once A is gone (A's route, taken down with it, comes first until then)
        inside("ip", "rule", "add", "from", LINK_B, "lookup", "100");
        inside("ip", "route", "add", SERVER, "via", "10.77.1.1", "table", "100");
        inside("ip", "route", "add", SERVER, "via", "10.77.1.1", "metric", "100");
    }

    /** Link A goes down (the phone leaves the Wi-Fi): its address goes with it, as a phone's Wi-Fi address does. */
    void firstLinkDown() {
        inside("ip", "link", "set", "pvlab-a1", "down");
        inside("ip", "addr", "flush", "dev", "pvlab-a1");
    }

    @Override
    public void close() {
        if (chromedriver != null) {
            chromedriver.destroyForcibly();
        }
        removeLeftovers();
    }

    private void startChromedriver() {
        try {
            chromedriver = new ProcessBuilder(
                            "ip",
                            "netns",
                            "exec",
                            NAMESPACE,
                            "/usr/bin/chromedriver",
                            "--port=" + CHROMEDRIVER_PORT,
                            "--allowed-ips=10.77.9.1")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("chromedriver could not start in the lab's namespace", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(CONTROL, CHROMEDRIVER_PORT)) {
                return;
            } catch (IOException notYet) {
                if (!chromedriver.isAlive()) {
                    throw new IllegalStateException("chromedriver in the lab's namespace exited");
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("chromedriver in the lab's namespace did not answer within 20 s");
    }

    private static void link(String name, String prefix, boolean up) {
        String ours = "pvlab-" + name + "0";
        String theirs = "pvlab-" + name + "1";
        ip("link", "add", ours, "type", "veth", "peer", "name", theirs);
        ip("link", "set", theirs, "netns", NAMESPACE);
        ip("addr", "add", prefix + ".1/30", "dev", ours);
        if (up) {
            inside("ip", "addr", "add", prefix + ".2/30", "dev", theirs);
            ip("link", "set", ours, "up");
            inside("ip", "link", "set", theirs, "up");
        }
    }

    private static void removeLeftovers() {
        quietly("ip", "netns", "del", NAMESPACE);
        quietly("ip", "addr", "del", SERVER + "/32", "dev", "lo");
        for (String link : ROOT_LINKS) {
            quietly("ip", "link", "del", link);
        }
    }

    private static void ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        run(argv.toArray(String[]::new));
    }

    private static void inside(String... argv) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", NAMESPACE));
        all.addAll(List.of(argv));
        run(all.toArray(String[]::new));
    }

    /** An nftables script run inside the guest's namespace. */
    private static void nft(String script) {
        runWithInput(script, "ip", "netns", "exec", NAMESPACE, "nft", "-f", "-");
    }

    private static void run(String... argv) {
        runWithInput(null, argv);
    }

    private static void quietly(String... argv) {
        try {
            new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing to remove
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String runWithInput(String input, String... argv) {
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("the network lab could not be made (needs root, iproute2 and "
                        + "Debian's nftables): " + String.join(" ", argv) + (input == null ? "" : "\n" + input)
                        + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("the network lab needs " + argv[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
