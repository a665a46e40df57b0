package se.portvakt.identity;

import java.security.cert.X509Certificate;

/**
 * What one request to {@code /login/siths} showed: the pre-authenticated principal {@link SithsCardFilter} hands
 * to {@link SithsStaffLogin}, which judges it.
 *
 * @param chain the presented certificate first, then any intermediates; null when there was none (or it was
 *     unreadable, or came from an untrusted address)
 * @param peer the TCP peer's address (the proxy's, behind one), not a forwarded client address
 */
record SithsPresentation(X509Certificate[] chain, Route route, String peer) {

    /** How the certificate came. */
    enum Route {
        /** the client's TLS handshake with Portvakt's own connector */
        CONNECTOR,
        /** a trusted reverse proxy's header */
        PROXY,
        /** a certificate header from an address that is not a trusted proxy: refused */
        UNTRUSTED_PROXY,
        /** no certificate at all */
        NONE
    }

    X509Certificate certificate() {
        return chain == null ? null : chain[0];
    }
}
