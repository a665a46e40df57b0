package se.portvakt.bench.sweep;

/**
 * One sweep point measured once on one server.
 *
 * @param forwardedPerSecond RTP packets per second that reached the generator's receivers (repairs included)
 * @param cpuMicrosPerPacket the server process's CPU time (user + system, every thread) per forwarded packet
 * @param serverCpuShare     the server's CPU time over the window's wall time (1.0 = one core busy)
 * @param generatorCpuShare  the same for the generator's own process
 * @param otherCpuShare      the same for every other process on the machine (foreign load disturbs the numbers)
 * @param p50Millis          median send-to-receive delay, through the server on loopback
 * @param loss               share of the packets sent in the window that never reached a receiver
 * @param rssMib             the server's resident memory at the window's end
 * @param error              why the point could not be measured, or null
 */
public record Measurement(
        String target,
        String scenario,
        int size,
        double forwardedPerSecond,
        double cpuMicrosPerPacket,
        double serverCpuShare,
        double generatorCpuShare,
        double otherCpuShare,
        double p50Millis,
        double p99Millis,
        double loss,
        double rssMib,
        long nacks,
        String profile,
        String error) {

    public static Measurement failed(String target, String scenario, int size, String error) {
        return new Measurement(
                target,
                scenario,
                size,
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                1.0,
                Double.NaN,
                0,
                "-",
                error);
    }

    /** The same measurement as seen by {@code others}, for the retry rule. */
    public boolean calmerThan(Measurement other) {
        return other == null || otherCpuShare < other.otherCpuShare;
    }

    /** Within the sweep's limits: loss at most 1 % and p99 delay at most 50 ms. */
    public boolean passes() {
        return error == null && loss <= 0.01 && p99Millis <= 50.0;
    }
}
