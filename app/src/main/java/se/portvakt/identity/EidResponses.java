package se.portvakt.identity;

import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The answers a progress page polls (status, QR image): never cached, as they change every second. */
public final class EidResponses {

    private EidResponses() {}

    /** The QR code as an SVG image, or 204 when none should show now. */
    public static ResponseEntity<String> qr(Optional<String> code) {
        return code.map(text -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .contentType(MediaType.valueOf("image/svg+xml"))
                        .body(QrSvg.of(text)))
                .orElseGet(() -> ResponseEntity.noContent()
                        .cacheControl(CacheControl.noStore())
                        .build());
    }

    public static ResponseEntity<EidStatus> status(EidStatus status) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status);
    }
}
