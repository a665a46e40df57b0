package se.portvakt.booking.internal;

import java.util.List;

/** A booking request was refused; nothing was stored. */
public class BookingRejected extends RuntimeException {

    private final List<BookingProblem> problems;

    public BookingRejected(List<BookingProblem> problems) {
        super(problems.stream().map(BookingProblem::code).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public static BookingRejected because(String field, String code, Object... arguments) {
        return new BookingRejected(List.of(BookingProblem.of(field, code, arguments)));
    }

    public List<BookingProblem> problems() {
        return problems;
    }
}
