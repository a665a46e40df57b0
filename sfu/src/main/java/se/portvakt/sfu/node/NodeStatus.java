package se.portvakt.sfu.node;

import se.portvakt.sfu.SfuTotals;

/**
 * What {@code GET /node} answers: where browsers send this node's media, how loaded it is, its counters.
 *
 * @param address       the host browsers reach (the advertised address, else the bound one)
 * @param udpPort       the first packet loop's UDP port
 * @param tcpPort       the first packet loop's ICE-TCP port, or null without ICE-TCP
 * @param udpPorts      every packet loop's UDP port, the first included: a meeting's media goes to one of them
 * @param tcpPorts      every packet loop's ICE-TCP port; empty without ICE-TCP
 * @param meetings      rooms open now (echo sessions included)
 * @param participants  participants in them now: the load a new meeting is placed by
 * @param eventsDropped events not delivered to the app (queue full, or every retry failed) since start
 * @param totals        the node's counters since start
 */
public record NodeStatus(
        String address,
        int udpPort,
        Integer tcpPort,
        java.util.List<Integer> udpPorts,
        java.util.List<Integer> tcpPorts,
        int meetings,
        int participants,
        long eventsDropped,
        SfuTotals totals) {

    public NodeStatus {
        udpPorts = udpPorts == null ? java.util.List.of(udpPort) : java.util.List.copyOf(udpPorts);
        tcpPorts = tcpPorts == null ? java.util.List.of() : java.util.List.copyOf(tcpPorts);
    }
}
