package se.portvakt.sfu.server;

import java.net.InetSocketAddress;

/** Where a participant's packets go: a UDP address on the media port, or its ICE-TCP connection. */
sealed interface PeerPath permits UdpPath, TcpConnection {

    /** Sends one packet (a datagram, or one RFC 4571 frame); failures are counted, never thrown. */
    void send(byte[] buf, int off, int len);

    /** The peer's address as ICE sees it (XOR-MAPPED-ADDRESS, consent). */
    InetSocketAddress remote();
}
