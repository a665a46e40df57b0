package se.portvakt.bench.micro;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.rtp.RtpHeader;
import se.portvakt.sfu.rtp.RtpParser;
import se.portvakt.sfu.rtp.RtpRewriter;

/**
 * The RTP work of forwarding one copy: the full header parse (extensions included; used off the hot path),
 * the field reads the forwarder does instead, and the in-place rewrite with the extension strip a browser
 * subscriber gets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtpBenchmark {
    private final RtpParser parser = new RtpParser();
    private final RtpRewriter rewriter = new RtpRewriter(0xCAFE_F00DL);
    private byte[] chrome;
    private byte[] scratch;

    @Setup
    public void setUp() {
        chrome = SyntheticRtp.withExtensions(0x1234_5678L, 96, 1000, 1150);
        scratch = new byte[chrome.length + 16];
        rewriter.offsets(17, 90_000L);
    }

    @Benchmark
    public RtpHeader parse() {
        return parser.parse(chrome, 0, chrome.length).orElseThrow();
    }

    @Benchmark
    public void readFields(Blackhole bh) {
        bh.consume(RtpFields.ssrc(chrome, 0));
        bh.consume(RtpFields.sequenceNumber(chrome, 0));
        bh.consume(RtpFields.timestamp(chrome, 0));
        bh.consume(RtpFields.payloadType(chrome, 0));
    }

    /** What a subscriber copy does before protect: copy, rewrite SSRC/seq/ts, map the payload type, strip extensions. */
    @Benchmark
    public int copyRewriteStrip() {
        System.arraycopy(chrome, 0, scratch, 0, chrome.length);
        rewriter.rewrite(scratch, 0);
        RtpFields.setPayloadType(scratch, 0, 96);
        return RtpFields.stripExtension(scratch, 0, chrome.length);
    }
}
