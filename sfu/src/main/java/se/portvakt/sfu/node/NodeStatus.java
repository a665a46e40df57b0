package se.portvakt.sfu.node;

import se.portvakt.sfu.SfuTotals;

/**
 * What {@code GET /node} answers: where browsers send this node's media, how loaded it is, its counters.
 *
 * @param address       the host browsers reach (the advertised address, else the bound one)
 * @param udpPort       the UDP port of every meeting's media
 * @param tcpPort       the ICE-TCP port, or null without ICE-TCP
 * @param meetings      rooms open now (echo sessions included)
 * @param participants  participants in them now: the load a new meeting is placed by
 * @param eventsDropped events not delivered to the app (queue full, or every retry failed) since start
 * @param totals        the node's counters since start
 */
public record NodeStatus(
        String address,
        int udpPort,
        Integer tcpPort,
        int meetings,
        int participants,
        long eventsDropped,
        SfuTotals totals) {}
