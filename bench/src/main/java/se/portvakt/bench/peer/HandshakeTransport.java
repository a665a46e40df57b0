package se.portvakt.bench.peer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.bouncycastle.tls.DatagramTransport;
import se.portvakt.sfu.ice.IceCredentials;

/**
 * BouncyCastle's view of the connection's socket while the DTLS handshake runs (the channel is still blocking):
 * datagrams that are not DTLS records (first byte 20-63, RFC 7983) are skipped, except the server's ICE checks,
 * which are answered.
 */
final class HandshakeTransport implements DatagramTransport {
    private static final int MTU = 1200;

    private final DatagramChannel channel;
    private final InetSocketAddress remote;
    private final IceCredentials local;

    HandshakeTransport(DatagramChannel channel, InetSocketAddress remote, IceCredentials local) {
        this.channel = channel;
        this.remote = remote;
        this.local = local;
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
            if (first < 4 && off == 0) { // the server's own ICE checks still need answers
                byte[] answer =
                        IceCheck.answer(buf, packet.getLength(), (InetSocketAddress) packet.getSocketAddress(), local);
                if (answer != null) {
                    channel.send(ByteBuffer.wrap(answer), packet.getSocketAddress());
                }
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
