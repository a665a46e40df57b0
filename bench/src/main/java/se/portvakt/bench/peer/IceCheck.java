package se.portvakt.bench.peer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import se.portvakt.sfu.ice.IceCredentials;
import se.portvakt.sfu.stun.StunDecoder;
import se.portvakt.sfu.stun.StunEncoder;
import se.portvakt.sfu.stun.StunIntegrity;
import se.portvakt.sfu.stun.StunMessage;
import se.portvakt.sfu.stun.StunMessageType;

/**
 * The controlling side of ICE against a lite server (RFC 8445 section 7.2): Binding requests with USERNAME
 * {@code theirs:ours}, PRIORITY, ICE-CONTROLLING and USE-CANDIDATE (aggressive nomination), signed with the
 * server's password, retransmitted until a success response with the same transaction id comes back.
 */
final class IceCheck {
    /** A peer-reflexive candidate's priority for a host UDP component 1, as Chrome computes it. */
    private static final long PRIORITY = (110L << 24) | (65_535L << 8) | 255;

    private static final SecureRandom RANDOM = new SecureRandom();

    private IceCheck() {}

    /** A signed Binding request, nominating if {@code nominate}. */
    static byte[] request(
            IceCredentials local, IceCredentials remote, long tieBreaker, boolean nominate, byte[] transactionId) {
        StunEncoder encoder = new StunEncoder(StunMessageType.BINDING_REQUEST, transactionId)
                .username(remote.ufrag() + ":" + local.ufrag())
                .priority(PRIORITY)
                .iceControlling(tieBreaker);
        if (nominate) {
            encoder.useCandidate();
        }
        return encoder.encode(StunIntegrity.shortTermKey(remote.pwd()), true);
    }

    /**
     * The answer to a Binding request the server sent us (libnice, even in Janus's lite mode, sends a triggered
     * check back and nominates only once it is answered): a success signed with our password, or null if the
     * datagram is not a valid request for our credentials.
     */
    static byte[] answer(byte[] buf, int len, InetSocketAddress from, IceCredentials local) {
        Optional<StunMessage> parsed = StunDecoder.decode(buf, 0, len);
        if (parsed.isEmpty() || parsed.get().type() != StunMessageType.BINDING_REQUEST) {
            return null;
        }
        StunMessage request = parsed.get();
        byte[] key = StunIntegrity.shortTermKey(local.pwd());
        if (!request.username().map(u -> u.startsWith(local.ufrag() + ":")).orElse(false)
                || !StunIntegrity.verifyIntegrity(request, key)) {
            return null;
        }
        return new StunEncoder(StunMessageType.BINDING_SUCCESS, request.transactionId())
                .xorMappedAddress(from)
                .encode(key, true);
    }

    static byte[] transactionId() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return id;
    }

    /** Checks and nominates until answered; the channel must be blocking. Throws if no answer within the time. */
    static void nominate(
            DatagramChannel channel,
            InetSocketAddress remote,
            IceCredentials local,
            IceCredentials remoteIce,
            long tieBreaker,
            long timeoutMillis)
            throws IOException {
        byte[] id = transactionId();
        byte[] request = request(local, remoteIce, tieBreaker, true, id);
        byte[] buf = new byte[1500];
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long wait = 50;
        while (System.currentTimeMillis() < deadline) {
            channel.send(ByteBuffer.wrap(request), remote);
            long until = System.currentTimeMillis() + wait;
            while (System.currentTimeMillis() < until) {
                DatagramPacket packet = new DatagramPacket(buf, buf.length);
                channel.socket().setSoTimeout((int) Math.max(1, until - System.currentTimeMillis()));
                try {
                    channel.socket().receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                byte[] answer = answer(buf, packet.getLength(), (InetSocketAddress) packet.getSocketAddress(), local);
                if (answer != null) {
                    channel.send(ByteBuffer.wrap(answer), packet.getSocketAddress());
                    continue;
                }
                Optional<StunMessage> reply = StunDecoder.decode(buf, 0, packet.getLength());
                if (reply.isPresent() && Arrays.equals(reply.get().transactionId(), id)) {
                    if (reply.get().type() == StunMessageType.BINDING_SUCCESS) {
                        return;
                    }
                    throw new IOException("ICE check refused by " + remote + ": "
                            + reply.get().errorCode());
                }
            }
            wait = Math.min(500, wait * 2);
        }
        throw new IOException("no answer to ICE checks from " + remote);
    }
}
