package se.portvakt.identity;

/**
 * What the progress page's script learns on each poll (JSON).
 *
 * @param status PENDING, COMPLETE or FAILED
 * @param message the text to show now, in the person's language (BankID's recommended text for BankID)
 * @param qr whether a QR code should show now
 * @param next where to go: the next step when COMPLETE, the place to try again when FAILED; null while PENDING
 */
public record EidStatus(String status, String message, boolean qr, String next) {}
