package se.portvakt.citizen;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import se.portvakt.identity.EidMethod;

/**
 * That this browser session belongs to a citizen who logged in with an e-legitimation. The personal identity
 * number is kept only encrypted (PinVault), as it is at rest everywhere else: the session store is a table.
 *
 * @param pinEncrypted the person's number, sealed by PinVault
 * @param name the name the e-legitimation vouched for
 * @param simulated true when a local simulator vouched
 */
record CitizenSession(String pinEncrypted, EidMethod method, String name, boolean simulated, Instant loggedInAt)
        implements Serializable {

    static final String ATTRIBUTE = CitizenSession.class.getName();

    static Optional<CitizenSession> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null
                ? Optional.empty()
                : Optional.ofNullable(session.getAttribute(ATTRIBUTE)).map(CitizenSession.class::cast);
    }
}
