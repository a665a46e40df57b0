package se.portvakt.meeting;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.portvakt.sfu.RemoteSfu;
import se.portvakt.sfu.Sfu;

/**
 * Where SFU nodes POST their events (docs/sfu-control.md, "Events back to the app"): only with the nodes' bearer
 * secret, else 401, also when this app runs its SFU in-process and so expects no node. Spring Security lets this
 * path alone through without a session or CSRF token ({@code identity.SecurityConfig}); the secret is the check.
 */
@RestController
class SfuEventsController {

    static final String PATH = "/internal/sfu/events";

    /** An event is a few ids and numbers. */
    static final int MAX_BODY = 16 * 1024;

    private final Sfu sfu;

    SfuEventsController(Sfu sfu) {
        this.sfu = sfu;
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(
            @RequestHeader(name = "Authorization", required = false) String authorization, HttpServletRequest request)
            throws IOException {
        if (!(sfu instanceof RemoteSfu nodes) || !nodes.fromANode(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .build();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        try {
            nodes.deliver(body);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.noContent().build();
    }
}
