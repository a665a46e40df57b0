package se.portvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The embedded banner's "e-mail really goes out" follows the same setting as the mail sender: spring.mail.host. */
class DeploymentModeMailTest {

    @Test
    void mailGoesOutExactlyWhenAMailHostIsSet() {
        assertThat(DeploymentMode.sendsMail(new MockEnvironment())).isFalse();
        assertThat(DeploymentMode.sendsMail(new MockEnvironment().withProperty("spring.mail.host", " ")))
                .isFalse();
        assertThat(DeploymentMode.sendsMail(
                        new MockEnvironment().withProperty("spring.mail.host", "smtp.kommun.example")))
                .isTrue();
    }
}
