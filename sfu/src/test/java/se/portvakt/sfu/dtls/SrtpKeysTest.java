package se.portvakt.sfu.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.portvakt.sfu.srtp.SrtpKeys;
import se.portvakt.sfu.srtp.SrtpProfile;

class SrtpKeysTest {

    /** Material 0, 1, 2, ... so each byte names its offset. */
    private static byte[] counting(int length) {
        byte[] material = new byte[length];
        for (int i = 0; i < length; i++) {
            material[i] = (byte) i;
        }
        return material;
    }

    private static byte[] range(int from, int to) {
        byte[] out = new byte[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = (byte) i;
        }
        return out;
    }

    static Stream<Arguments> layouts() {
        // RFC 5764 section 4.2: client key | server key | client salt | server salt.
        return Stream.of(
                Arguments.of(
                        SrtpProfile.AEAD_AES_128_GCM, 56, range(0, 16), range(16, 32), range(32, 44), range(44, 56)),
                Arguments.of(
                        SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                        60,
                        range(0, 16),
                        range(16, 32),
                        range(32, 46),
                        range(46, 60)));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void splitsTheExportedMaterialPerProfile(
            SrtpProfile profile, int length, byte[] clientKey, byte[] serverKey, byte[] clientSalt, byte[] serverSalt) {
        assertThat(profile.keyingMaterialLength()).isEqualTo(length);

        SrtpKeys server = SrtpKeys.fromDtls(profile, counting(length), true);
        SrtpKeys client = SrtpKeys.fromDtls(profile, counting(length), false);

        assertThat(server.localKey()).isEqualTo(serverKey);
        assertThat(server.localSalt()).isEqualTo(serverSalt);
        assertThat(server.remoteKey()).isEqualTo(clientKey);
        assertThat(server.remoteSalt()).isEqualTo(clientSalt);
        assertThat(client.localKey()).isEqualTo(clientKey);
        assertThat(client.localSalt()).isEqualTo(clientSalt);
        assertThat(client.remoteKey()).isEqualTo(serverKey);
        assertThat(client.remoteSalt()).isEqualTo(serverSalt);
    }

    @Test
    void rejectsMaterialOfTheWrongLength() {
        assertThatThrownBy(() -> SrtpKeys.fromDtls(SrtpProfile.AEAD_AES_128_GCM, new byte[60], true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doesNotPrintSecrets() {
        SrtpKeys keys = SrtpKeys.fromDtls(SrtpProfile.AEAD_AES_128_GCM, counting(56), true);

        assertThat(keys.toString()).isEqualTo("SrtpKeys[AEAD_AES_128_GCM]");
    }

    static Stream<Arguments> choices() {
        return Stream.of(
                Arguments.of(new int[] {0x0001, 0x0007}, SrtpProfile.AEAD_AES_128_GCM),
                Arguments.of(new int[] {0x0007}, SrtpProfile.AEAD_AES_128_GCM),
                Arguments.of(new int[] {0x0002, 0x0001}, SrtpProfile.AES_CM_128_HMAC_SHA1_80),
                Arguments.of(new int[] {0x0008, 0x0002}, null),
                Arguments.of(new int[0], null));
    }

    @ParameterizedTest
    @MethodSource("choices")
    void choosesGcmOverCmAndNothingUnsupported(int[] offered, SrtpProfile expected) {
        assertThat(SrtpTlsServer.choose(offered).orElse(null)).isEqualTo(expected);
    }
}
