package se.portvakt.sfu;

import java.net.InetSocketAddress;
import java.time.Clock;
import se.portvakt.sfu.dtls.BouncyCastleDtlsLayer;
import se.portvakt.sfu.server.UdpSfu;
import se.portvakt.sfu.srtp.SrtpSession;

/** Starts the production SFU: {@link UdpSfu} with the BouncyCastle DTLS layer, closed together. */
public final class Sfus {

    private Sfus() {}

    /**
     * @param bind       the UDP address to receive on; port 0 picks a free one
     * @param advertised our host candidate in answers, or null for the bound address
     */
    public static Sfu start(InetSocketAddress bind, InetSocketAddress advertised, Clock clock) {
        return start(SfuSettings.of(bind, advertised, null), clock);
    }

    /** With every setting given (for example transport-cc on: {@link SfuSettings#withTransportCc()}). */
    public static Sfu start(SfuSettings settings, Clock clock) {
        // jitsi-srtp benchmarks its AES providers on first use (seconds); pay that now, not on the first call
        Thread warmUp = new Thread(SrtpSession::warmUp, "sfu-srtp-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        BouncyCastleDtlsLayer dtls = new BouncyCastleDtlsLayer();
        try {
            return UdpSfu.start(settings, dtls, clock).closeWith(dtls);
        } catch (RuntimeException e) {
            dtls.close();
            throw e;
        }
    }
}
