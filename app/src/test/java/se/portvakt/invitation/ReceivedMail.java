package se.portvakt.invitation;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import se.portvakt.TestMailServer;

/** What a recipient's mail program sees of an invitation that arrived at the test SMTP server. */
record ReceivedMail(MimeMessage message) {

    static List<ReceivedMail> to(String address) {
        return TestMailServer.messagesTo(address).stream()
                .map(ReceivedMail::new)
                .toList();
    }

    String subject() throws MessagingException {
        return message.getSubject();
    }

    String messageId() throws MessagingException {
        return message.getMessageID();
    }

    /** The inline text/calendar part, parsed by ical4j as a calendar program would. */
    Calendar calendar() throws Exception {
        Part part = find(message, "text/calendar");
        if (part == null) {
            throw new AssertionError("No text/calendar part");
        }
        try (InputStream in = part.getInputStream()) {
            return new CalendarBuilder().build(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    String calendarContentType() throws Exception {
        return find(message, "text/calendar").getContentType();
    }

    VEvent event() throws Exception {
        return calendar().getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
    }

    static String value(net.fortuna.ical4j.model.PropertyContainer container, String name) {
        return container.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static Part find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Part found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
