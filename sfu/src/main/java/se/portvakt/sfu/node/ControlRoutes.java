package se.portvakt.sfu.node;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import se.portvakt.sfu.Sfu;
import tools.jackson.core.type.TypeReference;

/**
 * The control API's paths, one per {@link Sfu} method (docs/sfu-control.md). Answers what the method returned as
 * JSON, or 204 when it returns nothing; an {@link IllegalArgumentException} from the SFU becomes 400 in {@link
 * ControlServer}.
 */
final class ControlRoutes {

    /** What a request is answered: a status and a body to write as JSON, or none. */
    record Reply(int status, Object body) {
        static final Reply DONE = new Reply(204, null);

        static Reply ok(Object body) {
            return new Reply(200, body);
        }
    }

    /** No such path (404), or the path exists for other methods (405 with {@code allowed}). */
    static final class NoRoute extends RuntimeException {
        final String allowed;

        NoRoute(String allowed) {
            super(allowed == null ? "no such path" : "method not allowed", null, false, false);
            this.allowed = allowed;
        }
    }

    private static final TypeReference<Map<String, String>> LAYERS = new TypeReference<>() {};

    private final Sfu sfu;
    private final Supplier<NodeStatus> status;

    ControlRoutes(Sfu sfu, Supplier<NodeStatus> status) {
        this.sfu = sfu;
        this.status = status;
    }

    /** Whether a request of this method to this path carries a body to read. */
    static boolean hasBody(String method) {
        return method.equals("POST") || method.equals("PUT");
    }

    /**
     * @param path   the path's segments, percent-decoded
     * @param body   the request body (empty without one)
     * @throws NoRoute for an unknown path or method
     */
    Reply handle(String method, List<String> path, Supplier<byte[]> body) {
        String first = path.isEmpty() ? "" : path.get(0);
        if (path.size() == 1 && first.equals("node")) {
            require(method, "GET");
            return Reply.ok(status.get());
        }
        if (path.size() == 2 && first.equals("echo")) {
            require(method, "PUT");
            sfu.createEchoSession(path.get(1));
            return Reply.DONE;
        }
        if (!first.equals("meetings") || path.size() < 2) {
            throw new NoRoute(null);
        }
        String meeting = path.get(1);
        if (path.size() == 2) {
            return meeting(method, meeting);
        }
        if (path.size() == 3 && path.get(2).equals("stats")) {
            require(method, "GET");
            return Reply.ok(sfu.stats(meeting));
        }
        if (path.size() < 4 || !path.get(2).equals("participants")) {
            throw new NoRoute(null);
        }
        String participant = path.get(3);
        if (path.size() == 4) {
            require(method, "DELETE");
            sfu.removeParticipant(meeting, participant);
            return Reply.DONE;
        }
        if (path.size() == 5 && path.get(4).equals("offer")) {
            require(method, "POST");
            NodeOffer offer = ControlJson.MAPPER.readValue(body.get(), NodeOffer.class);
            if (offer == null) {
                throw new IllegalArgumentException("no offer");
            }
            return Reply.ok(sfu.negotiate(meeting, participant, offer.offerSdp(), offer.sources()));
        }
        if (path.size() == 5 && path.get(4).equals("layers")) {
            require(method, "PUT");
            Map<String, String> layers = ControlJson.MAPPER.readValue(body.get(), LAYERS);
            sfu.preferLayers(meeting, participant, layers == null ? Map.of() : layers);
            return Reply.DONE;
        }
        throw new NoRoute(null);
    }

    private Reply meeting(String method, String meeting) {
        switch (method) {
            case "PUT" -> sfu.createMeeting(meeting);
            case "DELETE" -> sfu.closeMeeting(meeting);
            default -> throw new NoRoute("PUT, DELETE");
        }
        return Reply.DONE;
    }

    private static void require(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new NoRoute(allowed);
        }
    }
}
