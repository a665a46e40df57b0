package se.portvakt.sfu.ice;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import se.portvakt.sfu.stun.ErrorCode;
import se.portvakt.sfu.stun.StunAttribute;
import se.portvakt.sfu.stun.StunAttributeType;
import se.portvakt.sfu.stun.StunDecoder;
import se.portvakt.sfu.stun.StunEncoder;
import se.portvakt.sfu.stun.StunIntegrity;
import se.portvakt.sfu.stun.StunMessage;
import se.portvakt.sfu.stun.StunMessageType;

/**
 * The ICE-lite responder (RFC 8445 sections 2.5, 7.3): never sends checks, answers the
 * controlling peer's Binding requests on the one shared port, and learns the peer's
 * address from the request that carries USE-CANDIDATE.
 *
 * <p>Sessions are keyed by the local ufrag, the first half of USERNAME "local:remote".
 */
public final class IceLiteAgent {
    /** RFC 7675 section 5.1: consent expires 30 s after the last successful check. */
    public static final Duration CONSENT_TIMEOUT = Duration.ofSeconds(30);

    static final String SOFTWARE = "portvakt-sfu";

    /** Comprehension-required attributes a Binding request to us may carry. */
    private static final Set<Integer> UNDERSTOOD = Set.of(
            StunAttributeType.USERNAME,
            StunAttributeType.MESSAGE_INTEGRITY,
            StunAttributeType.PRIORITY,
            StunAttributeType.USE_CANDIDATE,
            StunAttributeType.XOR_MAPPED_ADDRESS);

    private final Clock clock;
    private final Map<String, IceSession> sessions = new ConcurrentHashMap<>();
    private final LongAdder rejected = new LongAdder();

    public IceLiteAgent(Clock clock) {
        this.clock = clock;
    }

    /** Registers a session for an offer's remote credentials; local ones come from our answer. */
    public IceSession open(IceCredentials local, IceCredentials remote) {
        IceSession session = new IceSession(local, remote, clock.instant());
        if (sessions.putIfAbsent(local.ufrag(), session) != null) {
            throw new IllegalStateException("local ufrag already in use: " + local.ufrag());
        }
        return session;
    }

    public void close(IceSession session) {
        sessions.remove(session.local().ufrag(), session);
    }

    public Optional<IceSession> session(String localUfrag) {
        return Optional.ofNullable(sessions.get(localUfrag));
    }

    /** STUN datagrams that got an error response or none; for metrics. */
    public long rejected() {
        return rejected.sum();
    }

    /** Answers one STUN datagram that the demux classified as STUN. */
    public IceOutcome handle(byte[] buf, int off, int len, InetSocketAddress from) {
        Optional<StunMessage> parsed = StunDecoder.decode(buf, off, len);
        if (parsed.isEmpty()) {
            rejected.increment();
            return IceOutcome.silent(from);
        }
        StunMessage request = parsed.get();
        if (request.type() != StunMessageType.BINDING_REQUEST) {
            // Indications (keepalives) and responses need no answer; a lite agent sends no requests.
            return IceOutcome.silent(from);
        }
        if (!StunIntegrity.verifyFingerprint(request)) {
            // RFC 8445 section 7.3: without a valid FINGERPRINT it may not even be STUN; drop.
            rejected.increment();
            return IceOutcome.silent(from);
        }
        Optional<String> username = request.username();
        if (username.isEmpty()
                || !request.has(StunAttributeType.MESSAGE_INTEGRITY)
                || request.priority().isEmpty()) {
            return error(request, from, ErrorCode.BAD_REQUEST, null);
        }
        String[] parts = username.get().split(":", 2);
        IceSession session = parts.length == 2 ? sessions.get(parts[0]) : null;
        if (session == null || !session.remote().ufrag().equals(parts[1])) {
            // Unknown USERNAME: 401 without integrity, as we have no key the peer would share.
            return error(request, from, ErrorCode.UNAUTHENTICATED, null);
        }
        byte[] key = StunIntegrity.shortTermKey(session.local().pwd());
        if (!StunIntegrity.verifyIntegrity(request, key)) {
            return error(request, from, ErrorCode.UNAUTHENTICATED, null);
        }
        List<Integer> unknown = unknownComprehensionRequired(request);
        if (!unknown.isEmpty()) {
            rejected.increment();
            byte[] response = new StunEncoder(StunMessageType.BINDING_ERROR, request.transactionId())
                    .errorCode(ErrorCode.UNKNOWN_ATTRIBUTE)
                    .unknownAttributes(unknown)
                    .encode(key, true);
            return new IceOutcome(response, from, null, false);
        }
        if (request.iceControlled().isPresent()) {
            // A lite agent is always controlled; a peer claiming controlled too is a role
            // conflict it must resolve by switching (RFC 8445 section 7.3.1.1).
            return error(request, from, ErrorCode.ROLE_CONFLICT, key);
        }
        Instant now = clock.instant();
        boolean nominated = session.checked(from, request.useCandidate(), now);
        byte[] response = new StunEncoder(StunMessageType.BINDING_SUCCESS, request.transactionId())
                .xorMappedAddress(from)
                .encode(key, true);
        return new IceOutcome(response, from, session, nominated);
    }

    /** Closes and returns the sessions whose consent has lapsed. */
    public List<IceSession> expire() {
        Instant now = clock.instant();
        List<IceSession> expired = new ArrayList<>();
        for (IceSession s : sessions.values()) {
            if (s.expired(now, CONSENT_TIMEOUT) && sessions.remove(s.local().ufrag(), s)) {
                expired.add(s);
            }
        }
        return expired;
    }

    /** Types below 0x8000 that this agent does not implement (RFC 8489 section 6.3.1.1: answer 420). */
    private static List<Integer> unknownComprehensionRequired(StunMessage request) {
        List<Integer> unknown = new ArrayList<>();
        for (StunAttribute a : request.attributes()) {
            if (StunAttributeType.isComprehensionRequired(a.type()) && !UNDERSTOOD.contains(a.type())) {
                unknown.add(a.type());
            }
        }
        return unknown;
    }

    private IceOutcome error(StunMessage request, InetSocketAddress from, ErrorCode code, byte[] key) {
        rejected.increment();
        byte[] response = new StunEncoder(StunMessageType.BINDING_ERROR, request.transactionId())
                .software(SOFTWARE)
                .errorCode(code)
                .encode(key, true);
        return new IceOutcome(response, from, null, false);
    }
}
