package se.portvakt.invitation;

import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.portvakt.config.DeploymentMode;

/**
 * Chooses how messages leave. E-mail: SMTP when spring.mail.host is set; otherwise the dev mailbox in the
 * embedded default, and a refusal to start in production, where a silently unsent invitation is worse.
 * SMS: the gateway when its URL is set; otherwise the dev mailbox in the embedded default, and off in production.
 */
@Configuration(proxyBeanMethods = false)
class CourierConfig {

    private static final Logger log = LoggerFactory.getLogger(CourierConfig.class);

    /** Jakarta Mail waits forever by default; a hung SMTP server must not stall the outbox. */
    static final String SMTP_TIMEOUT_MILLIS = "30000";

    @Bean
    Couriers invitationCouriers(
            ObjectProvider<JavaMailSender> mailSender, DeploymentMode mode, InvitationProperties properties) {
        return couriers(mailSender.getIfAvailable(), mode, properties);
    }

    static Couriers couriers(JavaMailSender mailSender, DeploymentMode mode, InvitationProperties properties) {
        Courier email;
        if (mailSender != null) {
            email = new SmtpCourier(withTimeouts(mailSender), properties.from());
        } else if (mode.embedded()) {
            log.info("spring.mail.host is not set: invitation e-mails go to the dev mailbox at /dev/mailbox");
            email = Couriers.DEV_MAILBOX;
        } else {
            throw new IllegalStateException("spring.mail.host is not set. In production Portvakt sends invitations "
                    + "by e-mail and needs an SMTP server: set spring.mail.host and spring.mail.port (and "
                    + "spring.mail.username and spring.mail.password if the server wants a login). Only the embedded "
                    + "default (H2) keeps messages in a dev mailbox instead.");
        }
        Courier sms;
        if (properties.sms().enabled()) {
            sms = new SmsGatewayCourier(properties.sms());
        } else if (mode.embedded()) {
            sms = Couriers.DEV_MAILBOX;
        } else {
            log.info("portvakt.invitation.sms.gateway-url is not set: invitations go by e-mail only");
            sms = null;
        }
        return new Couriers(email, sms);
    }

    private static JavaMailSender withTimeouts(JavaMailSender sender) {
        if (sender instanceof JavaMailSenderImpl impl) {
            Properties properties = new Properties();
            properties.putAll(impl.getJavaMailProperties());
            for (String key :
                    new String[] {"mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout"}) {
                properties.putIfAbsent(key, SMTP_TIMEOUT_MILLIS);
            }
            impl.setJavaMailProperties(properties);
        }
        return sender;
    }
}
