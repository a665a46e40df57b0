package se.portvakt.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A new session after a login or an identification, so an id planted before it (session fixation) is worth
 * nothing after it.
 *
 * <p>Not {@code changeSessionId()}: with sessions in the database, a request still running on the old id (the
 * e-ID page fetches its QR code every second while it polls) saves its copy when it ends and writes the old id
 * back over the new one, and the browser's new cookie then points at nothing. A new session is a new row: the old
 * request's save finds nothing to overwrite.
 */
public final class SessionRenewal {

    private SessionRenewal() {}

    /** The request's session replaced by a new one holding the same attributes. */
    public static HttpSession renew(HttpServletRequest request) {
        HttpSession old = request.getSession(false);
        Map<String, Object> kept = new HashMap<>();
        if (old != null) {
            for (String name : Collections.list(old.getAttributeNames())) {
                kept.put(name, old.getAttribute(name));
            }
            old.invalidate();
        }
        HttpSession fresh = request.getSession(true);
        kept.forEach(fresh::setAttribute);
        return fresh;
    }
}
