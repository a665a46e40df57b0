package se.portvakt.sfu.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.stun.StunDecoder;
import se.portvakt.sfu.stun.StunEncoder;
import se.portvakt.sfu.stun.StunIntegrity;
import se.portvakt.sfu.stun.StunMessage;
import se.portvakt.sfu.stun.StunMessageType;

class IceLiteAgentTest {
    static final IceCredentials LOCAL = new IceCredentials("srvA", "serverpassword0123456789");
    static final IceCredentials REMOTE = new IceCredentials("cliB", "clientpassword0123456789");
    static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.10", 50000);
    static final byte[] TXID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    MutableClock clock;
    IceLiteAgent agent;
    IceSession session;

    @BeforeEach
    void setUp() {
        clock = new MutableClock();
        agent = new IceLiteAgent(clock);
        session = agent.open(LOCAL, REMOTE);
    }

    /** A check as Chrome sends it: USERNAME, ICE-CONTROLLING, PRIORITY, MI with our pwd, FINGERPRINT. */
    static StunEncoder check() {
        return new StunEncoder(StunMessageType.BINDING_REQUEST, TXID)
                .username("srvA:cliB")
                .iceControlling(42)
                .priority(1845501695L);
    }

    static byte[] signed(StunEncoder e) {
        return e.encode(StunIntegrity.shortTermKey(LOCAL.pwd()), true);
    }

    IceOutcome send(byte[] datagram) {
        return agent.handle(datagram, 0, datagram.length, PEER);
    }

