package se.portvakt.bench.sweep;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import se.portvakt.bench.peer.Connection;
import se.portvakt.bench.peer.JoinLog;
import se.portvakt.bench.peer.LoadGenerator;
import se.portvakt.bench.peer.LoadGenerator.Expectation;

/**
 * Joins at scale: N subscribers join a 1-to-N meeting, {@link Parallel}'s 8 at a time, before its publisher starts
 * (a town-hall meeting filling up before the speaker begins), then the publisher starts and every subscriber must
 * receive both of its streams.
 *
 * <p>Apart from the sweep's 1-to-N points on purpose: there the publisher sends throughout, so the late joins
 * compete with forwarding to everyone already in; on a small machine that measures the forwarding limit (the sweep
 * stops there) and says nothing about the joins.
 */
public final class JoinPoint {
    /** How long the subscribers have, after the publisher starts, to receive something of both streams. */
    private static final long MEDIA_TIMEOUT_MILLIS = 60_000;

    private JoinPoint() {}

    /**
     * @param setups         the ICE and DTLS setups of the publisher and the subscribers
     * @param joinSeconds    from the first offer to the last setup done (or failed)
     * @param receiving      subscribers that received something of both streams
     * @param mediaSeconds   from the publisher's start until the last of them did (or the timeout)
     * @param error          what stopped the point, or null
     */
    public record Result(
            String target,
            int subscribers,
            JoinLog.Summary setups,
            double joinSeconds,
            int receiving,
            double mediaSeconds,
            String error) {
        /** Every connection set up and every subscriber receiving. */
        public boolean met() {
            return error == null && setups.failed() == 0 && receiving == subscribers;
        }
    }

    public static Result run(LoadGenerator generator, Target target, int subscribers) {
        generator.joins().clear();
        generator.hold();
        long start = System.nanoTime();
        try {
            MachineLoad.awaitQuiet(0.15, 30, ProcessHandle.current().pid(), target.pid());
            start = System.nanoTime();
            List<Expectation> expected = target.fanOut(generator, subscribers);
            double joinSeconds = (System.nanoTime() - start) / 1e9;
            JoinLog.Summary setups = generator.joins().summary();
            long released = System.nanoTime();
            generator.release();
            generator.awaitFlowing(expected, MEDIA_TIMEOUT_MILLIS);
            int receiving = receiving(expected);
            return new Result(
                    target.name(),
                    subscribers,
                    setups,
                    joinSeconds,
                    receiving,
                    (System.nanoTime() - released) / 1e9,
                    null);
        } catch (Exception e) { // a join that failed, or the setup itself: the log says how far it got
            return new Result(
                    target.name(),
                    subscribers,
                    generator.joins().summary(),
                    (System.nanoTime() - start) / 1e9,
                    0,
                    Double.NaN,
                    e.toString());
        } finally {
            generator.release();
            PointRunner.endPoint(generator, target);
        }
    }

    /** How many receivers got something of every stream they expect. */
    private static int receiving(List<Expectation> expected) {
        Set<Connection> all = new HashSet<>();
        Set<Connection> lacking = new HashSet<>();
        for (Expectation e : expected) {
            all.add(e.receiver());
            if (!e.receiver().receivedFrom(e.source().id())) {
                lacking.add(e.receiver());
            }
        }
        return all.size() - lacking.size();
    }
}
