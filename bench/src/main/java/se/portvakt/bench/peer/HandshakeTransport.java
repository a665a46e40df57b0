package se.portvakt.bench.peer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.bouncycastle.tls.DatagramTransport;

/**
 * BouncyCastle's view of the connection's socket while the DTLS handshake runs (the channel is still blocking):
 * datagrams that are not DTLS records (first byte 20-63, RFC 7983) are skipped.
 */
final class HandshakeTransport implements DatagramTransport {
    private static final int MTU = 1200;

    private final DatagramChannel channel;
    private final InetSocketAddress remote;

    HandshakeTransport(DatagramChannel channel, InetSocketAddress remote) {
        this.channel = channel;
        this.remote = remote;
    }

    @Override
    public int getReceiveLimit() {
        return 1500;
    }

    @Override
    public int getSendLimit() {
        return MTU;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        long deadline = System.currentTimeMillis() + Math.max(1, waitMillis);
        DatagramPacket packet = new DatagramPacket(buf, off, len);
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return -1;
            }
            channel.socket().setSoTimeout((int) left);
            try {
                packet.setData(buf, off, len);
                channel.socket().receive(packet);
            } catch (SocketTimeoutException e) {
                return -1;
            }
            int first = buf[off] & 0xFF;
            if (packet.getLength() > 0 && first >= 20 && first <= 63) {
                return packet.getLength();
            }
        }
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        channel.send(ByteBuffer.wrap(buf, off, len), remote);
    }

    @Override
    public void close() {
        // the connection owns the channel
    }
}
