package se.portvakt.meeting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A firewall for one test: an nftables table of its own that drops UDP to one port on this machine, as a municipal
 * or hospital network drops outgoing UDP. Needs root and nft (Debian's nftables); a test that cannot make it fails
 * saying so, it is never skipped. Only this table is touched, and it is deleted on close.
 */
final class LoopbackFirewall implements AutoCloseable {
    private final String table = "portvakt_test_" + UUID.randomUUID().toString().substring(0, 8);

    private LoopbackFirewall() {}

    /** Drops every UDP datagram to these ports (an SFU's packet loops) arriving on this machine (loopback included). */
    static LoopbackFirewall droppingUdpTo(List<java.net.InetSocketAddress> ports) {
        return dropping("udp dport " + anyOf(ports));
    }

    /** An nft set of the addresses' ports, e.g. {@code "{ 10000, 10001 }"}, to match any of an SFU's packet loops. */
    static String anyOf(List<java.net.InetSocketAddress> ports) {
        return ports.stream()
                .map(address -> String.valueOf(address.getPort()))
                .collect(java.util.stream.Collectors.joining(", ", "{ ", " }"));
    }

    /**
     * Drops what matches each nft rule (e.g. {@code "tcp dport 10000"}, {@code "udp dport 10000 udp sport != 50000-50100"})
     * arriving on this machine; {@link #dropped()} counts them all.
     */
    static LoopbackFirewall dropping(String... matches) {
        LoopbackFirewall firewall = new LoopbackFirewall();
        firewall.nft("add table inet " + firewall.table);
        firewall.nft("add chain inet " + firewall.table + " input { type filter hook input priority -10 ; }");
        for (String match : matches) {
            firewall.nft("add rule inet " + firewall.table + " input " + match + " counter drop");
        }
        return firewall;
    }

    /** How many datagrams the rule dropped: proof the browser tried UDP and was stopped. */
    long dropped() {
        String listing = nft("list chain inet " + table + " input");
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("counter packets (\\d+)").matcher(listing);
        long dropped = 0;
        while (m.find()) {
            dropped += Long.parseLong(m.group(1));
        }
        return dropped;
    }

    @Override
    public void close() {
        nft("delete table inet " + table);
    }

    private String nft(String command) {
        List<String> argv = new java.util.ArrayList<>(List.of("nft"));
        argv.addAll(List.of(command.split(" ")));
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("the test's firewall could not be set up (needs root and Debian's "
                        + "nftables): nft " + command + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("the test's firewall needs nft (Debian package nftables)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
