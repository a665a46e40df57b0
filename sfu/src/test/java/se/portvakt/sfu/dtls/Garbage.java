package se.portvakt.sfu.dtls;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Datagrams that pass the demultiplexer's DTLS test (first byte 20-63) but are not valid DTLS. */
final class Garbage {

    private Garbage() {}

    static List<byte[]> records() {
        List<byte[]> out = new ArrayList<>();
        out.add(new byte[] {22});
        out.add(new byte[] {22, (byte) 0xfe, (byte) 0xfd});
        // A handshake record header claiming 0xffff bytes but carrying 3.
        out.add(new byte[] {22, (byte) 0xfe, (byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 1, 0, 0});
        // A record of DTLS 1.0 wire version holding a ClientHello header whose lengths lie.
        out.add(new byte[] {
            22,
            (byte) 0xfe,
            (byte) 0xff,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            12,
            1,
            0x7f,
            0x7f,
            0x7f,
            0,
            0,
            0,
            0,
            0,
            0x7f,
            0x7f,
            0x7f
        });
        // Application data and an alert before any handshake.
        out.add(new byte[] {23, (byte) 0xfe, (byte) 0xfd, 0, 1, 0, 0, 0, 0, 0, 1, 0, 2, 1, 2});
        out.add(new byte[] {21, (byte) 0xfe, (byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 2, 40});
        Random random = new Random(5764);
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 + random.nextInt(1400)];
            random.nextBytes(noise);
            noise[0] = (byte) (20 + random.nextInt(44));
            out.add(noise);
        }
        return out;
    }
}
