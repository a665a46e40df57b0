package se.portvakt.invitation;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MIME form of an invitation e-mail, in the shape Outlook, Google and Apple all read as a meeting:
 * <pre>
 * multipart/mixed
 *   multipart/alternative
 *     text/plain
 *     text/html
 *     text/calendar; method=REQUEST|CANCEL   (what calendar clients act on)
 *   application/ics "invite.ics"             (for clients that only offer attachments)
 * </pre>
 */
final class InvitationMime {

    static final String ATTACHMENT_NAME = "invite.ics";
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final Pattern METHOD = Pattern.compile("(?m)^METHOD:([A-Z-]+)\\r?$");
    // only builds messages; the JavaMailSender's own session sends them
    private static final Session SESSION = Session.getInstance(new Properties());

    private InvitationMime() {}

    static MimeMessage build(OutboxMessage message, InternetAddress from) throws MessagingException {
        MimeMessage mime = new StableIdMimeMessage(message.messageId());
        mime.setFrom(from);
        mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(message.recipient(), true));
        mime.setSubject(message.subject(), UTF_8);
        // the time it was queued, not sent: every attempt is the same message, byte for byte
        mime.setSentDate(Date.from(message.createdAt()));

        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text(message.bodyText(), "plain"));
        alternative.addBodyPart(text(message.bodyHtml(), "html"));
        if (message.calendar() == null) {
            mime.setContent(alternative);
        } else {
            String method = calendarMethod(message.calendar());
            alternative.addBodyPart(bytes(message.calendar(), "text/calendar; method=" + method + "; charset=UTF-8"));
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart attachment = bytes(message.calendar(), "application/ics; name=\"" + ATTACHMENT_NAME + "\"");
            attachment.setDisposition(Part.ATTACHMENT);
            attachment.setFileName(ATTACHMENT_NAME);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment);
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    /** The METHOD of a calendar object Portvakt wrote; the MIME part must name the same one. */
    static String calendarMethod(String calendar) {
        Matcher matcher = METHOD.matcher(calendar);
        if (!matcher.find()) {
            throw new IllegalArgumentException("Calendar object without METHOD");
        }
        return matcher.group(1);
    }

    private static MimeBodyPart text(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, UTF_8, subtype);
        return part;
    }

    private static MimeBodyPart bytes(String content, String contentType) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(
                new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.UTF_8), contentType)));
        part.setHeader("Content-Type", contentType);
        return part;
    }

    /** Keeps the outbox row's Message-ID instead of making a new one each time the message is saved. */
    private static final class StableIdMimeMessage extends MimeMessage {

        private final String messageId;

        StableIdMimeMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
