package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.portvakt.config.DeploymentMode;

class CourierConfigTest {

    static final InvitationProperties NO_SMS = properties(null);
    static final InvitationProperties WITH_SMS = properties(URI.create("https://sms.example/send"));

    @Test
    void theEmbeddedDefaultKeepsEverythingInTheDevMailbox() {
        Couriers couriers = CourierConfig.couriers(null, DeploymentMode.EMBEDDED, NO_SMS);

        assertThat(couriers.email()).isSameAs(Couriers.DEV_MAILBOX);
        assertThat(couriers.sms()).isSameAs(Couriers.DEV_MAILBOX);
        assertThat(couriers.smsEnabled()).isTrue();
    }

    @Test
    void productionWithoutAnSmtpServerRefusesToStart() {
        assertThatThrownBy(() -> CourierConfig.couriers(null, DeploymentMode.PRODUCTION, WITH_SMS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.mail.host is not set");
    }

    @Test
    void productionWithoutAnSmsGatewaySendsNoSms() {
        Couriers couriers = CourierConfig.couriers(new JavaMailSenderImpl(), DeploymentMode.PRODUCTION, NO_SMS);

        assertThat(couriers.email()).isInstanceOf(SmtpCourier.class);
        assertThat(couriers.smsEnabled()).isFalse();
    }

    @Test
    void aConfiguredServerAndGatewayAreUsedInEitherMode() {
        for (DeploymentMode mode : DeploymentMode.values()) {
            Couriers couriers = CourierConfig.couriers(new JavaMailSenderImpl(), mode, WITH_SMS);

            assertThat(couriers.email()).isInstanceOf(SmtpCourier.class);
            assertThat(couriers.sms()).isInstanceOf(SmsGatewayCourier.class);
        }
    }

    @Test
    void smtpGetsTimeoutsUnlessTheyAreSet() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "5000");

        CourierConfig.couriers(sender, DeploymentMode.PRODUCTION, NO_SMS);

        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtp.timeout", "5000")
                .containsEntry("mail.smtp.connectiontimeout", CourierConfig.SMTP_TIMEOUT_MILLIS)
                .containsEntry("mail.smtp.writetimeout", CourierConfig.SMTP_TIMEOUT_MILLIS);
    }

    @Test
    void aBadFromAddressIsReportedAtStartUp() {
        InvitationProperties bad = new InvitationProperties(
                "Portvakt <not an address",
                Duration.ofSeconds(2),
                10,
                new InvitationProperties.Sms(null, null, "Portvakt"));

        assertThatThrownBy(() -> CourierConfig.couriers(new JavaMailSenderImpl(), DeploymentMode.PRODUCTION, bad))
                .hasMessageContaining("portvakt.invitation.from");
    }

    static InvitationProperties properties(URI gateway) {
        return new InvitationProperties(
                "Portvakt <no-reply@portvakt.example.se>",
                Duration.ofSeconds(2),
                10,
                new InvitationProperties.Sms(gateway, "secret", "Portvakt"));
    }
}
