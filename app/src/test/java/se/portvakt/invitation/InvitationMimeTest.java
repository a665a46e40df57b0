package se.portvakt.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvitationMimeTest {

    static final String MESSAGE_ID = "<0b5c2a8e-1f00-4e4e-9a3a-6c1f5b8d2e11@portvakt.example.se>";

    @Test
    void anInvitationIsMixedAlternativeWithTheCalendarInlineAndAttached() throws Exception {
        Draft email = TestTemplates.composer()
                .compose(SampleMeeting.meeting(), SampleMeeting.anna(), Notice.INVITATION, false)
                .get(0);

        MimeMessage mime = roundTrip(
                InvitationMime.build(row(email), new InternetAddress("Portvakt <no-reply@portvakt.example.se>")));

        assertThat(mime.getContentType()).startsWith("multipart/mixed");
        assertThat(mime.getSubject()).isEqualTo("Inbjudan: Uppföljning");
        assertThat(mime.getFrom())
                .extracting(Object::toString)
                .containsExactly("Portvakt <no-reply@portvakt.example.se>");
        assertThat(mime.getAllRecipients()).extracting(Object::toString).containsExactly("anna@example.se");
        MimeMultipart mixed = (MimeMultipart) mime.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);

        BodyPart body = mixed.getBodyPart(0);
        assertThat(body.getContentType()).startsWith("multipart/alternative");
        MimeMultipart alternative = (MimeMultipart) body.getContent();
        assertThat(alternative.getCount()).isEqualTo(3);
        assertThat(alternative.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("/m/AnnasToken");
        assertThat(alternative.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("<html");
        assertThat(alternative.getBodyPart(2).getContentType())
                .isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
        assertThat(text(alternative.getBodyPart(2))).isEqualTo(email.calendar());

        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getContentType()).startsWith("application/ics");
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("invite.ics");
        assertThat(text(attachment)).isEqualTo(email.calendar());
    }

    @Test
    void aCancellationSaysMethodCancelInTheMimeTypeToo() throws Exception {
        Draft email = TestTemplates.composer()
                .compose(SampleMeeting.meeting(), SampleMeeting.anna(), Notice.CANCELLATION, false)
                .get(0);

        MimeMessage mime =
                roundTrip(InvitationMime.build(row(email), new InternetAddress("no-reply@portvakt.example.se")));

        MimeMultipart alternative = (MimeMultipart)
                ((MimeMultipart) mime.getContent()).getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(2).getContentType())
                .isEqualTo("text/calendar; method=CANCEL; charset=UTF-8");
        assertThat(mime.getSubject()).isEqualTo("Inställd: Uppföljning");
    }

    @Test
    void everyAttemptIsTheSameMessageWithTheRowsMessageIdAndDate() throws Exception {
        Draft email = TestTemplates.composer()
                .compose(SampleMeeting.meeting(), SampleMeeting.anna(), Notice.INVITATION, false)
                .get(0);
        InternetAddress from = new InternetAddress("no-reply@portvakt.example.se");

        MimeMessage first = InvitationMime.build(row(email), from);
        first.saveChanges(); // what JavaMailSender does before it sends
        MimeMessage second = roundTrip(InvitationMime.build(row(email), from));

        assertThat(first.getMessageID()).isEqualTo(MESSAGE_ID);
        assertThat(second.getMessageID()).isEqualTo(MESSAGE_ID);
        assertThat(second.getSentDate()).isEqualTo(first.getSentDate());
    }

    static OutboxMessage row(Draft email) {
        return new OutboxMessage(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Channel.EMAIL,
                email.recipient(),
                email.subject(),
                email.bodyText(),
                email.bodyHtml(),
                email.calendar(),
                MESSAGE_ID,
                OutboxStatus.SENDING,
                1,
                Instant.parse("2031-03-01T12:00:00Z"),
                null,
                null,
                Instant.parse("2031-03-01T12:00:00Z"),
                null);
    }

    /** Writes the message out and parses it back, as the receiving side sees it. */
    static MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    }

    private static String text(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
