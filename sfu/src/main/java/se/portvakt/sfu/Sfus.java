package se.portvakt.sfu;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import se.portvakt.sfu.dtls.BouncyCastleDtlsLayer;
import se.portvakt.sfu.node.NodesClient;
import se.portvakt.sfu.server.ShardedSfu;
import se.portvakt.sfu.server.UdpSfu;
import se.portvakt.sfu.srtp.SrtpSession;

/**
 * Starts the production SFU: {@link UdpSfu} (or {@link ShardedSfu}, one per packet loop) with the BouncyCastle DTLS
 * layer, closed together; or {@link #remote}: SFU
 * nodes, processes of their own, driven over their control API.
 */
public final class Sfus {

    private Sfus() {}

    /**
     * @param bind       the UDP address to receive on; port 0 picks a free one
     * @param advertised our host candidate in answers, or null for the bound address
     */
    public static Sfu start(InetSocketAddress bind, InetSocketAddress advertised, Clock clock) {
        return start(SfuSettings.of(bind, advertised, null), clock);
    }

    /** With every setting given (for example transport-cc on: {@link SfuSettings#withTransportCc()}). */
    public static Sfu start(SfuSettings settings, Clock clock) {
        // jitsi-srtp benchmarks its AES providers on first use (seconds); pay that now, not on the first call
        Thread warmUp = new Thread(SrtpSession::warmUp, "sfu-srtp-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        BouncyCastleDtlsLayer dtls = new BouncyCastleDtlsLayer();
        try {
            return settings.loops() == 1
                    ? UdpSfu.start(settings, dtls, clock).closeWith(dtls)
                    : ShardedSfu.start(settings, dtls, clock).closeWith(dtls);
        } catch (RuntimeException e) {
            dtls.close();
            throw e;
        }
    }

    /**
     * The SFU on these nodes and those that register with their heartbeats (docs/sfu-control.md): each meeting placed
     * on the least loaded of them, placements and nodes kept in this process's memory, the nodes watched.
     *
     * @param nodes  the configured nodes' control URLs, e.g. {@code http://10.0.0.5:8444}; may be none
     * @param secret the bearer secret the nodes and the app share, at least 16 characters
     * @throws IllegalArgumentException with a shorter secret
     */
    public static RemoteSfu remote(List<URI> nodes, String secret) {
        return remote(nodes, secret, Placements.inMemory(), NodeRegistry.inMemory());
    }

    /** The same with the placements and the registry kept where the caller says (Redis, for several app nodes). */
    public static RemoteSfu remote(List<URI> nodes, String secret, Placements placements, NodeRegistry registry) {
        return new NodesClient(nodes, secret, placements, registry, Clock.systemUTC()).watch();
    }
}
