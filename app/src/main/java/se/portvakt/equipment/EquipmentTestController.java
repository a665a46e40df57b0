package se.portvakt.equipment;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import se.portvakt.sfu.Sfu;

/**
 * {@code /testa}: the page, and its echo endpoint (docs/equipment-test.md). No login; the endpoint holds no
 * authority worth forging (a session only echoes its own caller), so it takes no CSRF token and a tester leaves
 * no server session behind.
 */
@Controller
class EquipmentTestController {

    static final String BASE = "/testa";

    private final EchoSessions echoes;
    private final Sfu sfu;

    EquipmentTestController(EchoSessions echoes, Sfu sfu) {
        this.echoes = echoes;
        this.sfu = sfu;
    }

    @GetMapping(BASE)
    String page(Model model) {
        // the ports the SFU receives on, one per packet loop: what an IT department must let through (the answer's
        // candidate names the address, advertised, and the one port this test used)
        model.addAttribute("mediaPorts", portRange(sfu.localAddresses()));
        return "equipment/test";
    }

    /** "10000" for one port, "10000–10003" for consecutive ones, else the ports listed. */
    static String portRange(java.util.List<java.net.InetSocketAddress> addresses) {
        java.util.List<Integer> ports = addresses.stream()
                .map(java.net.InetSocketAddress::getPort)
                .sorted()
                .toList();
        int first = ports.get(0);
        int last = ports.get(ports.size() - 1);
        if (ports.size() == 1) {
            return String.valueOf(first);
        }
        return last - first == ports.size() - 1
                ? first + "–" + last
                : String.join(", ", ports.stream().map(String::valueOf).toList());
    }

    /** The browser's offer for an echo session. */
    record EchoOffer(String offer) {}

    /** The SFU's answer; the session ends by itself after {@code seconds}. */
    record EchoAnswer(String session, String answer, long seconds) {}

    /** Why no session was opened, and when trying again makes sense. */
    record EchoRefusal(String reason, long retryAfterSeconds) {}

    @PostMapping(BASE + "/echo")
    @ResponseBody
    ResponseEntity<?> open(@RequestBody EchoOffer offer, HttpServletRequest request) {
        if (offer == null || offer.offer() == null || offer.offer().isBlank()) {
            return ResponseEntity.badRequest().body(new EchoRefusal("invalid", 0));
        }
        try {
            EchoSessions.Opened opened = echoes.open(request.getRemoteAddr(), offer.offer());
            return ResponseEntity.ok(new EchoAnswer(
                    opened.session(),
                    opened.answer().answerSdp(),
                    opened.lasts().toSeconds()));
        } catch (EchoRefused refused) {
            long retry = (refused.retryAfter().toMillis() + 999) / 1000;
            HttpStatus status = switch (refused.reason()) {
                case "rate-limited" -> HttpStatus.TOO_MANY_REQUESTS;
                case "busy" -> HttpStatus.SERVICE_UNAVAILABLE;
                default -> HttpStatus.BAD_REQUEST;
            };
            ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
            if (retry > 0) {
                response.header(HttpHeaders.RETRY_AFTER, Long.toString(retry));
            }
            return response.body(new EchoRefusal(refused.reason(), retry));
        }
    }

    /** The tester is done (or left the page): the session ends now rather than at its time limit. */
    @DeleteMapping(BASE + "/echo/{session}")
    ResponseEntity<Void> end(@PathVariable String session) {
        if (session.startsWith(EchoSessions.PREFIX)) {
            echoes.end(session);
        }
        return ResponseEntity.noContent().build();
    }
}
