package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.env.MockEnvironment;

class ProductionSettingsTest {

    static final String KEY = "dGVzdC1rZXktZm9yLXBvcnR2YWt0LW9ubHktMzJieXQ=";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("embedded default needs nothing", environment("jdbc:h2:file:./data/portvakt"), List.of()),
                Arguments.of(
                        "production with nothing set",
                        environment("jdbc:postgresql://db/portvakt"),
                        List.of(
                                ProductionSettings.PUBLIC_URL, ProductionSettings.SECRET_KEY,
                                ProductionSettings.MAIL_HOST, ProductionSettings.MEDIA_ADVERTISED)),
                Arguments.of("production with everything", complete(), List.of()),
                Arguments.of(
                        "a key of 16 bytes",
                        complete().withProperty(ProductionSettings.SECRET_KEY, "MDEyMzQ1Njc4OWFiY2RlZg=="),
                        List.of(ProductionSettings.SECRET_KEY)),
                Arguments.of(
                        "a key that is not base64",
                        complete().withProperty(ProductionSettings.SECRET_KEY, "not base64!"),
                        List.of(ProductionSettings.SECRET_KEY)),
                Arguments.of(
                        "a public URL without scheme",
                        complete().withProperty(ProductionSettings.PUBLIC_URL, "meet.example.org"),
                        List.of(ProductionSettings.PUBLIC_URL)),
                Arguments.of(
                        "media bound to loopback, advertised elsewhere",
                        complete().withProperty(ProductionSettings.MEDIA_BIND, "127.0.0.1"),
                        List.of(ProductionSettings.MEDIA_BIND)),
                Arguments.of(
                        "SFU nodes without their secret",
                        complete().withProperty(ProductionSettings.MEDIA_NODES, "http://10.0.0.5:8444"),
                        List.of(ProductionSettings.MEDIA_NODE_SECRET)),
                Arguments.of(
                        "SFU nodes with their secret need no media address of the app's",
                        environment("jdbc:postgresql://db/portvakt")
                                .withProperty(ProductionSettings.PUBLIC_URL, "https://meet.example.org")
                                .withProperty(ProductionSettings.SECRET_KEY, KEY)
                                .withProperty(ProductionSettings.MAIL_HOST, "smtp.example.org")
                                .withProperty(ProductionSettings.MEDIA_NODES, "http://10.0.0.5:8444")
                                .withProperty(ProductionSettings.MEDIA_NODE_SECRET, "a-secret-of-24-characters"),
                        List.of()),
                Arguments.of(
                        "SFU nodes registering with the secret alone need no media address of the app's",
                        environment("jdbc:postgresql://db/portvakt")
                                .withProperty(ProductionSettings.PUBLIC_URL, "https://meet.example.org")
                                .withProperty(ProductionSettings.SECRET_KEY, KEY)
                                .withProperty(ProductionSettings.MAIL_HOST, "smtp.example.org")
                                .withProperty(ProductionSettings.MEDIA_NODE_SECRET, "a-secret-of-24-characters"),
                        List.of()),
                Arguments.of(
                        "a cluster without its Redis",
                        complete().withProperty(ProductionSettings.CLUSTER, "true"),
                        List.of(ProductionSettings.REDIS_HOST)),
                Arguments.of(
                        "a cluster with its Redis",
                        complete()
                                .withProperty(ProductionSettings.CLUSTER, "true")
                                .withProperty(ProductionSettings.REDIS_HOST, "10.0.0.7"),
                        List.of()),
                Arguments.of(
                        "a cluster with its Redis as a URL",
                        complete()
                                .withProperty(ProductionSettings.CLUSTER, "true")
                                .withProperty(ProductionSettings.REDIS_URL, "redis://10.0.0.7:6379"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEveryMissingOrWrongSetting(String name, MockEnvironment environment, List<String> expected) {
        assertThat(ProductionSettings.problems(environment))
                .extracting(ProductionSettings.SettingProblem::property)
                .containsExactlyElementsOf(expected);
    }

    private static MockEnvironment environment(String url) {
        return new MockEnvironment().withProperty("spring.datasource.url", url);
    }

    private static MockEnvironment complete() {
        return environment("jdbc:postgresql://db/portvakt")
                .withProperty(ProductionSettings.PUBLIC_URL, "https://meet.example.org")
                .withProperty(ProductionSettings.SECRET_KEY, KEY)
                .withProperty(ProductionSettings.MAIL_HOST, "smtp.example.org")
                .withProperty(ProductionSettings.MEDIA_BIND, "0.0.0.0")
                .withProperty(ProductionSettings.MEDIA_ADVERTISED, "203.0.113.10");
    }
}
