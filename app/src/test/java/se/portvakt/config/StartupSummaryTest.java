package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StartupSummaryTest {

    @Test
    void theDatabaseIsNamedWithoutItsCredentials() {
        assertThat(StartupSummary.database("jdbc:postgresql://db:5432/portvakt?user=portvakt&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/portvakt?user=***&password=***&ssl=true");
    }

    @Test
    void theSummaryNamesAddressesAndRoutesButNoSecret() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/portvakt")
                .withProperty("spring.datasource.password", "db-secret")
                .withProperty("portvakt.public-url", "https://meet.example.org")
                .withProperty("portvakt.secret-key", ProductionSettingsTest.KEY)
                .withProperty("portvakt.media.bind-address", "0.0.0.0")
                .withProperty("portvakt.media.advertised-address", "203.0.113.10")
                .withProperty("portvakt.media.loops", "4")
                .withProperty("spring.mail.host", "smtp.example.org")
                .withProperty("spring.mail.password", "mail-secret")
                .withProperty("portvakt.identity.bankid.base-url", "https://appapi2.bankid.com/rp/v6.0");

        String summary = String.join("\n", new StartupSummary(environment).lines());

        assertThat(summary)
                .contains(
                        "production",
                        "https://meet.example.org",
                        "0.0.0.0:10000-10003",
                        "203.0.113.10 (4 packet loops, a port each)",
                        "SMTP smtp.example.org:25",
                        "BankID at appapi2.bankid.com",
                        "Freja eID off",
                        "nodes:       one");
        assertThat(summary).doesNotContain("db-secret", "mail-secret", ProductionSettingsTest.KEY);
    }

    @Test
    void aMediaSettingThatIsNoNumberIsShownAsItIs() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("portvakt.media.udp-port", "tiotusen")
                .withProperty("portvakt.media.loops", "två");

        String summary = String.join("\n", new StartupSummary(environment).lines());

        assertThat(summary).contains("127.0.0.1:tiotusen", "(två packet loops, a port each)");
    }

    @Test
    void aClusterNamesItsRedisButNotItsPassword() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("portvakt.cluster.enabled", "true")
                .withProperty("spring.data.redis.url", "redis://:redis-secret@10.0.0.7:6379");

        String summary = String.join("\n", new StartupSummary(environment).lines());

        assertThat(summary)
                .contains("nodes:       a cluster, through Redis at 10.0.0.7")
                .doesNotContain("redis-secret");
    }

    @Test
    void anUnsetPublicUrlOnAnotherPortIsPointedOut() {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "8443");

        String summary = String.join("\n", new StartupSummary(environment).lines());

        assertThat(summary)
                .contains("public URL:  http://localhost:8080 (the default, but this node listens on port 8443: "
                        + "set portvakt.public-url");
    }
}
