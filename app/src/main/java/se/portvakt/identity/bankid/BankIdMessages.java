package se.portvakt.identity.bankid;

import java.util.List;

/**
 * Which of BankID's recommended user messages (RFA1-RFA23, "Relying Party Guidelines") a person sees for each
 * collect answer and each error. The keys are in i18n/bankid*.properties. BankID asks relying parties to show
 * these texts rather than their own; {@link #WRONG_PERSON} and {@link #COMPLETE} are Portvakt's.
 */
final class BankIdMessages {

    static final String RFA1 = "bankid.rfa1";
    static final String RFA3 = "bankid.rfa3";
    static final String RFA4 = "bankid.rfa4";
    static final String RFA5 = "bankid.rfa5";
    static final String RFA6 = "bankid.rfa6";
    static final String RFA8 = "bankid.rfa8";
    static final String RFA9 = "bankid.rfa9";
    static final String RFA13 = "bankid.rfa13";
    static final String RFA15 = "bankid.rfa15";
    static final String RFA16 = "bankid.rfa16";
    /** startFailed on this device: the app could not be started. */
    static final String RFA17A = "bankid.rfa17a";
    /** startFailed with a QR code: it was not scanned in time. */
    static final String RFA17B = "bankid.rfa17b";

    static final String RFA21 = "bankid.rfa21";
    static final String RFA22 = "bankid.rfa22";
    static final String RFA23 = "bankid.rfa23";
    /** Portvakt's own: someone other than the invited person identified. */
    static final String WRONG_PERSON = "bankid.wrong-person";
    /** Portvakt's own: BankID has no RFA text for a completed identification. */
    static final String COMPLETE = "bankid.complete";

    static final List<String> ALL = List.of(
            RFA1,
            RFA3,
            RFA4,
            RFA5,
            RFA6,
            RFA8,
            RFA9,
            RFA13,
            RFA15,
            RFA16,
            RFA17A,
            RFA17B,
            RFA21,
            RFA22,
            RFA23,
            WRONG_PERSON,
            COMPLETE);

    private BankIdMessages() {}

    /** A pending order's message; {@code qr} when the person was shown a QR code rather than the app on this device. */
    static String pending(String hintCode, boolean qr) {
        if (hintCode == null) {
            return RFA21;
        }
        return switch (hintCode) {
            case "outstandingTransaction", "noClient" -> qr ? RFA1 : RFA13;
            case "started" -> RFA15;
            case "userSign" -> RFA9;
            case "userMrtd" -> RFA23;
            default -> RFA21; // userCallConfirm and codes BankID adds later
        };
    }

    /** A failed order's message. */
    static String failed(String hintCode, boolean qr) {
        if (hintCode == null) {
            return RFA22;
        }
        return switch (hintCode) {
            case "userCancel" -> RFA6;
            case "cancelled" -> RFA3;
            case "expiredTransaction" -> RFA8;
            case "certificateErr" -> RFA16;
            case "startFailed" -> qr ? RFA17B : RFA17A;
            default -> RFA22; // userDeclinedCall and codes BankID adds later
        };
    }

    /** The message for a refused call: RFA4 for a second order for one person, RFA5 for BankID's troubles. */
    static String forError(BankIdException error) {
        if ("alreadyInProgress".equals(error.errorCode())) {
            return RFA4;
        }
        return isTechnical(error) ? RFA5 : RFA22;
    }

    /** BankID's own trouble (timeouts, internal errors, maintenance, no answer), not a fault in our request. */
    static boolean isTechnical(BankIdException error) {
        String code = error.errorCode();
        if ("requestTimeout".equals(code) || "internalError".equals(code) || "maintenance".equals(code)) {
            return true;
        }
        int status = error.httpStatus();
        return status == BankIdException.NO_ANSWER || status == 408 || status >= 500;
    }

    /** A refusal that means our request was wrong (invalidParameters, unauthorized, ...): to be logged and fixed. */
    static boolean isOurFault(BankIdException error) {
        return !"alreadyInProgress".equals(error.errorCode()) && !isTechnical(error);
    }
}
