package se.portvakt.identity.freja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.portvakt.identity.freja.FrejaResultVerifier.FrejaResultRefused;
import se.portvakt.identity.freja.simulator.FrejaSimulatorForgery;
import se.portvakt.identity.freja.simulator.FrejaSimulatorKeys;

/** The JWS check alone: honest results pass; each forgery, and JWS that are not RS256 compact, do not. */
class FrejaResultVerifierTest {

    private static final FrejaSimulatorKeys KEYS = new FrejaSimulatorKeys();
    private static final FrejaResultVerifier VERIFIER = new FrejaResultVerifier(KEYS.certificate());
    private static final Map<String, Object> PAYLOAD = Map.of("authRef", "ref-1", "status", "APPROVED");

    @Test
    void anHonestResultGivesItsPayload() {
        String jws = KEYS.sign(PAYLOAD, FrejaSimulatorForgery.NONE);
        assertThat(VERIFIER.verify(jws).path("authRef").asString()).isEqualTo("ref-1");
    }

    @ParameterizedTest
    @EnumSource(
            value = FrejaSimulatorForgery.class,
            names = {"OTHER_KEY", "WRONG_X5T"})
    void aResultNotSignedByTheConfiguredCertificateIsRefused(FrejaSimulatorForgery forgery) {
        String jws = KEYS.sign(PAYLOAD, forgery);
        assertThatThrownBy(() -> VERIFIER.verify(jws)).isInstanceOf(FrejaResultRefused.class);
    }

    @Test
    void malformedOrWrongAlgorithmJwsAreRefused() {
        String[] honest = KEYS.sign(PAYLOAD, FrejaSimulatorForgery.NONE).split("\\.");
        String noneHeader = FrejaSimulatorKeys.base64url("{\"alg\":\"none\"}".getBytes(StandardCharsets.US_ASCII));
        String hsHeader = FrejaSimulatorKeys.base64url(
                ("{\"alg\":\"HS256\",\"x5t\":\"" + FrejaResultVerifier.x5t(KEYS.certificate()) + "\"}")
                        .getBytes(StandardCharsets.US_ASCII));
        String otherPayload = FrejaSimulatorKeys.base64url(KEYS.json(Map.of("authRef", "ref-2", "status", "APPROVED")));
        for (String bad : List.of(
                "",
                "a.b",
                honest[0] + "." + honest[1],
                honest[0] + "." + honest[1] + ".",
                noneHeader + "." + honest[1] + ".",
                hsHeader + "." + honest[1] + "." + honest[2],
                honest[0] + "." + otherPayload + "." + honest[2],
                "!!." + honest[1] + "." + honest[2])) {
            assertThatThrownBy(() -> VERIFIER.verify(bad)).as(bad).isInstanceOf(FrejaResultRefused.class);
        }
        assertThatThrownBy(() -> VERIFIER.verify(null)).isInstanceOf(FrejaResultRefused.class);
    }

    @Test
    void x5tIsTheBase64urlSha1OfTheCertificate() throws Exception {
        byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1")
                .digest(KEYS.certificate().getEncoded());
        assertThat(FrejaResultVerifier.x5t(KEYS.certificate()))
                .isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sha1))
                .hasSize(27);
    }
}
