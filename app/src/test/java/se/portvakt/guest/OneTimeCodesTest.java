package se.portvakt.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OneTimeCodesTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    final OneTimeCodes codes = new OneTimeCodes(KEY, new SecureRandom());

    @Test
    void codesAreSixRandomDigits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = codes.generate();
            assertThat(code).matches("\\d{6}");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(190);
    }

    @Test
    void theHashIsKeyedAndBoundToTheInvitee() {
        UUID anna = UUID.randomUUID();
        UUID bertil = UUID.randomUUID();
        String hash = codes.hash(anna, "123456");

        assertThat(hash)
                .matches("[0-9a-f]{64}")
                .isEqualTo(codes.hash(anna, "123456"))
                .doesNotContain("123456");
        assertThat(codes.hash(bertil, "123456")).isNotEqualTo(hash);
        assertThat(codes.hash(anna, "123457")).isNotEqualTo(hash);
        assertThat(new OneTimeCodes("another key, another service....".getBytes(), new SecureRandom())
                        .hash(anna, "123456"))
                .isNotEqualTo(hash);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "123456, 123456",
                "' 123 456 ', 123456",
                "123-456, 123456",
                "012345, 012345",
                "12345, null",
                "1234567, null",
                "12345a, null",
                "'', null",
                "null, null"
            })
    void typedCodesAreReadLeniently(String typed, String expected) {
        assertThat(OneTimeCodes.normalise(typed)).isEqualTo(expected);
    }
}
