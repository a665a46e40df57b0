package se.portvakt.sfu.twcc;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The body of a transport-cc feedback after its fixed header (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * section 3.1): packet status chunks, then one receive delta per received packet, in 250 us units.
 *
 * <pre>
 * run length chunk:    0 | S (2) | run length (13)          S repeated for run length packets
 * status vector chunk: 1 | 0 | 14 one-bit symbols            0 not received, 1 received (small delta)
 *                      1 | 1 | 7 two-bit symbols             the symbols below
 * symbols:  00 not received, 01 received with a small delta (1 byte, 0..255), 10 received with a large or
 *           negative delta (2 bytes, signed), 11 reserved
 * </pre>
 *
 * A vector chunk may cover more symbols than remain; the status count says where the packets end.
 */
public final class TransportCcChunks {
    public static final int NOT_RECEIVED = 0;
    public static final int SMALL_DELTA = 1;
    public static final int LARGE_DELTA = 2;

    private static final int MAX_RUN = 0x1FFF;

    private TransportCcChunks() {}

    /**
     * The statuses and deltas of consecutive transport sequence numbers.
     *
     * @param symbols one per packet from the base sequence number: {@link #NOT_RECEIVED}, {@link #SMALL_DELTA} or
     *                {@link #LARGE_DELTA}
     * @param deltas  one per received packet, in 250 us units from the previous received packet (the first from the
     *                reference time); each fits its symbol
     */
    public record Statuses(int[] symbols, int[] deltas) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Statuses s && Arrays.equals(symbols, s.symbols) && Arrays.equals(deltas, s.deltas);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(symbols) + Arrays.hashCode(deltas);
        }

        @Override
        public String toString() {
            return "Statuses" + Arrays.toString(symbols) + " deltas " + Arrays.toString(deltas);
        }
    }

    /** The symbol a receive delta (250 us units) needs, or -1 if it does not fit even a large delta. */
    public static int symbolFor(long delta) {
        if (delta >= 0 && delta <= 0xFF) {
            return SMALL_DELTA;
        }
        return delta >= Short.MIN_VALUE && delta <= Short.MAX_VALUE ? LARGE_DELTA : -1;
    }

    /** Chunks then deltas, unpadded. */
    public static byte[] encode(Statuses statuses) {
        int[] symbols = statuses.symbols();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < symbols.length) {
            int run = 1;
            while (i + run < symbols.length && symbols[i + run] == symbols[i] && run < MAX_RUN) {
                run++;
            }
            int chunk;
            if (run >= 14 || i + run == symbols.length) {
                chunk = (symbols[i] << 13) | run;
                i += run;
            } else if (oneBitFits(symbols, i)) {
                chunk = 0x8000;
                for (int k = 0; k < 14 && i + k < symbols.length; k++) {
                    chunk |= symbols[i + k] << (13 - k);
                }
                i += 14;
            } else if (run >= 7) {
                chunk = (symbols[i] << 13) | run;
                i += run;
            } else {
                chunk = 0xC000;
                for (int k = 0; k < 7 && i + k < symbols.length; k++) {
                    chunk |= symbols[i + k] << (2 * (6 - k));
                }
                i += 7;
            }
            out.write(chunk >> 8);
            out.write(chunk);
        }
        int d = 0;
        for (int symbol : symbols) {
            if (symbol == SMALL_DELTA) {
                out.write(statuses.deltas()[d++]);
            } else if (symbol == LARGE_DELTA) {
                out.write(statuses.deltas()[d] >> 8);
                out.write(statuses.deltas()[d++]);
            }
        }
        return out.toByteArray();
    }

    private static boolean oneBitFits(int[] symbols, int from) {
        for (int k = from; k < Math.min(symbols.length, from + 14); k++) {
            if (symbols[k] == LARGE_DELTA) {
                return false;
            }
        }
        return true;
    }

    /** The statuses of {@code statusCount} packets; empty if the bytes end early or use the reserved symbol. */
    public static Optional<Statuses> decode(byte[] body, int statusCount) {
        int[] symbols = new int[statusCount];
        int n = 0;
        int pos = 0;
        while (n < statusCount) {
            if (pos + 2 > body.length) {
                return Optional.empty();
            }
            int chunk = ((body[pos] & 0xFF) << 8) | (body[pos + 1] & 0xFF);
            pos += 2;
            if ((chunk & 0x8000) == 0) {
                int symbol = (chunk >> 13) & 0x3;
                int run = chunk & MAX_RUN;
                for (int k = 0; k < run && n < statusCount; k++) {
                    symbols[n++] = symbol;
                }
            } else if ((chunk & 0x4000) == 0) {
                for (int k = 0; k < 14 && n < statusCount; k++) {
                    symbols[n++] = (chunk >> (13 - k)) & 0x1;
                }
            } else {
                for (int k = 0; k < 7 && n < statusCount; k++) {
                    symbols[n++] = (chunk >> (2 * (6 - k))) & 0x3;
                }
            }
        }
        int received = 0;
        for (int symbol : symbols) {
            if (symbol == 3) {
                return Optional.empty();
            }
            received += symbol == NOT_RECEIVED ? 0 : 1;
        }
        int[] deltas = new int[received];
        int d = 0;
        for (int symbol : symbols) {
            if (symbol == SMALL_DELTA) {
                if (pos + 1 > body.length) {
                    return Optional.empty();
                }
                deltas[d++] = body[pos++] & 0xFF;
            } else if (symbol == LARGE_DELTA) {
                if (pos + 2 > body.length) {
                    return Optional.empty();
                }
                deltas[d++] = (short) (((body[pos] & 0xFF) << 8) | (body[pos + 1] & 0xFF));
                pos += 2;
            }
        }
        return Optional.of(new Statuses(symbols, deltas));
    }
}
