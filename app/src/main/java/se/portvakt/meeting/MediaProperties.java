package se.portvakt.meeting;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process SFU's media ports (ICE-lite, BUNDLE, rtcp-mux; see docs/sfu.md): one UDP port for everyone, and
 * one TCP port for browsers whose network lets no UDP out (ICE-TCP, RFC 6544).
 *
 * @param bindAddress where the UDP socket listens; {@code 0.0.0.0} to take media from other machines
 * @param udpPort the first packet loop's UDP port, 0 for any free one (tests); loop i takes the port i past it.
 *     Open them all in the firewall (udp-port to udp-port + loops - 1)
 * @param tcpPort the first loop's ICE-TCP port, the others following as for UDP; unset: the UDP port's number (0:
 *     any free one), -1: no ICE-TCP. Open them in the firewall too
 * @param loops the SFU's packet loops, each a thread with its own ports carrying whole meetings (docs/sfu.md,
 *     "Threads"); unset: one per core
 * @param advertisedAddress the address browsers are told to send media to (our ICE host candidate), with the same
 *     port; the public or NAT address of this host. Unset: the bind address (embedded default only; production
 *     refuses to start without it)
 * @param transportCc answer transport-wide congestion control to publishers instead of REMB (on by default; each
 *     arrival is the kernel's receive stamp on Linux: docs/sfu.md). Off: REMB from the SFU's loss-based estimate
 * @param nodes the control URLs of SFU nodes known from the start (docs/sfu-control.md), e.g. {@code
 *     http://10.0.0.5:8444}; more register with their heartbeats. Each meeting's media then goes to the least loaded
 *     node and no SFU runs in this process (the settings above are the nodes' own then)
 * @param nodeSecret the bearer secret shared with the SFU nodes (their {@code portvakt.sfu.secret}), at least 16
 *     characters; required with {@code nodes}. Set alone, nodes only register themselves. The nodes send their events
 *     and heartbeats to this app's {@code /internal/sfu/events} with it. Neither set (the default): the in-process SFU
 */
@ConfigurationProperties("portvakt.media")
record MediaProperties(
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("10000") int udpPort,
        Integer tcpPort,
        String advertisedAddress,
        @DefaultValue("true") boolean transportCc,
        Integer loops,
        @DefaultValue List<URI> nodes,
        String nodeSecret) {

    /** The TCP port to listen on, or empty without ICE-TCP. */
    java.util.OptionalInt iceTcpPort() {
        int port = tcpPort == null ? udpPort : tcpPort;
        return port < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(port);
    }

    /** The packet loops to run: as set, else one per core. */
    int packetLoops() {
        return loops == null ? se.portvakt.sfu.SfuSettings.defaultLoops() : loops;
    }

    /** Whether SFU nodes carry the media instead of the in-process SFU. */
    boolean remote() {
        return !nodes.isEmpty() || (nodeSecret != null && !nodeSecret.isBlank());
    }

    boolean advertised() {
        return advertisedAddress != null && !advertisedAddress.isBlank();
    }
}
