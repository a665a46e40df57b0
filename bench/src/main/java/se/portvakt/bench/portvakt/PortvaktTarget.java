package se.portvakt.bench.portvakt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import se.portvakt.bench.peer.Connection;
import se.portvakt.bench.peer.LoadGenerator;
import se.portvakt.bench.peer.LoadGenerator.Expectation;
import se.portvakt.bench.peer.OutgoingStream;
import se.portvakt.bench.peer.Sdp;
import se.portvakt.bench.peer.Sdp.Section;
import se.portvakt.bench.sweep.ChildProcess;
import se.portvakt.bench.sweep.NativeMemory;
import se.portvakt.bench.sweep.Parallel;
import se.portvakt.bench.sweep.Target;

/**
 * Portvakt's SFU in its own JVM ({@link SfuServer}), driven as the app drives it: every participant offers its
 * tracks (sendonly, declared by a=ssrc) and receive slots (recvonly) on one connection; once everyone joined,
 * each offers again on the same connection so the streams of those who joined later are placed too (what the
 * app's "renegotiate" message makes a browser do).
 */
public final class PortvaktTarget implements Target {
    private static final String SOURCES = "0:microphone,1:camera";

    private final ChildProcess process;
    private final String base;
    private final int loops;
    /** Whether the JVM tracks its native memory ({@link NativeMemory#FLAG}). */
    private final boolean tracked;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger meetings = new AtomicInteger();
    private final List<String> open = new ArrayList<>();

    private PortvaktTarget(ChildProcess process, int httpPort, int loops, boolean tracked) {
        this.process = process;
        this.tracked = tracked;
        this.base = "http://127.0.0.1:" + httpPort;
        this.loops = loops;
    }

    /**
     * Starts the SFU JVM with the benchmark's own class path and a production SFU node's JVM flags
     * ({@link SfuJvmFlags}).
     *
     * @param jvmOptions extra JVM options (a JFR recording)
     */
    public static PortvaktTarget start(Path logDir, List<String> jvmOptions) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(SfuJvmFlags.flags());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SfuServer.class.getName()));
        ChildProcess.Started started = ChildProcess.start(
                command, logDir.resolve("portvakt-sfu.log"), line -> line.startsWith("PORTVAKT-SFU "), 60);
        String port = started.readyLine().replaceAll(".*http=(\\d+).*", "$1");
        String loops = started.readyLine().replaceAll(".*loops=(\\d+).*", "$1");
        return new PortvaktTarget(
                started.process(),
                Integer.parseInt(port),
                Integer.parseInt(loops),
                command.contains(NativeMemory.FLAG));
    }

    /** The SFU's packet loops (one per core the SFU's JVM sees), each carrying whole meetings. */
    public int loops() {
        return loops;
    }

    @Override
    public String name() {
        return "Portvakt";
    }

    @Override
    public long pid() {
        return process.pid();
    }

    /** Empty unless the SFU's JVM was started with {@link NativeMemory#FLAG} (the sweep starts it so). */
    @Override
    public Optional<NativeMemory> nativeMemory() {
        return tracked ? NativeMemory.of(pid()) : Optional.empty();
    }

    @Override
    public List<Expectation> room(LoadGenerator generator, int participants) throws Exception {
        String meeting = newMeeting();
        Connection[] connections = new Connection[participants];
        OutgoingStream[][] tracks = new OutgoingStream[participants][];
        String[] offers = new String[participants];
        for (int i = 0; i < participants; i++) {
            Connection c = generator.newConnection("p" + i);
            connections[i] = c;
            tracks[i] = new OutgoingStream[] {generator.publish(c, false, "0"), generator.publish(c, true, "1")};
            List<Section> sections = new ArrayList<>(List.of(Section.send(tracks[i][0]), Section.send(tracks[i][1])));
            for (int k = 0; k < participants - 1; k++) {
                sections.add(Section.receive(String.valueOf(2 + 2 * k), false));
                sections.add(Section.receive(String.valueOf(3 + 2 * k), true));
            }
            offers[i] = Sdp.offer(c, sections, "actpass");
        }
        Parallel.forEach(participants, i -> join(generator, meeting, connections[i], offers[i]));
        // everyone is in: offer again so the streams of later joiners get their slots
        Parallel.forEach(participants, i -> negotiate(meeting, connections[i], offers[i]));
        List<Expectation> expected = new ArrayList<>();
        for (int r = 0; r < participants; r++) {
            for (int p = 0; p < participants; p++) {
                if (r != p) {
                    expected.add(new Expectation(connections[r], tracks[p][0]));
                    expected.add(new Expectation(connections[r], tracks[p][1]));
                }
            }
        }
        return expected;
    }

    @Override
    public List<Expectation> fanOut(LoadGenerator generator, int subscribers) throws Exception {
        String meeting = newMeeting();
        Connection publisher = generator.newConnection("pub");
        OutgoingStream audio = generator.publish(publisher, false, "0");
        OutgoingStream video = generator.publish(publisher, true, "1");
        join(
                generator,
                meeting,
                publisher,
                Sdp.offer(publisher, List.of(Section.send(audio), Section.send(video)), "actpass"));
        Connection[] receivers = new Connection[subscribers];
        for (int i = 0; i < subscribers; i++) {
            receivers[i] = generator.newConnection("s" + i);
        }
        Parallel.forEach(
                subscribers,
                i -> join(
                        generator,
                        meeting,
                        receivers[i],
                        Sdp.offer(
                                receivers[i],
                                List.of(Section.receive("0", false), Section.receive("1", true)),
                                "actpass")));
        List<Expectation> expected = new ArrayList<>();
        for (Connection r : receivers) {
            expected.add(new Expectation(r, audio));
            expected.add(new Expectation(r, video));
        }
        return expected;
    }

    private String newMeeting() throws IOException, InterruptedException {
        String meeting = "bench-" + meetings.incrementAndGet();
        post("/meeting/" + meeting, "");
        synchronized (open) {
            open.add(meeting);
        }
        return meeting;
    }

    private void join(LoadGenerator generator, String meeting, Connection c, String offer) throws Exception {
        String answer = negotiate(meeting, c, offer);
        Sdp.Remote remote = Sdp.remote(answer);
        c.connect(remote.address(), remote.ice(), remote.fingerprint());
        generator.start(c);
    }

    private String negotiate(String meeting, Connection c, String offer) throws IOException, InterruptedException {
        String answer = post("/meeting/" + meeting + "/" + c.name() + "?sources=" + SOURCES, offer);
        Sdp.videoSsrcs(answer).forEach(c::expectVideo);
        return answer;
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Portvakt " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void clear() throws IOException, InterruptedException {
        List<String> meetingsToClose;
        synchronized (open) {
            meetingsToClose = List.copyOf(open);
            open.clear();
        }
        for (String meeting : meetingsToClose) {
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/meeting/" + meeting))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
