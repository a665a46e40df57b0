package se.portvakt.bench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.portvakt.bench.peer.LoadGenerator;
import se.portvakt.bench.peer.LoadGenerator.Expectation;

/** A server under test, running in its own process: what the sweep sets up on it and measures. */
public interface Target extends AutoCloseable {

    /** Short name for tables: "Portvakt", "Janus". */
    String name();

    /** The server's process, whose CPU time and memory are read from /proc. */
    long pid();

    /** A room where every one of {@code participants} publishes audio and video and receives all the others. */
    List<Expectation> room(LoadGenerator generator, int participants) throws Exception;

    /**
     * {@code meetings} separate {@link #room}s of {@code participants} each, set up one after the other and all open
     * together until {@link #clear}.
     */
    default List<Expectation> rooms(LoadGenerator generator, int meetings, int participants) throws Exception {
        List<Expectation> expected = new ArrayList<>();
        for (int m = 0; m < meetings; m++) {
            expected.addAll(room(generator, participants));
        }
        return expected;
    }

    /** One publisher (audio and video) received by {@code subscribers} receive-only connections. */
    List<Expectation> fanOut(LoadGenerator generator, int subscribers) throws Exception;

    /** Where the server's memory goes now, if it can say (a JVM with Native Memory Tracking on). */
    default Optional<NativeMemory> nativeMemory() {
        return Optional.empty();
    }

    /** Ends the rooms of the last point, every one of them (the generator closes its connections itself). */
    void clear() throws Exception;

    @Override
    void close();
}
