package se.portvakt.meeting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process SFU's one UDP socket (ICE-lite, BUNDLE, rtcp-mux; see docs/sfu.md).
 *
 * @param bindAddress where the UDP socket listens; {@code 0.0.0.0} to take media from other machines
 * @param udpPort the UDP port for every meeting's media, 0 for any free one (tests); open it in the firewall
 * @param advertisedAddress the address browsers are told to send media to (our ICE host candidate), with the same
 *     port; the public or NAT address of this host. Unset: the bind address (embedded default only; production
 *     refuses to start without it)
 */
@ConfigurationProperties("portvakt.media")
record MediaProperties(
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("10000") int udpPort,
        String advertisedAddress) {

    boolean advertised() {
        return advertisedAddress != null && !advertisedAddress.isBlank();
    }
}
