package se.portvakt.bench.janus;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import se.portvakt.bench.peer.Connection;
import se.portvakt.bench.peer.LoadGenerator;
import se.portvakt.bench.peer.LoadGenerator.Expectation;
import se.portvakt.bench.peer.OutgoingStream;
import se.portvakt.bench.peer.Sdp;
import se.portvakt.bench.peer.Sdp.Section;
import se.portvakt.bench.sweep.ChildProcess;
import se.portvakt.bench.sweep.Parallel;
import se.portvakt.bench.sweep.Target;
import tools.jackson.databind.JsonNode;

/**
 * Janus 1.1.2 (the Debian package) as a child process with {@link JanusConfig}, driven through the VideoRoom
 * plugin as janus.js does it: each participant publishes on one handle (join as publisher, publish with an
 * offer) and receives everyone else on a second handle and connection (one multistream subscription: join as
 * subscriber, answer Janus's offer, start). Several rooms of one point (the sweep's "M rooms") are separate
 * VideoRooms in one API session.
 */
public final class JanusTarget implements Target {
    private static final String BASE = "http://127.0.0.1:" + JanusConfig.HTTP_PORT + "/janus";

    private final ChildProcess process;
    private final AtomicInteger rooms = new AtomicInteger(1000);
    /** One session per point (opened by its first room), holding every handle of the point. */
    private JanusApi api;

    private long adminHandle;
    /** The rooms of the current point, destroyed by {@link #clear}. */
    private final List<Long> open = new ArrayList<>();

    /** The machine's own IPv4 address, which Janus's candidates name; the generator binds there too. */
    private final InetAddress address;

    private JanusTarget(ChildProcess process, InetAddress address) {
        this.process = process;
        this.address = address;
    }

