package se.portvakt.sfu;

import java.net.InetSocketAddress;
import java.time.Duration;
import se.portvakt.sfu.forward.StreamSettings;

/**
 * Settings of one SFU instance.
 *
 * @param bind          UDP address to bind; port 0 picks a free one (tests)
 * @param advertised    the host candidate put into answers; usually the bind address, or the
 *                      public address when the bind address is a wildcard
 * @param tcpBind       the ICE-TCP address to listen on (RFC 6544 passive candidate), or null for UDP only; port 0
 *                      picks a free one. Answers advertise it at the advertised address with this port.
 * @param tickInterval  how often the loop runs timers (NACK, keyframe, reports); bounds NACK latency
 * @param streams       per-stream forwarding settings
 * @param transportCc   answer transport-wide congestion control (and send its feedback instead of REMB); off by
 *                      default: with it, Chrome's send-side estimator held a publisher at 90 kbit/s in MeetingMediaIT
 *                      on this loaded test machine (docs/sfu.md, "Transport-wide congestion control")
 * @param downlinkBudget fit each receiver's layers to its downlink estimate (docs/sfu.md, "Downlink estimate and layer
 *                      choice"); on by default
 * @param loops         packet loops, each a thread with its own UDP socket (and ICE-TCP listener) on the next port
 *                      number after the last loop's (when the port is not 0), each carrying whole meetings
 *                      (docs/sfu.md, "Threads"); at least 1
 */
public record SfuSettings(
        InetSocketAddress bind,
        InetSocketAddress advertised,
        InetSocketAddress tcpBind,
        Duration tickInterval,
        StreamSettings streams,
        boolean transportCc,
        boolean downlinkBudget,
        int loops) {

    public SfuSettings {
        if (loops < 1) {
            throw new IllegalArgumentException("the SFU needs at least one packet loop, not " + loops);
        }
    }

    public SfuSettings(
            InetSocketAddress bind,
            InetSocketAddress advertised,
            InetSocketAddress tcpBind,
            Duration tickInterval,
            StreamSettings streams) {
        this(bind, advertised, tcpBind, tickInterval, streams, false, true, 1);
    }

    /** UDP only. */
    public SfuSettings(
            InetSocketAddress bind, InetSocketAddress advertised, Duration tickInterval, StreamSettings streams) {
        this(bind, advertised, null, tickInterval, streams);
    }

    /**
     * The production SFU's settings: 10 ms ticks, the default stream settings, the downlink budget on, a packet loop
     * per core.
     */
    public static SfuSettings of(InetSocketAddress bind, InetSocketAddress advertised, InetSocketAddress tcpBind) {
        return new SfuSettings(bind, advertised, tcpBind, Duration.ofMillis(10), StreamSettings.DEFAULTS)
                .withLoops(defaultLoops());
    }

    /** A packet loop per core the JVM may use. */
    public static int defaultLoops() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Loopback on a free port, 10 ms ticks: what tests use. */
    public static SfuSettings loopback() {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        return new SfuSettings(any, null, Duration.ofMillis(10), StreamSettings.DEFAULTS);
    }

    /** The same with ICE-TCP on {@code tcpBind}. */
    public SfuSettings withTcp(InetSocketAddress tcpBind) {
        return new SfuSettings(bind, advertised, tcpBind, tickInterval, streams, transportCc, downlinkBudget, loops);
    }

    /** The same fitting each receiver's layers to its downlink estimate (the default; for tests that say so). */
    public SfuSettings withDownlinkBudget() {
        return new SfuSettings(bind, advertised, tcpBind, tickInterval, streams, transportCc, true, loops);
    }

    /** The same answering transport-cc. */
    public SfuSettings withTransportCc() {
        return new SfuSettings(bind, advertised, tcpBind, tickInterval, streams, true, downlinkBudget, loops);
    }

    /** The same with {@code loops} packet loops. */
    public SfuSettings withLoops(int loops) {
        return new SfuSettings(bind, advertised, tcpBind, tickInterval, streams, transportCc, downlinkBudget, loops);
    }

    /**
     * Loop {@code index}'s own settings (one loop): each port {@code index} past this one's, a port 0 left 0 (any
     * free one).
     */
    public SfuSettings forLoop(int index) {
        return new SfuSettings(
                shifted(bind, index),
                shifted(advertised, index),
                shifted(tcpBind, index),
                tickInterval,
                streams,
                transportCc,
                downlinkBudget,
                1);
    }

    private static InetSocketAddress shifted(InetSocketAddress address, int by) {
        if (address == null || address.getPort() == 0) {
            return address;
        }
        int port = address.getPort() + by;
        if (port > 65535) {
            throw new IllegalArgumentException("packet loop " + by + " would need port " + port + " (past 65535)");
        }
        return address.isUnresolved()
                ? InetSocketAddress.createUnresolved(address.getHostString(), port)
                : new InetSocketAddress(address.getAddress(), port);
    }
}
