package se.portvakt.sfu.sdp;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * One of the SFU's host candidates in an answer: its UDP port, or its TCP port as an RFC 6544 passive candidate
 * (the browser connects; media framed as RFC 4571 on that connection), for networks that let only TCP out.
 */
public record HostCandidate(Protocol protocol, InetSocketAddress address) {

    public enum Protocol {
        UDP,
        TCP
    }

    public static HostCandidate udp(InetSocketAddress address) {
        return new HostCandidate(Protocol.UDP, address);
    }

    public static HostCandidate tcp(InetSocketAddress address) {
        return new HostCandidate(Protocol.TCP, address);
    }

    /**
     * The a=candidate value, component 1 (rtcp-mux). Priority per RFC 8445 section 5.1.2.1 (host type preference
     * 126, IPv4 before IPv6); a TCP candidate's local preference follows RFC 6544 section 4.2 (passive direction
     * preference 4, so 2^13 * 4 + 8191), below every UDP candidate: a browser that can use UDP does.
     */
    String attributeValue(int foundation) {
        boolean ipv6 = address.getAddress() instanceof Inet6Address;
        int localPreference = protocol == Protocol.UDP ? 65535 : (1 << 13) * 4 + 8191;
        long priority = (126L << 24) | ((long) (localPreference - (ipv6 ? 1 : 0)) << 8) | (256 - 1);
        String value = foundation + " 1 " + (protocol == Protocol.UDP ? "udp" : "tcp") + " " + priority + " "
                + address.getAddress().getHostAddress() + " " + address.getPort() + " typ host";
        return protocol == Protocol.UDP ? value : value + " tcptype passive";
    }
}
