package se.portvakt.sfu.srtp;

import java.util.Arrays;

/**
 * The master keys of one SRTP session: what we protect with and what we unprotect with.
 * Holds secrets; {@link #toString()} does not print them.
 */
public record SrtpKeys(SrtpProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey, byte[] remoteSalt) {

    public SrtpKeys {
        if (localKey.length != profile.keyLength()
                || remoteKey.length != profile.keyLength()
                || localSalt.length != profile.saltLength()
                || remoteSalt.length != profile.saltLength()) {
            throw new IllegalArgumentException("key or salt length does not match " + profile);
        }
    }

    /**
     * Splits DTLS exported keying material, laid out as client key | server key | client salt |
     * server salt (RFC 5764 section 4.2). The DTLS server (our role in WebRTC, answering
     * setup:passive) protects with the server half.
     */
    public static SrtpKeys fromDtls(SrtpProfile profile, byte[] material, boolean weAreDtlsServer) {
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(
                    "expected " + profile.keyingMaterialLength() + " bytes of keying material");
        }
        int k = profile.keyLength();
        int s = profile.saltLength();
        byte[] clientKey = Arrays.copyOfRange(material, 0, k);
        byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
        return weAreDtlsServer
                ? new SrtpKeys(profile, serverKey, serverSalt, clientKey, clientSalt)
                : new SrtpKeys(profile, clientKey, clientSalt, serverKey, serverSalt);
    }

    @Override
    public String toString() {
        return "SrtpKeys[" + profile + "]";
    }
}
