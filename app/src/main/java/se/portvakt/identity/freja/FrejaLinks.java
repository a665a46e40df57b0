package se.portvakt.identity.freja;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The app link that binds the Freja eID app to a transaction; the same text is Freja's (static) QR code. */
public final class FrejaLinks {

    public static final String BIND_PREFIX = "frejaeid://bindUserToTransaction?transactionReference=";

    private FrejaLinks() {}

    static String bindUserToTransaction(String authRef) {
        return BIND_PREFIX + URLEncoder.encode(authRef, StandardCharsets.UTF_8);
    }
}
