package se.portvakt.meeting;

import java.net.InetSocketAddress;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.portvakt.sfu.NodeRegistry;
import se.portvakt.sfu.Placements;
import se.portvakt.sfu.RemoteSfu;
import se.portvakt.sfu.Sfu;
import se.portvakt.sfu.SfuSettings;
import se.portvakt.sfu.Sfus;

/**
 * The SFU: in-process by default, one UDP port for every meeting's media and, unless turned off, one ICE-TCP port
 * beside it, with the BouncyCastle DTLS layer; or, with {@code portvakt.media.nodes} or {@code
 * portvakt.media.node-secret}, SFU nodes driven over their control API ({@link RemoteSfu}, docs/sfu-control.md), the
 * configured ones and those that register with their heartbeats; placements and registry in memory, or in Redis
 * with the cluster ({@code ClusterConfig}). Closed when the application stops.
 */
@Configuration
class MediaConfig {

    @Bean(destroyMethod = "close")
    Sfu sfu(MediaProperties media, Placements placements, NodeRegistry registry) {
        if (media.remote()) {
            return remote(media, placements, registry);
        }
        InetSocketAddress shown =
                media.advertised() ? new InetSocketAddress(media.advertisedAddress(), media.udpPort()) : null;
        InetSocketAddress tcp = media.iceTcpPort().stream()
                .mapToObj(port -> new InetSocketAddress(media.bindAddress(), port))
                .findFirst()
                .orElse(null);
        if (media.packetLoops() < 1) {
            throw new IllegalStateException(
                    "portvakt.media.loops is the number of the SFU's packet loops, at least 1, not " + media.loops());
        }
        SfuSettings settings = SfuSettings.of(new InetSocketAddress(media.bindAddress(), media.udpPort()), shown, tcp)
                .withLoops(media.packetLoops());
        return Sfus.start(media.transportCc() ? settings.withTransportCc() : settings, Clock.systemUTC());
    }

    private static RemoteSfu remote(MediaProperties media, Placements placements, NodeRegistry registry) {
        try {
            return Sfus.remote(media.nodes(), media.nodeSecret(), placements, registry);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "portvakt.media.nodes is set, so portvakt.media.node-secret must be too: " + e.getMessage(), e);
        }
    }
}
