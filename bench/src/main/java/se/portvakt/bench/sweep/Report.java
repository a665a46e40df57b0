package se.portvakt.bench.sweep;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import se.portvakt.bench.peer.MediaProfile;
import se.portvakt.bench.udp.UdpSendLimit;

/** The run's results as a console table and as docs/benchmarks.md. */
public record Report(
        ZonedDateTime date,
        MachineInfo machine,
        SweepOptions options,
        UdpSendLimit.Result udp,
        List<Row> rooms,
        List<Row> fanOut,
        JfrSummary profile,
        Collection<RunResult> micro,
        double microOtherLoad) {

    private static final String HEADER = "| N | server | forwarded pkt/s | CPU us/pkt | server CPU | p50 ms | p99 ms "
            + "| loss | RSS MiB | generator CPU | other load |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

    /** The sweep tables (Markdown, also printed to the console). */
    public String table() {
        StringBuilder sb = new StringBuilder();
        section(sb, "Room of N (everyone publishes audio + video and receives everyone else)", rooms);
        section(sb, "1 publisher to N subscribers", fanOut);
        return sb.toString();
    }

    private void section(StringBuilder sb, String title, List<Row> rows) {
        sb.append("### ").append(title).append("\n\n").append(HEADER);
        for (Row row : rows) {
            Measurement p = row.portvaktMedian();
            Measurement j = row.janusMedian();
            line(sb, row.size(), p);
            if (j != null) {
                line(sb, row.size(), j);
                sb.append(String.format(
                        Locale.ROOT,
                        "| %d | *Portvakt/Janus* | %s | %s | %s | %s | %s | %s | %s | | |%n",
                        row.size(),
                        ratio(p.forwardedPerSecond(), j.forwardedPerSecond()),
                        ratio(p.cpuMicrosPerPacket(), j.cpuMicrosPerPacket()),
                        ratio(p.serverCpuShare(), j.serverCpuShare()),
                        ratio(p.p50Millis(), j.p50Millis()),
                        ratio(p.p99Millis(), j.p99Millis()),
                        ratio(p.loss(), j.loss()),
                        ratio(p.rssMib(), j.rssMib())));
            }
        }
        sb.append('\n');
    }

    private static void line(StringBuilder sb, int size, Measurement m) {
        String mark = m.passes() ? "" : " (over limit)";
        if (m.error() != null) {
            sb.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | failed: %s | | | | | | | | |%n",
                    size,
                    m.target(),
                    m.error().replace('|', '/')));
            return;
        }
        sb.append(String.format(
                Locale.ROOT,
                "| %d | %s%s | %,.0f | %.2f | %.0f %% | %.2f | %.2f | %.3f %% | %.0f | %.0f %% | %.0f %% |%n",
                size,
                m.target(),
                mark,
                m.forwardedPerSecond(),
                m.cpuMicrosPerPacket(),
                100 * m.serverCpuShare(),
                m.p50Millis(),
                m.p99Millis(),
                100 * m.loss(),
                m.rssMib(),
                100 * m.generatorCpuShare(),
                100 * m.otherCpuShare()));
    }

    private static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return a == 0 && b == 0 ? "=" : "-";
        }
        return String.format(Locale.ROOT, "%.2f", a / b);
    }

    /** The three targets, judged on this run. */
    public String targets() {
        StringBuilder sb = new StringBuilder();
        sb.append("| target | measured | verdict |\n|---|---|---|\n");
        // 1: CPU per forwarded packet at most 0.8x Janus's, at the heaviest load both handled
        for (List<Row> rows : List.of(rooms, fanOut)) {
            Row heaviest = null;
            for (Row r : rows) {
                if (r.janusMedian() != null
                        && r.portvaktMedian().passes()
                        && r.janusMedian().passes()) {
                    heaviest = r;
                }
            }
            if (heaviest != null) {
                double ratio = heaviest.portvaktMedian().cpuMicrosPerPacket()
                        / heaviest.janusMedian().cpuMicrosPerPacket();
                sb.append(String.format(
                        Locale.ROOT,
                        "| CPU per forwarded packet <= 0.8x Janus (%s, N=%d, the heaviest "
                                + "point both held) | %.2f us vs %.2f us = %.2fx | %s |%n",
                        heaviest.scenario().label(),
                        heaviest.size(),
                        heaviest.portvaktMedian().cpuMicrosPerPacket(),
                        heaviest.janusMedian().cpuMicrosPerPacket(),
                        ratio,
                        ratio <= 0.8 ? "met" : "missed"));
            } else {
                sb.append("| CPU per forwarded packet <= 0.8x Janus (" + (rows == rooms ? "rooms" : "1 to N")
                        + ") | no point both servers held" + (options.janus() ? "" : " (Janus not run)")
                        + " | not judged |\n");
            }
        }
        // 2: forwarded packets/s at 1 % loss (the wording: loss alone) within 60 % of the bare UDP send limit
        Measurement best = null;
        boolean lostSomewhere = false;
        for (Row r : concat()) {
            Measurement p = r.portvaktMedian();
            boolean held = p.error() == null && p.loss() <= 0.01;
            if (held && (best == null || p.forwardedPerSecond() > best.forwardedPerSecond())) {
                best = p;
            }
            lostSomewhere |= !held;
        }
        if (best != null) {
            double share = best.forwardedPerSecond() / udp.packetsPerSecond();
            sb.append(String.format(
                    Locale.ROOT,
                    "| forwarded pkt/s at <= 1 %% loss >= 60 %% of the bare UDP send loop "
                            + "(%,.0f/s) | %,.0f/s (%s, N=%d) = %.0f %%%s | %s |%n",
                    udp.packetsPerSecond(),
                    best.forwardedPerSecond(),
                    best.scenario(),
                    best.size(),
                    100 * share,
                    lostSomewhere
                            ? ""
                            : " (loss never passed 1 %: the sweep stopped at the delay limit, so a lower bound)",
                    share >= 0.6 ? "met" : "missed"));
        }
        // 3: p99 added delay under 5 ms at half of the maximum load (1 to N, where the load doubles)
        Row max = null;
        Row half = null;
        boolean portvaktBroke = false;
        for (Row r : fanOut) {
            if (r.portvaktMedian().passes()) {
                half = max;
                max = r;
            } else {
                portvaktBroke = true;
                break;
            }
        }
        if (half != null) {
            double p99 = half.portvaktMedian().p99Millis();
            sb.append(String.format(
                    Locale.ROOT,
                    "| p99 delay < 5 ms at half the maximum load (1 to N: max N=%d%s, "
                            + "half N=%d) | %.2f ms | %s |%n",
                    max.size(),
                    portvaktBroke ? "" : ", the largest run",
                    half.size(),
                    p99,
                    p99 < 5 ? "met" : "missed"));
        } else {
            sb.append(
                    "| p99 delay < 5 ms at half the maximum load | not enough 1-to-N points within the limits | not judged |\n");
        }
        return sb.toString();
    }

    private List<Row> concat() {
        return java.util.stream.Stream.concat(rooms.stream(), fanOut.stream()).toList();
    }

    public String markdown() {
        MediaProfile media = MediaProfile.CAMERA_AND_MIC;
        StringBuilder sb = new StringBuilder();
        sb.append("# Benchmarks: Portvakt's SFU and Janus\n\n");
        sb.append("Generated by `bench/run.sh` on ")
                .append(date.format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append("; rerun it to regenerate this file (edits are overwritten). Every number here was measured in "
                        + "that one run.\n\n");
        sb.append("## Machine\n\n");
        sb.append("| | |\n|---|---|\n");
        sb.append("| CPU | ")
                .append(machine.cpu())
                .append(", ")
                .append(machine.cores())
                .append(" cores |\n");
        sb.append("| memory | ")
                .append(String.format(Locale.ROOT, "%,d MiB", machine.memoryMib()))
                .append(" |\n");
        sb.append("| kernel | ").append(machine.kernel()).append(" |\n");
        sb.append("| JVM (generator and Portvakt) | ").append(machine.java()).append(" |\n");
        sb.append("| JVM flags | generator: the defaults (G1); Portvakt's SFU: ")
                .append(sfuFlags())
                .append(" |\n");
        sb.append("| Janus | ").append(machine.janus()).append(" (Debian package `janus`), VideoRoom, ICE-lite |\n\n");
        sb.append("## The run\n\n");
        sb.append(String.format(
                Locale.ROOT,
                "`bench/run.sh` with %s: each point measured over a %.0f s window after "
                        + "%.0f s of media, %d times on each server (alternating Portvakt, Janus), medians shown. Rooms of "
                        + "%s; 1 to N from N=%d doubling until both servers exceed 1 %% loss or 50 ms p99, or N=%d.%n%n",
                "the defaults",
                options.seconds(),
                options.settleSeconds(),
                options.repeats(),
                options.roomSizes(),
                options.fanOutStart(),
                options.fanOutMax()));
        sb.append(String.format(
                Locale.ROOT,
                "Each publisher sends VP8 at %d fps x %d packets of %d payload bytes "
                        + "(keyframes %dx, at the start and on PLI/FIR) and Opus every %d ms (%d bytes): %d packets/s, "
                        + "%.2f Mbit/s, every packet with Chrome's header extensions (abs-send-time, transport-wide-cc, "
                        + "mid, audio level) and a 20-byte trailer with the send time. SRTP profile chosen by the servers: "
                        + "%s.%n%n",
                media.videoFps(),
                media.videoPacketsPerFrame(),
                media.videoPayload(),
                media.keyframeFactor(),
                media.audioPtimeMillis(),
                media.audioPayload(),
                media.packetsPerSecond(),
                media.bitsPerSecond() / 1e6,
                profiles()));
        sb.append(String.format(
                Locale.ROOT,
                "**Physical limit:** one Java thread sending %d-byte datagrams with "
                        + "`DatagramChannel.send` to %d local sockets: **%,.0f datagrams/s** (%.2f us each). No "
                        + "single-threaded forwarder on this machine's socket path can send faster. (Its receivers "
                        + "never read, so the kernel drops at their full buffers; a forwarder's sends on loopback also "
                        + "pay for waking the receiving generator, which makes this limit generous.)%n%n",
                udp.packetSize(),
                udp.receivers(),
                udp.packetsPerSecond(),
                1e6 / udp.packetsPerSecond()));
        sb.append("## Sweep\n\n").append(COLUMNS).append('\n').append(table());
        sb.append("## Targets\n\n").append(targets()).append('\n');
        if (profile != null) {
            sb.append("## Where Portvakt's packet loop spends its time (JFR, inside the measurement windows)\n\n");
            sb.append(String.format(
                    Locale.ROOT,
                    "The SFU's loop thread (`sfu-udp-*`) was sampled %,d times busy and "
                            + "%,d times waiting in its selector (idle); shares below are of the busy samples, Java and native "
                            + "code together. Other threads of the SFU's JVM (DTLS handshakes, GC, JIT, JFR) add %,d Java "
                            + "samples.%n%n",
                    profile.busySamples(),
                    profile.idleSamples(),
                    profile.otherThreadSamples()));
            entries(sb, "busy loop samples by method on top of the stack", profile.topLeaf(), profile.busySamples());
            entries(
                    sb,
                    "busy loop samples by first Portvakt method on the stack",
                    profile.topPortvakt(),
                    profile.busySamples());
        }
        if (!micro.isEmpty()) {
            sb.append("## Microbenchmarks (JMH, 1 fork, 2 x 1 s warm-up, 3 x 1 s measurement)\n\n");
            sb.append(String.format(
                    Locale.ROOT,
                    "Other processes used about %.0f %% of a core on average while these ran (the machine's busy time less one core for JMH's own fork)%s%n%n",
                    100 * microOtherLoad,
                    microOtherLoad > 0.25
                            ? ": they were disturbed, read the errors; `java -jar bench/target/portvakt-bench.jar micro` "
                                    + "reruns them alone."
                            : "."));
            sb.append("| benchmark | parameters | score | unit |\n|---|---|---:|---|\n");
            for (RunResult r : micro) {
                var params = r.getParams();
                StringBuilder p = new StringBuilder();
                for (String key : params.getParamsKeys()) {
                    p.append(key).append('=').append(params.getParam(key)).append(' ');
                }
                String name = params.getBenchmark()
                        .substring(params.getBenchmark()
                                        .lastIndexOf('.', params.getBenchmark().lastIndexOf('.') - 1)
                                + 1);
                sb.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.1f ± %.1f | %s |%n",
                        name,
                        p.toString().trim(),
                        r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScoreError(),
                        r.getPrimaryResult().getScoreUnit()));
            }
            sb.append('\n');
        }
        sb.append(READING);
        return sb.toString();
    }

    private String profiles() {
        return concat().stream()
                .flatMap(r -> java.util.stream.Stream.concat(r.portvakt().stream(), r.janus().stream()))
                .filter(m -> m.error() == null)
                .map(m -> m.target() + " " + m.profile())
                .distinct()
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElse("-");
    }

    private static void entries(StringBuilder sb, String title, List<Map.Entry<String, Long>> entries, long total) {
        sb.append("| ").append(title).append(" | share |\n|---|---:|\n");
        for (Map.Entry<String, Long> e : entries) {
            sb.append(String.format(
                    Locale.ROOT, "| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)));
        }
        sb.append('\n');
    }

    private static final String COLUMNS = """
            Columns: **forwarded pkt/s**, RTP packets per second that reached the generator's receivers (repairs
            included); **CPU us/pkt**, the server process's user + system CPU time (all threads, from /proc/PID/stat)
            per forwarded packet; **server CPU**, that time over the window (100 % = one core); **p50/p99 ms**,
            send-to-receive delay of the window's packets through the server (the generator's own send and receive
            included: it is the added delay plus two loopback hops); **loss**, packets sent in the window that never
            reached a receiver that should have had them (after NACK repair, 0.5 s grace); **RSS**, the server's
            resident memory at the window's end; **generator CPU**, the load generator's own process (on the same two
            cores: near 100 % it, not the server, is the limit); **other load**, every other process on the machine in
            the window (a point measured while others used over 25 % of a core is measured once more after a quiet
            second, and the calmer of the two kept). Rows marked "over limit" exceed 1 % loss or 50 ms p99.
            """;

    private static final String READING = """
            ## Reading these numbers

            - **One machine, two cores, shared.** The generator (Java: SRTP unprotect of every copy, one receive thread)
              runs on the same two cores as the server under test. At high load the generator's CPU and the server's
              compete; the generator CPU column shows when the generator, not the server, sets the ceiling. The servers
              are not pinned to cores.
            - **Same wire workload, each server's own signaling.** Portvakt: one connection per participant (sendonly
              tracks and recvonly slots, re-offered once everyone joined, as the app's `renegotiate` makes browsers do),
              through a local HTTP endpoint in the SFU's JVM (`se.portvakt.bench.portvakt.SfuServer`) that calls
              `Sfu.negotiate` directly: the app's login and waiting room are bypassed, the forwarding path is the
              production one (`Sfus.start`). Janus: janus.js's layout, one publisher handle and connection plus one
              multistream subscriber handle and connection per participant, over the HTTP API.
            - **DTLS roles.** The generator is always the DTLS client. Browsers offer `actpass` and Janus then acts as
              the client, so for Janus publishers the generator offers `setup:active` instead (Janus becomes the DTLS
              server); the per-packet SRTP work does not depend on the role.
            - **ICE.** The generator is the controlling agent with aggressive nomination (USE-CANDIDATE) and answers
              the servers' checks (libnice sends a triggered check even in Janus's lite mode). Janus's libnice gathers
              no loopback candidates, so its traffic goes to the machine's own address (still the kernel's loopback
              path).
            - **Fixed sending rate.** Publishers do not adapt to REMB or transport-cc feedback (both servers send it);
              the Janus rooms have `bitrate` set to Portvakt's REMB ceiling, 2.5 Mbit/s, which the workload stays under.
            - **CPU per packet at light load** includes each server's fixed background work (Portvakt's 10 ms timer loop
              and the JVM's GC and JIT threads; Janus's per-handle loops), so it falls as the load grows; compare the
              heavier points.
            - **Time to picture** (browser-driven, in the app's test tree) is appended below by `bench/run.sh`.

            ## What would close a gap

            The forwarding path of Portvakt's SFU is one thread (`UdpSfu`'s loop) doing, per forwarded copy, a copy,
            header rewrite, SRTP protect and one `DatagramChannel.send` system call; the JFR tables above show how that
            splits on this run. The known levers, in order of expected gain: shard rooms over several loop threads and
            sockets (SO_REUSEPORT), so a 2-core machine can use both cores (docs/sfu.md lists it as not done); batch
            sends (sendmmsg or UDP GSO need native code from Java, e.g. through JNA; the spec's C anchor is 3.25 us per
            sendto against 2.70 us per packet with sendmmsg(32)); and AES-GCM everywhere (the cheaper profile, see
            the SRTP microbenchmark). The loop already sends out of one reused direct buffer rather than wrapping each
            heap array (`UdpSendBenchmark` compares the two).
            """;

    /** The flags the SFU's JVM ran with, and whether they are a production SFU node's. */
    private static String sfuFlags() {
        List<String> flags = se.portvakt.bench.portvakt.SfuJvmFlags.flags();
        String shown = flags.isEmpty() ? "none" : "`" + String.join(" ", flags) + "`";
        return se.portvakt.bench.portvakt.SfuJvmFlags.production(flags)
                ? shown + " (a production SFU node's, `deploy/sfu-node.jvm-options`) and a JFR recording"
                : shown + " (set by " + se.portvakt.bench.portvakt.SfuJvmFlags.OVERRIDE
                        + ", not production's) and a JFR recording";
    }
}
