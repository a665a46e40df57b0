package se.portvakt.sfu.server;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import se.portvakt.sfu.ParticipantAnswer;
import se.portvakt.sfu.forward.Endpoint;
import se.portvakt.sfu.forward.SrtpTransport;
import se.portvakt.sfu.forward.StreamSettings;
import se.portvakt.sfu.ice.IceCredentials;
import se.portvakt.sfu.ice.IceLiteAgent;
import se.portvakt.sfu.ice.IceSession;
import se.portvakt.sfu.sdp.AnswerOptions;
import se.portvakt.sfu.sdp.Fingerprint;
import se.portvakt.sfu.sdp.HostCandidate;
import se.portvakt.sfu.sdp.IceLiteAnswerer;
import se.portvakt.sfu.sdp.MediaDescription;
import se.portvakt.sfu.sdp.SdpParser;
import se.portvakt.sfu.sdp.SdpWriter;
import se.portvakt.sfu.sdp.SessionDescription;
import se.portvakt.sfu.srtp.SrtpSession;
import se.portvakt.sfu.transport.DtlsAssociation;
import se.portvakt.sfu.transport.DtlsLayer;
import se.portvakt.sfu.transport.PacketSink;

/**
 * A browser's offer and our answer: a first offer joins the participant (its transport, ICE session and DTLS
 * association), a later one on the same ICE credentials renegotiates, one with other ICE credentials and the same
 * certificate restarts ICE, one with another certificate (a reloaded tab) starts over. Called on app threads; the room's monitor orders it against the packet loop.
 */
final class Negotiation {
    private final IceLiteAgent ice;
    private final DtlsLayer dtls;
    private final Clock clock;
    private final List<HostCandidate> candidates;
    private final StreamSettings streams;
    private final Participants participants;
    private final SfuEvents events;

    /** Answer transport-wide congestion control ({@code SfuSettings.transportCc}). */
    private final boolean transportCc;

    Negotiation(
            IceLiteAgent ice,
            DtlsLayer dtls,
            Clock clock,
            List<HostCandidate> candidates,
            StreamSettings streams,
            boolean transportCc,
            Participants participants,
            SfuEvents events) {
        this.transportCc = transportCc;
        this.ice = ice;
        this.dtls = dtls;
        this.clock = clock;
        this.candidates = candidates;
        this.streams = streams;
        this.participants = participants;
        this.events = events;
    }

    ParticipantAnswer offer(Room room, String participantId, String offerSdp, Map<String, String> sources) {
        SessionDescription offer = SdpParser.parse(offerSdp);
        Participant existing = room.participant(participantId).orElse(null);
        IceCredentials localIce =
                existing == null ? IceCredentials.random() : existing.ice().local();
        AnswerOptions options = options(localIce, existing == null ? clock.millis() : existing.sessionId());
        SessionDescription plain = IceLiteAnswerer.answer(offer, options);
        MediaDescription first = firstAccepted(offer, plain);
        IceCredentials remoteIce = new IceCredentials(
                offer.iceUfrag(first).orElseThrow(() -> new IllegalArgumentException("offer has no ice-ufrag")),
                offer.icePwd(first).orElseThrow(() -> new IllegalArgumentException("offer has no ice-pwd")));
        Fingerprint certificate = offer.fingerprint(first).orElse(null);
        if (existing != null && !existing.ice().remote().equals(remoteIce)) {
            localIce = IceCredentials.random();
            if (certificate != null && certificate.equals(existing.certificate())) {
                // An ICE restart (RFC 8445 section 9): the same connection looks for a new path. Its DTLS
                // association, SRTP, streams and subscriptions stay; only the ICE session is new.
                participants.restartIce(existing, ice.open(localIce, remoteIce));
            } else {
                participants.remove(room, participantId); // a new connection (a reloaded tab): start over
                existing = null;
            }
            options = options(localIce, existing == null ? clock.millis() : existing.sessionId());
            plain = IceLiteAnswerer.answer(offer, options);
        }
        boolean joined = existing == null;
        Participant participant = existing != null
                ? existing
                : join(room, participantId, certificate, localIce, remoteIce, options.sessionId());
        Negotiated negotiated = Negotiated.of(offer, plain, sources);
        for (int i = 0; i < plain.media().size(); i++) {
            if (plain.media().get(i).port() != 0) {
                Negotiated.rtxSsrcs(offer.media().get(i)).forEach(participant.endpoint()::rtxSsrc);
            }
        }
        participant.endpoint().transportCc(negotiated.transportCcId());
        negotiated.codecs().values().stream()
                .filter(c -> c.isRtx() && c.associatedPayloadType().isPresent())
                .forEach(c -> participant
                        .endpoint()
                        .rtxPayloadType(
                                c.payloadType(), c.associatedPayloadType().getAsInt()));
        Room.Placement placement = room.negotiate(participant, negotiated, System.nanoTime());
        long version = participant.answers().incrementAndGet() + 1;
        SessionDescription answer = IceLiteAnswerer.answer(offer, options.withVersion(version), placement.outgoing());
        events.renegotiations(room);
        return new ParticipantAnswer(
                SdpWriter.write(answer),
                localIce,
                remoteIce,
                placement.streams(),
                placement.audio(),
                placement.video(),
                joined);
    }

    private AnswerOptions options(IceCredentials localIce, long sessionId) {
        AnswerOptions options = AnswerOptions.defaults(localIce, dtls.fingerprint(), candidates, sessionId);
        return transportCc ? options.withTransportCc() : options;
    }

    /** A new participant: its transport, ICE session and DTLS association; joined to the room. */
    private Participant join(
            Room room,
            String participantId,
            Fingerprint certificate,
            IceCredentials localIce,
            IceCredentials remoteIce,
            long sessionId) {
        Participant.Holder<PeerPath> path = new Participant.Holder<>();
        PacketSink toPeer = (buf, off, len) -> {
            PeerPath to = path.get();
            if (to != null) { // else not nominated yet: nowhere to send
                to.send(buf, off, len);
            }
        };
        SrtpTransport transport = new SrtpTransport(toPeer);
        long feedbackSsrc = (participantId.hashCode() & 0x7FFFFFFFL) | 1;
        Endpoint endpoint = new Endpoint(participantId, feedbackSsrc, transport, streams);
        IceSession session = ice.open(localIce, remoteIce);
        Participant.Holder<DtlsAssociation> association = new Participant.Holder<>();
        Participant.Holder<IceSession> iceSession = new Participant.Holder<>();
        iceSession.set(session);
        Participant participant = new Participant(
                participantId,
                room,
                iceSession,
                certificate,
                endpoint,
                association,
                path,
                new Participant.Holder<>(),
                sessionId,
                new AtomicLong(),
                new Hearing());
        association.set(dtls.accept(certificate, toPeer, keys -> {
            transport.srtpReady(SrtpSession.open(keys));
            long now = System.nanoTime();
            endpoint.subscriptions().forEach(copy -> copy.connected(now));
        }));
        try {
            room.join(participant, System.nanoTime());
        } catch (IllegalArgumentException e) {
            ice.close(session);
            association.get().close();
            throw e;
        }
        participants.add(participant);
        return participant;
    }

    private static MediaDescription firstAccepted(SessionDescription offer, SessionDescription answer) {
        for (int i = 0; i < answer.media().size(); i++) {
            if (answer.media().get(i).port() != 0) {
                return offer.media().get(i);
            }
        }
        throw new IllegalArgumentException("the offer has no bundled audio or video section we accept");
    }
}
