package se.portvakt.bench.micro;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import se.portvakt.sfu.forward.Endpoint;
import se.portvakt.sfu.forward.MediaKind;
import se.portvakt.sfu.forward.PublisherStream;
import se.portvakt.sfu.forward.SrtpTransport;
import se.portvakt.sfu.forward.StreamSettings;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.srtp.SrtpKeys;
import se.portvakt.sfu.srtp.SrtpProfile;
import se.portvakt.sfu.srtp.SrtpSession;

/**
 * One plain (already unprotected) video packet fanned out to N subscribers: cache store, loss detection,
 * then per copy the copy, rewrite, extension strip-free pass-through route, SRTP protect and a sink that
 * only counts (no socket: the socket's cost is the UDP limit measured elsewhere). Divide by N for a copy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FanOutBenchmark {

    @Param({"1", "8", "50"})
    public int subscribers;

    @Param({"AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    private PublisherStream camera;
    private byte[] packet;
    private byte[] buf;
    private int seq;
    private long sent;

    @Setup
    public void setUp() {
        Random random = new Random(11);
        SrtpTransport publisherSide = new SrtpTransport(session(random), (b, off, len) -> sent++);
        Endpoint publisher = new Endpoint("publisher", 0x5F00_0000L, publisherSide, StreamSettings.DEFAULTS);
        camera = publisher.publish(0xA1L, MediaKind.VIDEO, true);
        for (int i = 0; i < subscribers; i++) {
            SrtpTransport transport = new SrtpTransport(session(random), (b, off, len) -> sent++);
            Endpoint subscriber = new Endpoint("subscriber-" + i, 0x5F00_1000L + i, transport, StreamSettings.DEFAULTS);
            subscriber.subscribe(camera, 0xB000L + i, System.nanoTime());
        }
        packet = SyntheticRtp.packet(0xA1L, 96, 0, 1188);
        buf = new byte[1600];
    }

    private SrtpSession session(Random random) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        random.nextBytes(material);
        return SrtpSession.open(SrtpKeys.fromDtls(profile, material, true));
    }

    @Benchmark
    public long fanOut() {
        System.arraycopy(packet, 0, buf, 0, packet.length);
        RtpFields.setSequenceNumber(buf, 0, seq & 0xFFFF);
        RtpFields.setTimestamp(buf, 0, 3000L * (seq / 3));
        seq++;
        camera.onRtp(buf, 0, packet.length, System.nanoTime());
        return sent;
    }
}
