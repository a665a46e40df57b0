package se.portvakt.sfu.srtp;

import java.util.Optional;

/**
 * The DTLS-SRTP protection profiles this SFU offers (RFC 5764 section 4.1.2, RFC 7714 section 14.2),
 * with their key sizes in bytes.
 */
public enum SrtpProfile {
    /** 0x0001: AES-128 counter mode, HMAC-SHA1 tag cut to 80 bits; every browser has it. */
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 10, 10),
    /** 0x0007: AES-128-GCM with a 128-bit tag; cheaper per packet (see docs/sfu.md numbers). */
    AEAD_AES_128_GCM(0x0007, 16, 12, 16, 16);

    private final int id;
    private final int keyLength;
    private final int saltLength;
    private final int rtpOverhead;
    private final int rtcpTagLength;

    SrtpProfile(int id, int keyLength, int saltLength, int rtpOverhead, int rtcpTagLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.rtpOverhead = rtpOverhead;
        this.rtcpTagLength = rtcpTagLength;
    }

    /** The IANA DTLS-SRTP protection profile id. */
    public int id() {
        return id;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    /** Bytes SRTP adds to an RTP packet (the tag; no MKI is used). */
    public int rtpOverhead() {
        return rtpOverhead;
    }

    /** Bytes SRTCP adds to an RTCP packet: the tag plus the 4-byte E flag and index. */
    public int rtcpOverhead() {
        return rtcpTagLength + 4;
    }

    /** Keying material to export from DTLS: two keys and two salts (RFC 5764 section 4.2). */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    public static Optional<SrtpProfile> byId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
