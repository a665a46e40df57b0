package se.portvakt.sfu;

import java.net.InetSocketAddress;
import se.portvakt.sfu.srtp.SrtpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import se.portvakt.sfu.dtls.BouncyCastleDtlsLayer;
import se.portvakt.sfu.forward.StreamSettings;
import se.portvakt.sfu.server.UdpSfu;
import se.portvakt.sfu.stats.MeetingStats;

/** Starts the production SFU: {@link UdpSfu} with the BouncyCastle DTLS layer, closed together. */
public final class Sfus {

    private Sfus() {}

    /**
     * @param bind       the UDP address to receive on; port 0 picks a free one
     * @param advertised our host candidate in answers, or null for the bound address
     */
    public static Sfu start(InetSocketAddress bind, InetSocketAddress advertised, Clock clock) {
        // jitsi-srtp benchmarks its AES providers on first use (seconds); pay that now, not on the first call
        Thread warmUp = new Thread(SrtpSession::warmUp, "sfu-srtp-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        BouncyCastleDtlsLayer dtls = new BouncyCastleDtlsLayer();
        UdpSfu sfu;
        try {
            sfu = UdpSfu.start(new SfuSettings(bind, advertised, Duration.ofMillis(10), StreamSettings.DEFAULTS),
                    dtls, clock);
        } catch (RuntimeException e) {
            dtls.close();
            throw e;
        }
        return new WithDtls(sfu, dtls);
    }

    private record WithDtls(Sfu sfu, BouncyCastleDtlsLayer dtls) implements Sfu {

        @Override
        public void createMeeting(String meetingId) {
            sfu.createMeeting(meetingId);
        }

        @Override
        public void createEchoSession(String sessionId) {
            sfu.createEchoSession(sessionId);
        }

        @Override
        public void closeMeeting(String meetingId) {
            sfu.closeMeeting(meetingId);
        }

        @Override
        public ParticipantAnswer negotiate(String meetingId, String participantId, String offerSdp,
                                           Map<String, String> sources) {
            return sfu.negotiate(meetingId, participantId, offerSdp, sources);
        }

        @Override
        public void onRenegotiationNeeded(Consumer<RenegotiationNeeded> listener) {
            sfu.onRenegotiationNeeded(listener);
        }

        @Override
        public void removeParticipant(String meetingId, String participantId) {
            sfu.removeParticipant(meetingId, participantId);
        }

        @Override
        public void preferLayers(String meetingId, String participantId, Map<String, String> layerByMid) {
            sfu.preferLayers(meetingId, participantId, layerByMid);
        }

        @Override
        public MeetingStats stats(String meetingId) {
            return sfu.stats(meetingId);
        }

        @Override
        public SfuTotals totals() {
            return sfu.totals();
        }

        @Override
        public void onDominantSpeakerChanged(Consumer<DominantSpeakerChanged> listener) {
            sfu.onDominantSpeakerChanged(listener);
        }

        @Override
        public void onParticipantDisconnected(Consumer<ParticipantDisconnected> listener) {
            sfu.onParticipantDisconnected(listener);
        }

        @Override
        public InetSocketAddress localAddress() {
            return sfu.localAddress();
        }

        @Override
        public void close() {
            try {
                sfu.close();
            } finally {
                dtls.close();
            }
        }
    }
}
