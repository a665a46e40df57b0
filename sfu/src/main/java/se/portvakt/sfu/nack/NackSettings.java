package se.portvakt.sfu.nack;

import java.time.Duration;

/**
 * How eagerly the SFU asks a publisher to resend.
 *
 * @param delayFloor    a gap is not NACKed before it is this old, so that mere reordering
 *                      (usually a few ms) costs no request; galene waits about 20 ms
 * @param retryInterval minimum time between two NACKs of the same packet, about one RTT
 * @param maxRetries    NACKs per lost packet before giving up on it
 * @param window        sequence numbers behind the newest still worth asking for; matches the
 *                      publisher's own history (Chrome keeps about 1 s) and our {@code PacketCache}
 * @param maxGap        a forward jump larger than this is a stream restart, not loss: no NACK storm
 */
public record NackSettings(Duration delayFloor, Duration retryInterval, int maxRetries, int window, int maxGap) {

    public static final NackSettings DEFAULTS =
            new NackSettings(Duration.ofMillis(20), Duration.ofMillis(100), 3, 512, 1000);

    public NackSettings {
        if (maxRetries < 1 || window < 1 || maxGap < 1 || delayFloor.isNegative() || retryInterval.isNegative()) {
            throw new IllegalArgumentException("invalid NACK settings");
        }
    }
}
