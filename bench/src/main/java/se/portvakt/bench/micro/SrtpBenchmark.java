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
import org.openjdk.jmh.annotations.TearDown;
import se.portvakt.sfu.rtp.RtpFields;
import se.portvakt.sfu.srtp.SrtpKeys;
import se.portvakt.sfu.srtp.SrtpProfile;
import se.portvakt.sfu.srtp.SrtpSession;

/**
 * SRTP protect alone, and protect followed by the peer's unprotect (the unprotect cost is the difference),
 * per profile and packet size. Each operation copies the plain packet in first (protect works in place).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SrtpBenchmark {

    @Param({"AES_CM_128_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    /** Bytes of RTP payload after the 12-byte header: an Opus frame, a full video packet. */
    @Param({"100", "1188"})
    public int payload;

    private SrtpSession sender;
    private SrtpSession receiver;
    private byte[] plain;
    private byte[] buf;
    private int seq;

    @Setup
    public void setUp() {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new Random(7).nextBytes(material);
        sender = SrtpSession.open(SrtpKeys.fromDtls(profile, material, false));
        receiver = SrtpSession.open(SrtpKeys.fromDtls(profile, material, true));
        plain = SyntheticRtp.packet(0x1234_5678L, 96, 0, payload);
        buf = new byte[plain.length + profile.rtpOverhead()];
    }

    @TearDown
    public void tearDown() {
        sender.close();
        receiver.close();
    }

    @Benchmark
    public int protect() {
        System.arraycopy(plain, 0, buf, 0, plain.length);
        RtpFields.setSequenceNumber(buf, 0, seq++ & 0xFFFF);
        return sender.protectRtp(buf, 0, plain.length);
    }

    @Benchmark
    public int protectThenUnprotect() {
        System.arraycopy(plain, 0, buf, 0, plain.length);
        RtpFields.setSequenceNumber(buf, 0, seq++ & 0xFFFF);
        int len = sender.protectRtp(buf, 0, plain.length);
        return receiver.unprotectRtp(buf, 0, len);
    }
}
