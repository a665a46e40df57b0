package se.portvakt.sfu.dtls;

/**
 * How many DTLS handshakes run at once ({@code threads}) and how many may wait for a thread ({@code queued});
 * one more is refused at once with {@link DtlsHandshakeException.Reason#REFUSED}.
 */
public record HandshakeLimits(int threads, int queued) {

    /**
     * More threads than cores: a handshake thread mostly waits for the client's next flight (round trips,
     * retransmission timers), and spends only a few milliseconds computing.
     */
    public static final HandshakeLimits DEFAULTS =
            new HandshakeLimits(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), 256);

    public HandshakeLimits {
        if (threads < 1 || queued < 1) {
            throw new IllegalArgumentException(
                    "need at least one handshake thread and one queue place: " + threads + ", " + queued);
        }
    }
}
