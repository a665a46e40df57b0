package org.jitsi.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 3711 appendix B.3 key derivation checked against the library we wrap. This test lives
 * in jitsi-srtp's package because its KDF is package-private; it pins the library's behaviour,
 * which se.portvakt.sfu.srtp.SrtpVectorTest then relies on end to end.
 */
class Rfc3711KeyDerivationTest {
    static final byte[] MASTER_KEY = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
    static final byte[] MASTER_SALT = hex("0EC675AD498AFEEBB6960B3AABE6");

    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of("cipher key", SrtpKdf.LABEL_RTP_ENCRYPTION, "C61E7A93744F39EE10734AFE3FF7A087"),
                Arguments.of("cipher salt", SrtpKdf.LABEL_RTP_SALT, "30CBBC08863D8C85D49DB34A9AE1"),
                Arguments.of("auth key", SrtpKdf.LABEL_RTP_MSG_AUTH, "CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void derivesTheAppendixB3SessionKeys(String name, byte label, String expected) throws Exception {
        SrtpPolicy policy =
                new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, 10, 14);
        SrtpKdf kdf = new SrtpKdf(MASTER_KEY, MASTER_SALT, policy);
        byte[] out = new byte[hex(expected).length];
        kdf.deriveSessionKey(out, label);
        assertThat(out).isEqualTo(hex(expected));
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
