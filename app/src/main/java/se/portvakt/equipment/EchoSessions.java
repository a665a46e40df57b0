package se.portvakt.equipment;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.Sfu;

/**
 * Echo sessions on the in-process SFU: each is a room of its own ("echo-" and a random id, never a meeting's id) with
 * one participant that receives its own streams back; the SFU refuses anyone else in it. A session ends when the
 * tester says so or after {@link EquipmentProperties#echoDuration()}, whichever comes first.
 */
@Component
class EchoSessions implements DisposableBean {

    static final String PREFIX = "echo-";
    private static final String TESTER = "tester";

    private final Sfu sfu;
    private final EquipmentProperties settings;
    private final AddressRateLimit perAddress;
    private final Set<String> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService endings = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "echo-session-end");
        thread.setDaemon(true);
        return thread;
    });

    EchoSessions(Sfu sfu, EquipmentProperties settings, Clock clock) {
        this.sfu = sfu;
        this.settings = settings;
        this.perAddress = new AddressRateLimit(settings.echoesPerAddress(), settings.echoWindow(), clock);
    }

    /** An open echo session and the SFU's answer to the tester's offer. */
    record Opened(String session, ParticipantAnswer answer, Duration lasts) {}

    /**
     * Opens an echo session for the browser at {@code clientAddress} and answers its offer.
     *
     * @throws EchoRefused rate-limited, busy, or an offer the SFU cannot use
     */
    Opened open(String clientAddress, String offerSdp) {
        if (open.size() >= settings.echoesAtOnce()) {
            throw new EchoRefused("busy", settings.echoDuration());
        }
        Optional<Duration> wait = perAddress.take(clientAddress);
        if (wait.isPresent()) {
            throw new EchoRefused("rate-limited", wait.get());
        }
        String session = PREFIX + UUID.randomUUID();
        open.add(session);
        sfu.createEchoSession(session);
        ParticipantAnswer answer;
        try {
            answer = sfu.addParticipant(session, TESTER, offerSdp);
        } catch (RuntimeException e) {
            end(session);
            throw new EchoRefused("invalid", Duration.ZERO);
        }
        endings.schedule(() -> end(session), settings.echoDuration().toMillis(), TimeUnit.MILLISECONDS);
        return new Opened(session, answer, settings.echoDuration());
    }

    /** Ends an echo session; ids of no open echo session (a meeting's, an ended one) are ignored. */
    void end(String session) {
        if (open.remove(session)) {
            sfu.closeMeeting(session);
        }
    }

    boolean isOpen(String session) {
        return open.contains(session);
    }

    int openCount() {
        return open.size();
    }

    @Override
    public void destroy() {
        endings.shutdownNow();
        Set.copyOf(open).forEach(this::end);
    }
}
