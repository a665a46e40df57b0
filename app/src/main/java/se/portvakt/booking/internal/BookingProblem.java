package se.portvakt.booking.internal;

import java.util.List;

/**
 * One thing wrong with a booking request.
 *
 * @param field the request field it concerns, e.g. {@code end} or {@code invitees[2].email}; null for the whole
 * @param code a message key in i18n/booking, e.g. {@code booking.error.end-before-start}
 * @param arguments values for the message's placeholders
 */
public record BookingProblem(String field, String code, List<Object> arguments) {

    public BookingProblem {
        arguments = List.copyOf(arguments);
    }

    public static BookingProblem of(String field, String code, Object... arguments) {
        return new BookingProblem(field, code, List.of(arguments));
    }
}
