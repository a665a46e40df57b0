package se.portvakt.sfu.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import se.portvakt.sfu.demux.PacketDemux;
import se.portvakt.sfu.demux.PacketKind;
import se.portvakt.sfu.ice.IceCredentials;
import se.portvakt.sfu.ice.IceLiteAgent;
import se.portvakt.sfu.ice.IceOutcome;
import se.portvakt.sfu.sdp.AnswerOptions;
import se.portvakt.sfu.sdp.Fingerprint;
import se.portvakt.sfu.sdp.IceLiteAnswerer;
import se.portvakt.sfu.sdp.MediaDescription;
import se.portvakt.sfu.sdp.SdpParser;
import se.portvakt.sfu.sdp.SdpWriter;
import se.portvakt.sfu.sdp.SessionDescription;

/**
 * A developer tool, not a test: serves a page that publishes fake camera and microphone
 * from a browser, answers its offer with {@link IceLiteAnswerer}, answers its checks with
 * {@link IceLiteAgent} on one UDP port, and writes the offer, the answer and the first
 * datagrams of each kind to a directory. It produced the fixtures under
 * {@code src/test/resources/capture} and {@code sdp/chrome-156-offer.sdp}; see docs/sfu.md.
 *
 * <p>Arguments: output directory, seconds to run. Prints the URL to open.
 */
public final class ChromeCapture {
    private static final IceCredentials LOCAL = new IceCredentials("sfuCapt", "capturepassword012345678");
    /** DTLS does not run yet, so any well-formed fingerprint will do. */
    private static final Fingerprint FINGERPRINT = new Fingerprint(
            "sha-256",
            "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99");

    private static final int KEEP_PER_KIND = 5;

    private ChromeCapture() {}

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[0]));
        long seconds = Long.parseLong(args[1]);
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            IceLiteAgent agent = new IceLiteAgent(Clock.systemUTC());
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", ex -> reply(ex, "text/html", page()));
            http.createContext("/offer", ex -> {
                String offer = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Files.writeString(out.resolve("offer.sdp"), offer);
                String answer = answer(offer, agent, udp.getLocalPort());
                Files.writeString(out.resolve("answer.sdp"), answer);
                reply(ex, "application/sdp", answer.getBytes(StandardCharsets.UTF_8));
            });
            http.createContext("/log", ex -> {
                System.out.println("page: " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                reply(ex, "text/plain", new byte[0]);
            });
            http.start();
            System.out.println(
                    "open http://127.0.0.1:" + http.getAddress().getPort() + "/ ; media port " + udp.getLocalPort());
            Map<PacketKind, Integer> counts = receive(udp, agent, out, seconds);
            System.out.println("datagrams " + counts + ", STUN rejected " + agent.rejected());
            http.stop(0);
        }
    }

    private static String answer(String offerText, IceLiteAgent agent, int port) {
        SessionDescription offer = SdpParser.parse(offerText);
        MediaDescription first = offer.media().get(0);
        agent.open(
                LOCAL,
                new IceCredentials(
                        offer.iceUfrag(first).orElseThrow(), offer.icePwd(first).orElseThrow()));
        AnswerOptions options = AnswerOptions.defaults(
                LOCAL,
                FINGERPRINT,
                List.of(se.portvakt.sfu.sdp.HostCandidate.udp(new InetSocketAddress("127.0.0.1", port))),
                System.currentTimeMillis());
        return SdpWriter.write(IceLiteAnswerer.answer(offer, options));
    }

    private static Map<PacketKind, Integer> receive(DatagramSocket udp, IceLiteAgent agent, Path out, long seconds)
            throws IOException {
        PacketDemux demux = new PacketDemux();
        Map<PacketKind, Integer> counts = new EnumMap<>(PacketKind.class);
        byte[] buf = new byte[2048];
        udp.setSoTimeout(500);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            }
            PacketKind kind = demux.classify(buf, 0, p.getLength());
            int n = counts.merge(kind, 1, Integer::sum);
            if (n <= KEEP_PER_KIND) {
                Files.writeString(
                        out.resolve(kind + "-" + n + ".hex"), HexFormat.of().formatHex(buf, 0, p.getLength()));
            }
            if (kind == PacketKind.STUN) {
                IceOutcome o = agent.handle(buf, 0, p.getLength(), (InetSocketAddress) p.getSocketAddress());
                if (o.hasResponse()) {
                    udp.send(new DatagramPacket(o.response(), o.response().length, p.getSocketAddress()));
                }
                if (o.nominated()) {
                    System.out.println("nominated " + p.getSocketAddress());
                }
            }
        }
        return counts;
    }

    private static byte[] page() throws IOException {
        try (InputStream in = ChromeCapture.class.getResourceAsStream("/capture/chrome-publisher.html")) {
            return in.readAllBytes();
        }
    }

    private static void reply(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }
}