    private static InetAddress hostAddress() throws IOException {
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        }
        throw new IOException("no IPv4 address besides loopback: Janus (libnice) gathers no loopback candidates");
    }

    public static JanusTarget start(Path dir) throws IOException {
        Path conf = JanusConfig.write(dir);
        List<String> command = List.of(
                "janus", "-F", conf.toString(), "-C", conf.resolve("janus.jcfg").toString(), "-o");
        ChildProcess.Started started = ChildProcess.start(
                command, dir.resolve("janus.log"), line -> line.contains("Starting Meetecho Janus"), 30);
        awaitHttp(started.process());
        return new JanusTarget(started.process(), hostAddress());
    }

    /** At warning level Janus logs nothing when it is ready: poll GET /janus/info until it answers. */
    private static void awaitHttp(ChildProcess process) throws IOException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                var response = http.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/info"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.close();
        throw new IOException("Janus's HTTP API did not answer on " + BASE + " (see " + process.log() + ")");
    }

    @Override
    public String name() {
        return "Janus";
    }

    @Override
    public long pid() {
        return process.pid();
    }

    private long newRoom(int publishers) throws Exception {
        if (api == null) {
            api = new JanusApi(BASE);
            adminHandle = api.attachVideoRoom();
        }
        long room = rooms.incrementAndGet();
        JsonNode created = api.request(
                adminHandle,
                Map.of(
                        "request",
                        "create",
                        "room",
                        room,
                        "publishers",
                        publishers,
                        "bitrate",
                        JanusConfig.BITRATE_CAP,
                        "audiocodec",
                        "opus",
                        "videocodec",
                        "vp8",
                        "permanent",
                        false,
                        "notify_joining",
                        false));
        if (!created.path("videoroom").asString().equals("created")) {
            throw new IOException("Janus did not create the room: " + created);
        }
        open.add(room);
        return room;
    }

    @Override
    public List<Expectation> room(LoadGenerator generator, int participants) throws Exception {
        long room = newRoom(participants);
        Connection[] publishers = new Connection[participants];
        OutgoingStream[][] tracks = new OutgoingStream[participants][];
        Parallel.forEach(participants, i -> {
            publishers[i] = generator.newConnection("p" + i, address);
            tracks[i] = publish(generator, publishers[i], room, 1000 + i);
        });
        Connection[] subscribers = new Connection[participants];
        Parallel.forEach(participants, i -> {
            subscribers[i] = generator.newConnection("p" + i + "-in", address);
            List<Integer> feeds = new ArrayList<>();
            for (int p = 0; p < participants; p++) {
                if (p != i) {
                    feeds.add(1000 + p);
                }
            }
            subscribe(generator, subscribers[i], room, feeds);
        });
        List<Expectation> expected = new ArrayList<>();
        for (int r = 0; r < participants; r++) {
            for (int p = 0; p < participants; p++) {
                if (r != p) {
                    expected.add(new Expectation(subscribers[r], tracks[p][0]));
                    expected.add(new Expectation(subscribers[r], tracks[p][1]));
                }
            }
        }
        return expected;
    }

    @Override
    public List<Expectation> fanOut(LoadGenerator generator, int subscribers) throws Exception {
        long room = newRoom(1);
        Connection publisher = generator.newConnection("pub", address);
        OutgoingStream[] tracks = publish(generator, publisher, room, 1000);
        Connection[] receivers = new Connection[subscribers];
        Parallel.forEach(subscribers, i -> {
            receivers[i] = generator.newConnection("s" + i, address);
            subscribe(generator, receivers[i], room, List.of(1000));
        });
        List<Expectation> expected = new ArrayList<>();
        for (Connection r : receivers) {
            expected.add(new Expectation(r, tracks[0]));
            expected.add(new Expectation(r, tracks[1]));
        }
        return expected;
    }

    private OutgoingStream[] publish(LoadGenerator generator, Connection c, long room, int feed) throws Exception {
        OutgoingStream audio = generator.publish(c, false, "0");
        OutgoingStream video = generator.publish(c, true, "1");
        long handle = api.attachVideoRoom();
        api.message(
                handle,
                Map.of("request", "join", "ptype", "publisher", "room", room, "id", feed, "display", c.name()),
                null);
        // "active": Janus answers an actpass offer as the DTLS client; this makes it the server, as with Portvakt
        String offer = Sdp.offer(c, List.of(Section.send(audio), Section.send(video)), "active");
        JsonNode event = api.message(
                handle, Map.of("request", "publish"), Map.of("type", "offer", "sdp", offer, "trickle", false));
        String answer = event.path("jsep").path("sdp").asString();
        Sdp.Remote remote = Sdp.remote(answer);
        c.connect(remote.address(), remote.ice(), remote.fingerprint());
        generator.start(c);
        return new OutgoingStream[] {audio, video};
    }

    private void subscribe(LoadGenerator generator, Connection c, long room, List<Integer> feeds) throws Exception {
        long handle = api.attachVideoRoom();
        List<Map<String, Object>> streams = new ArrayList<>();
        feeds.forEach(f -> streams.add(Map.of("feed", f)));
        Map<String, Object> join =
                new LinkedHashMap<>(Map.of("request", "join", "ptype", "subscriber", "room", room, "streams", streams));
        JsonNode attached = api.message(handle, join, null);
        String offer = attached.path("jsep").path("sdp").asString();
        String answer = Sdp.answer(c, offer);
        api.message(handle, Map.of("request", "start"), Map.of("type", "answer", "sdp", answer, "trickle", false));
        Sdp.Remote remote = Sdp.remote(offer);
        c.connect(remote.address(), remote.ice(), remote.fingerprint());
        generator.start(c);
    }

    @Override
    public void clear() throws Exception {
        if (api == null) {
            return;
        }
        Exception first = null;
        for (long room : open) {
            try {
                api.request(adminHandle, Map.of("request", "destroy", "room", room));
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        api.close();
        api = null;
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void close() {
        try {
            clear();
        } catch (Exception e) {
            // stopping Janus ends everything
        }
        process.close();
    }
}
