package se.portvakt.bench.signaling;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import se.portvakt.bench.peer.Percentiles;
import se.portvakt.bench.sweep.MachineLoad;
import se.portvakt.bench.sweep.ProcStat;

/**
 * The population's sockets on a set of nodes, tab i on node i mod n as a round-robin load balancer would place them
 * (so most meetings have people on every node), and the admit rounds run on them. Each round ends as it began: the
 * hosts send every guest back to the waiting room ({@code sendBack}), unmeasured, so the next round admits them again.
 */
final class Phase implements AutoCloseable {

    private static final long WAIT_NANOS = 180_000_000_000L;

    private final List<AppNode> nodes;
    private final List<Tab> hosts = new ArrayList<>();
    private final List<List<Tab>> guests = new ArrayList<>();
    private final List<Tab> all = new ArrayList<>();

    private Phase(List<AppNode> nodes) {
        this.nodes = nodes;
    }

    /** Opens every tab (hosts join their meetings) and waits until every host has started and every guest waits. */
    static Phase open(List<AppNode> nodes, List<Population.Meeting> meetings, List<HttpClient> clients, int threads)
            throws Exception {
        Phase phase = new Phase(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Tab>> hostTabs = new ArrayList<>();
            List<List<Future<Tab>>> guestTabs = new ArrayList<>();
            int index = 0;
            for (Population.Meeting meeting : meetings) {
                hostTabs.add(phase.open(pool, clients, index++, meeting.host(), "meeting=" + meeting.id()));
                List<Future<Tab>> theirs = new ArrayList<>();
                for (Population.Guest guest : meeting.guests()) {
                    theirs.add(phase.open(pool, clients, index++, guest.browser(), "invitee=" + guest.invitee()));
                }
                guestTabs.add(theirs);
            }
            for (int m = 0; m < meetings.size(); m++) {
                phase.hosts.add(hostTabs.get(m).get());
                List<Tab> theirs = new ArrayList<>();
                for (Future<Tab> tab : guestTabs.get(m)) {
                    theirs.add(tab.get());
                }
                phase.guests.add(theirs);
            }
        } finally {
            pool.shutdown();
        }
        phase.all.addAll(phase.hosts);
        phase.guests.forEach(phase.all::addAll);
        phase.hosts.forEach(host -> host.send("{\"type\":\"join\"}"));
        phase.await(
                "every host in their meeting and every guest waiting",
                () -> phase.hosts.stream().allMatch(Tab::started)
                        && phase.guests.stream()
                                .flatMap(List::stream)
                                .allMatch(guest -> "WAITING".equals(guest.yourState()) && guest.you() != null));
        phase.quiet();
        return phase;
    }

    private Future<Tab> open(ExecutorService pool, List<HttpClient> clients, int index, Browser browser, String query) {
        int node = index % nodes.size();
        HttpClient client = clients.get(index % clients.size());
        return pool.submit(() -> Tab.open(client, browser, node, nodes.get(node).port(), query));
    }

