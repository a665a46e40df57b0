package se.portvakt.bench.micro;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import se.portvakt.sfu.ice.IceCredentials;
import se.portvakt.sfu.ice.IceLiteAgent;
import se.portvakt.sfu.ice.IceOutcome;
import se.portvakt.sfu.stun.StunEncoder;
import se.portvakt.sfu.stun.StunIntegrity;
import se.portvakt.sfu.stun.StunMessageType;

/**
 * One ICE connectivity check as a browser sends it (USERNAME, PRIORITY, ICE-CONTROLLING, USE-CANDIDATE,
 * MESSAGE-INTEGRITY, FINGERPRINT) answered by the SFU's ICE-lite agent: decode, verify both, sign the response.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StunBenchmark {
    private final IceLiteAgent agent = new IceLiteAgent(Clock.systemUTC());
    private final InetSocketAddress from = new InetSocketAddress("127.0.0.1", 50_000);
    private byte[] check;

    @Setup
    public void setUp() {
        IceCredentials sfu = IceCredentials.random();
        IceCredentials browser = IceCredentials.random();
        agent.open(sfu, browser);
        check = new StunEncoder(StunMessageType.BINDING_REQUEST, new byte[12])
                .username(sfu.ufrag() + ":" + browser.ufrag())
                .priority(2_113_937_151L)
                .iceControlling(0x1234_5678_9ABC_DEF0L)
                .useCandidate()
                .encode(StunIntegrity.shortTermKey(sfu.pwd()), true);
    }

    @Benchmark
    public byte[] check() {
        IceOutcome outcome = agent.handle(check, 0, check.length, from);
        return outcome.response();
    }
}
