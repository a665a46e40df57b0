package se.portvakt.sfu.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTest {

    /** SHA-256 of the empty input (FIPS 180-4 example values), in SDP form. */
    private static final String SHA256_OF_NOTHING =
            "sha-256 E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55";

    static Stream<Arguments> digestsOfNothing() {
        return Stream.of(
                Arguments.of("sha-1", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
                Arguments.of("sha-256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                Arguments.of("SHA-256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                Arguments.of(
                        "sha-384",
                        "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"),
                Arguments.of(
                        "sha-512",
                        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"));
    }

    @ParameterizedTest
    @MethodSource("digestsOfNothing")
    void computesTheNamedHash(String algorithm, String hex) {
        Fingerprint f = Fingerprint.of(algorithm, new byte[0]);

        assertThat(f.algorithm()).isEqualTo(algorithm.toLowerCase());
        assertThat(f.digest()).isEqualTo(HexFormat.of().parseHex(hex));
        assertThat(Fingerprint.parse(f.toSdp())).isEqualTo(f);
    }

    @Test
    void formatsAsSdpWithUpperCaseColonSeparatedHex() {
        assertThat(Fingerprint.sha256(new byte[0]).toSdp()).isEqualTo(SHA256_OF_NOTHING);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                SHA256_OF_NOTHING,
                "SHA-256 e3:b0:c4:42:98:fc:1c:14:9a:fb:f4:c8:99:6f:b9:24:27:ae:41:e4:64:9b:93:4c:a4:95:99:1b:78:52:b8:55",
                "  sha-256\tE3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55 \r\n",
            })
    void parsesWhatBrowsersWrite(String value) {
        assertThat(Fingerprint.parse(value)).isEqualTo(Fingerprint.sha256(new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "sha-256",
                "E3:B0:C4:42",
                "md5 E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24",
                "sha-256 E3:B0:C4",
                "sha-256 E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55:00",
                "sha-256 E3B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55",
                "sha-256 E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:",
                "sha-256 G3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55",
                "sha-256 E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24:27:AE:41:E4:64:9B:93:4C:A4:95:99:1B:78:52:B8:55 extra",
            })
    void rejectsMalformedValues(String value) {
        assertThatThrownBy(() -> Fingerprint.parse(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesTheFingerprintOfARecordedChromeOffer() throws IOException {
        String line = chromeOffer()
                .lines()
                .filter(l -> l.startsWith("a=fingerprint:"))
                .findFirst()
                .orElseThrow();

        Fingerprint f = Fingerprint.parse(line.substring("a=fingerprint:".length()));

        assertThat(f.algorithm()).isEqualTo("sha-256");
        assertThat(f.digest()).hasSize(32).startsWith(0xBD, 0x3A, 0xA4);
        assertThat(f.toSdp())
                .isEqualTo(line.substring("a=fingerprint:".length()).strip());
    }

    @Test
    void parsesHashAndDigestHeldApart() {
        String hex = SHA256_OF_NOTHING.substring("sha-256 ".length());

        assertThat(Fingerprint.parse("sha-256", hex)).isEqualTo(Fingerprint.sha256(new byte[0]));
        assertThatThrownBy(() -> Fingerprint.parse("sha-1", hex)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesOnlyItsOwnCertificate() {
        DtlsCertificate one = DtlsCertificate.generate();
        DtlsCertificate other = DtlsCertificate.generate();

        assertThat(one.fingerprint().matches(one.der())).isTrue();
        assertThat(one.fingerprint().matches(other.der())).isFalse();
        assertThat(Fingerprint.of("sha-512", one.der()).matches(one.der())).isTrue();
    }

    @Test
    void isAValueThatDoesNotLeakItsDigestArray() {
        byte[] digest = new byte[32];
        Fingerprint f = new Fingerprint("sha-256", digest);
        digest[0] = 1;
        f.digest()[1] = 1;

        assertThat(f)
                .isEqualTo(new Fingerprint("SHA-256", new byte[32]))
                .hasSameHashCodeAs(new Fingerprint("sha-256", new byte[32]));
    }

    private static String chromeOffer() throws IOException {
        try (InputStream in = FingerprintTest.class.getResourceAsStream("/sdp/chrome-156-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
