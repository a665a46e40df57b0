package se.portvakt.sfu.server;

import java.net.InetSocketAddress;

/** A peer reached by datagrams from the media port. */
record UdpPath(MediaSocket socket, InetSocketAddress remote) implements PeerPath {

    @Override
    public void send(byte[] buf, int off, int len) {
        socket.send(remote, buf, off, len);
    }
}
