package se.portvakt;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** One real SMTP server (GreenMail) for the whole test run; tests find their mail by recipient. */
public final class TestMailServer {

    private static final int PORT = freePort();
    private static GreenMail server;

    private TestMailServer() {}

    static int smtpPort() {
        start();
        return PORT;
    }

    public static synchronized GreenMail start() {
        if (server == null || !server.isRunning()) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** Takes the server down, to show what happens when the organisation's mail server is out. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(start().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(r -> r.toString().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