    @Test
    void answersValidCheckWithMappedAddressIntegrityAndFingerprint() {
        IceOutcome out = send(signed(check()));
        assertThat(out.hasResponse()).isTrue();
        StunMessage resp =
                StunDecoder.decode(out.response(), 0, out.response().length).orElseThrow();
        assertThat(resp.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
        assertThat(resp.transactionId()).isEqualTo(TXID);
        assertThat(resp.xorMappedAddress()).contains(PEER);
        assertThat(StunIntegrity.verifyIntegrity(resp, StunIntegrity.shortTermKey(LOCAL.pwd())))
                .isTrue();
        assertThat(StunIntegrity.verifyFingerprint(resp)).isTrue();
        assertThat(out.session()).isSameAs(session);
        assertThat(out.nominated()).isFalse();
        assertThat(session.nominated()).isEmpty();
        assertThat(session.lastSeen()).contains(PEER);
    }

    @Test
    void useCandidateNominatesThePairOnceAndMovesItOnANewAddress() {
        assertThat(send(signed(check().useCandidate())).nominated()).isTrue();
        assertThat(session.nominated()).contains(PEER);
        assertThat(send(signed(check().useCandidate())).nominated()).isFalse();

        InetSocketAddress moved = new InetSocketAddress("198.51.100.7", 40000);
        byte[] again = signed(check().useCandidate());
        IceOutcome out = agent.handle(again, 0, again.length, moved);
        assertThat(out.nominated()).isTrue();
        assertThat(session.nominated()).contains(moved);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(
                        "no USERNAME",
                        (UnaryOperator<StunEncoder>) e -> new StunEncoder(StunMessageType.BINDING_REQUEST, TXID)
                                .iceControlling(1)
                                .priority(1),
                        400,
                        false),
                Arguments.of(
                        "no PRIORITY",
                        (UnaryOperator<StunEncoder>) e -> new StunEncoder(StunMessageType.BINDING_REQUEST, TXID)
                                .username("srvA:cliB")
                                .iceControlling(1),
                        400,
                        false),
                Arguments.of(
                        "unknown local ufrag",
                        (UnaryOperator<StunEncoder>) e -> new StunEncoder(StunMessageType.BINDING_REQUEST, TXID)
                                .username("nope:cliB")
                                .priority(1),
                        401,
                        false),
                Arguments.of(
                        "wrong remote ufrag",
                        (UnaryOperator<StunEncoder>) e -> new StunEncoder(StunMessageType.BINDING_REQUEST, TXID)
                                .username("srvA:evil")
                                .priority(1),
                        401,
                        false),
                Arguments.of(
                        "USERNAME without colon",
                        (UnaryOperator<StunEncoder>) e -> new StunEncoder(StunMessageType.BINDING_REQUEST, TXID)
                                .username("srvA")
                                .priority(1),
                        401,
                        false),
                Arguments.of(
                        "peer claims controlled too",
                        (UnaryOperator<StunEncoder>) e -> new StunEncoder(StunMessageType.BINDING_REQUEST, TXID)
                                .username("srvA:cliB")
                                .iceControlled(9)
                                .priority(1),
                        487,
                        true));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("errors")
    void badRequestsGetErrorResponses(String name, UnaryOperator<StunEncoder> request, int code, boolean signedReply) {
        IceOutcome out = send(signed(request.apply(null)));
        StunMessage resp =
                StunDecoder.decode(out.response(), 0, out.response().length).orElseThrow();
        assertThat(resp.type()).isEqualTo(StunMessageType.BINDING_ERROR);
        assertThat(resp.transactionId()).isEqualTo(TXID);
        assertThat(resp.errorCode().orElseThrow().code()).isEqualTo(code);
        assertThat(StunIntegrity.verifyFingerprint(resp)).isTrue();
        assertThat(StunIntegrity.verifyIntegrity(resp, StunIntegrity.shortTermKey(LOCAL.pwd())))
                .isEqualTo(signedReply);
        assertThat(session.lastValidCheck()).isEmpty();
        assertThat(agent.rejected()).isEqualTo(1);
    }

    @Test
    void unknownComprehensionRequiredAttributeGets420WithTheList() {
        byte[] request = signed(check().attribute(0x001C, new byte[32]).attribute(0xC057, new byte[4]));
        IceOutcome out = send(request);
        StunMessage resp =
                StunDecoder.decode(out.response(), 0, out.response().length).orElseThrow();
        assertThat(resp.errorCode().orElseThrow().code()).isEqualTo(420);
        assertThat(resp.unknownAttributes()).containsExactly(0x001C); // 0xC057 is optional and ignored
        assertThat(StunIntegrity.verifyIntegrity(resp, StunIntegrity.shortTermKey(LOCAL.pwd())))
                .isTrue();
        assertThat(session.lastValidCheck()).isEmpty();
    }

    @Test
    void unknownOptionalAttributesAreIgnored() {
        assertThat(send(signed(check().attribute(0xC057, new byte[] {0, 1, 0, 10})))
                        .response())
                .satisfies(r -> assertThat(
                                StunDecoder.decode(r, 0, r.length).orElseThrow().type())
                        .isEqualTo(StunMessageType.BINDING_SUCCESS));
    }

    @Test
    void wrongPasswordIsUnauthenticated() {
        byte[] wrong = check().encode(StunIntegrity.shortTermKey("not-the-server-password-x"), true);
        IceOutcome out = send(wrong);
        StunMessage resp =
                StunDecoder.decode(out.response(), 0, out.response().length).orElseThrow();
        assertThat(resp.errorCode().orElseThrow().code()).isEqualTo(401);
        assertThat(session.lastValidCheck()).isEmpty();
    }

    @Test
    void missingIntegrityIsBadRequest() {
        IceOutcome out = send(check().encode(null, true));
        StunMessage resp =
                StunDecoder.decode(out.response(), 0, out.response().length).orElseThrow();
        assertThat(resp.errorCode().orElseThrow().code()).isEqualTo(400);
    }

    @Test
    void missingOrBadFingerprintAndGarbageAreDroppedSilently() {
        assertThat(send(check().encode(StunIntegrity.shortTermKey(LOCAL.pwd()), false))
                        .hasResponse())
                .isFalse();
        byte[] bad = signed(check());
        bad[bad.length - 1] ^= 1;
        assertThat(send(bad).hasResponse()).isFalse();
        assertThat(send(new byte[] {0, 1, 0, 0}).hasResponse()).isFalse();
        assertThat(agent.rejected()).isEqualTo(3);
    }

    @Test
    void indicationsAndResponsesAreNotAnswered() {
        byte[] indication = new StunEncoder(
                        StunMessageType.of(StunMessageType.BINDING, StunMessageType.CLASS_INDICATION), TXID)
                .encode(null, true);
        assertThat(send(indication).hasResponse()).isFalse();
        byte[] response = new StunEncoder(StunMessageType.BINDING_SUCCESS, TXID).encode(null, true);
        assertThat(send(response).hasResponse()).isFalse();
    }

    @Test
    void consentExpiresThirtySecondsAfterTheLastValidCheck() {
        send(signed(check().useCandidate()));
        clock.advance(Duration.ofSeconds(20));
        send(signed(check()));
        clock.advance(Duration.ofSeconds(29));
        assertThat(agent.expire()).isEmpty();
        // An invalid check does not refresh consent.
        send(check().encode(StunIntegrity.shortTermKey("not-the-server-password-x"), true));
        clock.advance(Duration.ofSeconds(1));
        assertThat(agent.expire()).containsExactly(session);
        assertThat(agent.session("srvA")).isEmpty();
        assertThat(send(signed(check())).session()).isNull();
    }

    @Test
    void sessionWithoutAnyCheckExpiresFromItsCreation() {
        clock.advance(Duration.ofSeconds(29));
        assertThat(agent.expire()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(agent.expire()).containsExactly(session);
    }

    @Test
    void localUfragIsUnique() {
        assertThatThrownBy(() -> agent.open(LOCAL, REMOTE)).isInstanceOf(IllegalStateException.class);
        agent.close(session);
        assertThat(agent.open(LOCAL, REMOTE)).isNotSameAs(session);
    }

    @Test
    void randomCredentialsAreLongEnough() {
        IceCredentials c = IceCredentials.random();
        assertThat(c.ufrag()).hasSize(8).matches("[A-Za-z0-9+/]+");
        assertThat(c.pwd()).hasSize(24);
    }
}