    /** Admits every guest once at {@code perSecond} (0: all at once), measures, and sends them all back. */
    Round admitRound(double perSecond) throws IOException, InterruptedException {
        List<Tab> order = new ArrayList<>();
        List<Tab> admitters = new ArrayList<>();
        int guestsEach = guests.get(0).size();
        for (int g = 0; g < guestsEach; g++) {
            for (int m = 0; m < hosts.size(); m++) {
                order.add(guests.get(m).get(g));
                admitters.add(hosts.get(m));
            }
        }
        long[] sentAt = new long[order.size()];
        long[] before = messagesPerNode();
        long[] cpuBefore = cpuTicks();
        long generatorBefore = ProcStat.of(ProcessHandle.current().pid()).cpuTicks();
        MachineLoad machineBefore = MachineLoad.now();
        long errorsBefore = all.stream().mapToLong(Tab::errors).sum();
        long start = System.nanoTime();
        for (int k = 0; k < order.size(); k++) {
            if (perSecond > 0) {
                long due = start + (long) (k * 1e9 / perSecond);
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    LockSupport.parkNanos(due - now);
                }
            }
            sentAt[k] = System.nanoTime();
            admitters
                    .get(k)
                    .send("{\"type\":\"admit\",\"participantId\":\""
                            + order.get(k).you() + "\"}");
        }
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline && !allIn(order, sentAt)) {
            Thread.sleep(2);
        }
        long end = System.nanoTime();
        long[] after = messagesPerNode();
        long[] cpuAfter = cpuTicks();
        long generatorTicks = ProcStat.of(ProcessHandle.current().pid()).cpuTicks() - generatorBefore;
        double seconds = (end - start) / 1e9;
        long nodeTicks = 0;
        List<Round.NodeLoad> loads = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            nodeTicks += cpuAfter[n] - cpuBefore[n];
            loads.add(new Round.NodeLoad(
                    nodes.get(n).name(),
                    after[n] - before[n],
                    (double) (cpuAfter[n] - cpuBefore[n]) / ProcStat.TICKS_PER_SECOND));
        }
        double others = MachineLoad.now().othersSince(machineBefore, nodeTicks + generatorTicks, seconds);
        long[] latencies = new long[order.size()];
        int admitted = 0;
        long lastIn = start;
        for (int k = 0; k < order.size(); k++) {
            long at = order.get(k).inMeetingAt();
            if (at >= sentAt[k]) {
                latencies[admitted++] = at - sentAt[k];
                lastIn = Math.max(lastIn, at);
            }
        }
        long[] measured = Arrays.copyOf(latencies, admitted);
        Arrays.sort(measured);
        Round round = new Round(
                perSecond,
                order.size(),
                admitted,
                Percentiles.millis(measured, 0.50),
                Percentiles.millis(measured, 0.99),
                measured.length == 0 ? Double.NaN : measured[measured.length - 1] / 1e6,
                admitted == order.size() ? (lastIn - start) / 1e9 : seconds,
                loads,
                generatorTicks / (double) ProcStat.TICKS_PER_SECOND / seconds,
                others,
                all.stream().mapToLong(Tab::errors).sum() - errorsBefore);
        sendEveryoneBack(order, admitters);
        return round;
    }

    private void sendEveryoneBack(List<Tab> order, List<Tab> admitters) throws InterruptedException {
        for (int k = 0; k < order.size(); k++) {
            if ("IN_MEETING".equals(order.get(k).yourState())) {
                admitters
                        .get(k)
                        .send("{\"type\":\"sendBack\",\"participantId\":\""
                                + order.get(k).you() + "\"}");
            }
        }
        await(
                "every guest back in the waiting room",
                () -> order.stream().allMatch(guest -> "WAITING".equals(guest.yourState())));
        quiet();
    }

    private static boolean allIn(List<Tab> order, long[] sentAt) {
        for (int k = 0; k < order.size(); k++) {
            if (order.get(k).inMeetingAt() < sentAt[k]) {
                return false;
            }
        }
        return true;
    }

    private long[] messagesPerNode() {
        long[] counts = new long[nodes.size()];
        for (Tab tab : all) {
            counts[tab.node] += tab.received() + tab.sent();
        }
        return counts;
    }

    private long[] cpuTicks() throws IOException {
        long[] ticks = new long[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            ticks[n] = ProcStat.of(nodes.get(n).pid()).cpuTicks();
        }
        return ticks;
    }

    /** Waits until no tab has received anything for half a second: the previous step's messages are all delivered. */
    private void quiet() throws InterruptedException {
        long last = -1;
        for (long now = total(); now != last; now = total()) {
            last = now;
            Thread.sleep(500);
        }
    }

    private long total() {
        return all.stream().mapToLong(Tab::received).sum();
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String closed = all.stream()
                        .map(Tab::closedBecause)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse("none closed");
                throw new IllegalStateException("timed out waiting for " + what + " (" + closed + ")");
            }
            Thread.sleep(10);
        }
    }

    /** Whether any guest's tab was closed by the server (a guest taken out would make the rounds meaningless). */
    long closedTabs() {
        return all.stream().filter(tab -> tab.closedBecause() != null).count();
    }

    @Override
    public void close() {
        all.parallelStream().forEach(Tab::close);
    }
}
