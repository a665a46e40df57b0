package se.portvakt.bench.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import se.portvakt.bench.peer.LoadGenerator;
import se.portvakt.bench.peer.MediaProfile;
import se.portvakt.bench.portvakt.PortvaktTarget;

/**
 * {@code try TARGET room|fanout|rooms|joins N [seconds]}: one point on one server, printed; for trying things out.
 * With {@code rooms}, N is the number of meetings of {@link Scenario#MEETING_SIZE}; {@code joins} is a
 * {@link JoinPoint} of N subscribers.
 */
public final class TryPoint {
    private TryPoint() {}

    public static void main(String[] args) throws Exception {
        String which = args[0];
        Scenario scenario = switch (args[1]) {
            case "room" -> Scenario.ROOM;
            case "fanout" -> Scenario.FAN_OUT;
            case "rooms" -> Scenario.ROOMS;
            case "joins" -> null; // a JoinPoint, not a sweep point
            default -> throw new IllegalArgumentException("room, fanout, rooms or joins, not " + args[1]);
        };
        int size = Integer.parseInt(args[2]);
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 5;
        Path out = Files.createDirectories(Path.of("bench/target/try"));
        if (!which.equals("janus")) {
            System.out.println("SFU JVM flags: " + String.join(" ", se.portvakt.bench.portvakt.SfuJvmFlags.flags()));
        }
        try (LoadGenerator generator =
                        new LoadGenerator(MediaProfile.CAMERA_AND_MIC, Integer.getInteger("bench.receivers", 2));
                Target target = which.equals("janus")
                        ? se.portvakt.bench.janus.JanusTarget.start(out)
                        : PortvaktTarget.start(out, List.of())) {
            if (scenario == null) {
                System.out.println(JoinPoint.run(generator, target, size));
            } else {
                System.out.println(new PointRunner(generator, seconds, 2).run(target, scenario, size));
            }
        }
    }
}
