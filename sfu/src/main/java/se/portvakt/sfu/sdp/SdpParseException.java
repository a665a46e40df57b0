package se.portvakt.sfu.sdp;

/** The offer is not SDP we can use; the message names the line. Signaling turns it into an error reply. */
public class SdpParseException extends RuntimeException {
    public SdpParseException(String message) {
        super(message);
    }
}
