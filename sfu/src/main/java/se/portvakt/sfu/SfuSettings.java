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
 */
public record SfuSettings(
        InetSocketAddress bind,
        InetSocketAddress advertised,
        InetSocketAddress tcpBind,
        Duration tickInterval,
        StreamSettings streams,
        boolean transportCc,
        boolean downlinkBudget) {

    public SfuSettings(
            InetSocketAddress bind,
            InetSocketAddress advertised,
            InetSocketAddress tcpBind,
            Duration tickInterval,
            StreamSettings streams) {
        this(bind, advertised, tcpBind, tickInterval, streams, false, true);
    }

    /** UDP only. */
    public SfuSettings(
            InetSocketAddress bind, InetSocketAddress advertised, Duration tickInterval, StreamSettings streams) {
        this(bind, advertised, null, tickInterval, streams);
    }

    /** The production SFU's settings: 10 ms ticks, the default stream settings, the downlink budget on. */
    public static SfuSettings of(InetSocketAddress bind, InetSocketAddress advertised, InetSocketAddress tcpBind) {
        return new SfuSettings(bind, advertised, tcpBind, Duration.ofMillis(10), StreamSettings.DEFAULTS);
    }

    /** Loopback on a free port, 10 ms ticks: what tests use. */
    public static SfuSettings loopback() {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        return new SfuSettings(any, null, Duration.ofMillis(10), StreamSettings.DEFAULTS);
    }

    /** The same with ICE-TCP on {@code tcpBind}. */
    public SfuSettings withTcp(InetSocketAddress tcpBind) {
        return new SfuSettings(bind, advertised, tcpBind, tickInterval, streams, transportCc, downlinkBudget);
    }

    /** The same fitting each receiver's layers to its downlink estimate (the default; for tests that say so). */
    public SfuSettings withDownlinkBudget() {
        return new SfuSettings(bind, advertised, tcpBind, tickInterval, streams, transportCc, true);
    }

    /** The same answering transport-cc. */
    public SfuSettings withTransportCc() {
        return new SfuSettings(bind, advertised, tcpBind, tickInterval, streams, true, downlinkBudget);
    }
}
