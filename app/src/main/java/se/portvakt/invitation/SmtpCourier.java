package se.portvakt.invitation;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends e-mail through the organisation's SMTP server ({@code spring.mail.*}). */
final class SmtpCourier implements Courier {

    private final JavaMailSender sender;
    private final InternetAddress from;

    SmtpCourier(JavaMailSender sender, String from) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("portvakt.invitation.from is not a valid address: " + from, e);
        }
    }

    @Override
    public Route deliver(OutboxMessage message) throws MessagingException {
        sender.send(InvitationMime.build(message, from));
        return Route.SMTP;
    }
}
