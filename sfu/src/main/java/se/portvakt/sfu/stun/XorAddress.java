package se.portvakt.sfu.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * XOR-MAPPED-ADDRESS (RFC 8489 section 14.2): the port is xored with the top 16 bits of the
 * magic cookie, an IPv4 address with the cookie, an IPv6 address with cookie | transaction id.
 */
final class XorAddress {
    private static final int FAMILY_IPV4 = 0x01;
    private static final int FAMILY_IPV6 = 0x02;

    private XorAddress() {}

    static byte[] encode(InetSocketAddress address, byte[] transactionId) {
        byte[] ip = address.getAddress().getAddress();
        byte[] out = new byte[4 + ip.length];
        out[1] = (byte) (ip.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
        int port = address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16);
        out[2] = (byte) (port >> 8);
        out[3] = (byte) port;
        byte[] mask = mask(transactionId);
        for (int i = 0; i < ip.length; i++) {
            out[4 + i] = (byte) (ip[i] ^ mask[i]);
        }
        return out;
    }

    static Optional<InetSocketAddress> decode(byte[] value, byte[] transactionId) {
        if (value.length < 4) {
            return Optional.empty();
        }
        int family = value[1] & 0xFF;
        int length = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
        if (length < 0 || value.length != 4 + length) {
            return Optional.empty();
        }
        int port = (((value[2] & 0xFF) << 8) | (value[3] & 0xFF)) ^ (StunMessage.MAGIC_COOKIE >>> 16);
        byte[] mask = mask(transactionId);
        byte[] ip = new byte[length];
        for (int i = 0; i < length; i++) {
            ip[i] = (byte) (value[4 + i] ^ mask[i]);
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByAddress(ip), port));
        } catch (UnknownHostException e) {
            return Optional.empty(); // unreachable: the length is 4 or 16
        }
    }

    /** The magic cookie followed by the 96-bit transaction id: 16 bytes. */
    private static byte[] mask(byte[] transactionId) {
        byte[] mask = new byte[16];
        mask[0] = (byte) (StunMessage.MAGIC_COOKIE >>> 24);
        mask[1] = (byte) (StunMessage.MAGIC_COOKIE >>> 16);
        mask[2] = (byte) (StunMessage.MAGIC_COOKIE >>> 8);
        mask[3] = (byte) StunMessage.MAGIC_COOKIE;
        System.arraycopy(transactionId, 0, mask, 4, 12);
        return mask;
    }
}
