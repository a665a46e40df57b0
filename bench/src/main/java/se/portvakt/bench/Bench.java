package se.portvakt.bench;

import java.util.Arrays;

/** The benchmark jar's entry point: one subcommand per tool. */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "micro" -> org.openjdk.jmh.Main.main(rest);
            case "udp-limit" -> se.portvakt.bench.udp.BatchedSendLimit.main(rest);
            case "run" -> se.portvakt.bench.sweep.Sweep.main(rest);
            case "try" -> se.portvakt.bench.sweep.TryPoint.main(rest);
            case "sfu-server" -> se.portvakt.bench.portvakt.SfuServer.main(rest);
            case "signaling" -> se.portvakt.bench.signaling.SignalingBenchmark.main(rest);
            default -> {
                System.out.println("""
                        usage: java -jar portvakt-bench.jar COMMAND [options]
                          run [--seconds 8 --repeats 3 --rooms 4,8,12,16 --fanout-start 25 --fanout-max 1600
                               --meetings 1,2,4,8,16 --no-janus --no-micro --out DIR --doc docs/benchmarks.md]
                                                the whole benchmark: JMH, UDP limit, the sweep on Portvakt and Janus
                          try portvakt|janus room|fanout|rooms N [seconds]
                                                one point on one server (rooms: N meetings of 8)
                          micro [JMH options]   the JMH microbenchmarks of the hot path (e.g. micro -f 1 -wi 3 -i 5)
                          udp-limit [size]      the bare UDP send loop: datagrams/s one thread can send here, then
                                                the same with libc's sendto and with sendmmsg
                          signaling [--meetings 100 --guests 9 --rates 25,50,100,200 --nodes 1,2
                                     --jar app/target/portvakt.jar --schema bench_signaling --out DIR
                                     --doc docs/benchmarks.md | --no-doc]
                                                issue 13: admit to state over one app node, then two
                        """);
            }
        }
    }
}
