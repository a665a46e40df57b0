package se.portvakt.guest;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.portvakt.TestMailServer;

/** What the guest tests read from the messages sent: codes and personal links. */
final class GuestMail {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private GuestMail() {}

    /** Delivers everything due, however much other tests left queued in a shared database. */
    static void deliverAll(se.portvakt.invitation.OutboxWorker outbox) {
        while (outbox.deliverDue() > 0) {
            // each round sends up to one batch
        }
    }

    /** The code in the newest code e-mail to the address. */
    static String codeMailedTo(String address, String subject) {
        // the SMTP server may file a message a moment after it accepted it, as GreenMail's own docs warn
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<MimeMessage> codes = TestMailServer.messagesTo(address).stream()
                    .filter(message -> subjectOf(message).equals(subject))
                    .toList();
            if (!codes.isEmpty()) {
                return codeIn(textOf(codes.get(codes.size() - 1)));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No code e-mail to " + address);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static long codeMailsTo(String address, String subject) {
        return TestMailServer.messagesTo(address).stream()
                .filter(message -> subjectOf(message).equals(subject))
                .count();
    }

    static String codeIn(String text) {
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No code in: " + text);
        }
        return matcher.group(1);
    }

    /** The personal link's path (/m/...) in the newest e-mail to the address, as the guest would click it. */
    static String linkMailedTo(String address) {
        List<MimeMessage> mails = TestMailServer.messagesTo(address);
        if (mails.isEmpty()) {
            throw new AssertionError("No e-mail to " + address);
        }
        Matcher link =
                Pattern.compile("https?://[^/\\s]+(/m/[A-Za-z0-9_-]+)").matcher(textOf(mails.get(mails.size() - 1)));
        if (!link.find()) {
            throw new AssertionError("No personal link in the e-mail to " + address);
        }
        return link.group(1);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(MimeMessage message) {
        try {
            return plainText(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(plainText(multipart.getBodyPart(i)));
            }
        }
        return text.toString();
    }
}
