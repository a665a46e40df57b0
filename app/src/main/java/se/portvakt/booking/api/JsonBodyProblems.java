package se.portvakt.booking.api;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import se.portvakt.booking.internal.BookingProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says what is wrong with a request body that could not be read, in the API's terms: which field
 * ({@code invitees[0].email}) and a message key, never Jackson's own message with its Java type names.
 */
final class JsonBodyProblems {

    private JsonBodyProblems() {}

    static BookingProblem of(HttpMessageNotReadableException unreadable) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return of(json);
            }
        }
        String message = unreadable.getMessage();
        return BookingProblem.of(
                null,
                message != null && message.startsWith("Required request body is missing")
                        ? "api.error.body-required"
                        : "api.error.body-unreadable");
    }

    static BookingProblem of(JacksonException json) {
        String field = field(json.getPath());
        if (json instanceof InputCoercionException coercion) {
            return expected(field, coercion.getTargetType()); // a number too large for its field
        }
        if (json instanceof StreamReadException) {
            TokenStreamLocation at = json.getLocation();
            return BookingProblem.of(
                    null,
                    "api.error.json-malformed",
                    at == null ? "?" : at.getLineNr(),
                    at == null ? "?" : at.getColumnNr());
        }
        if (json instanceof UnrecognizedPropertyException) {
            return BookingProblem.of(field, "api.error.unknown-field");
        }
        if (json instanceof MismatchedInputException mismatch) {
            return expected(field, mismatch.getTargetType());
        }
        return BookingProblem.of(field, "api.error.value-invalid");
    }

    /** The field a path leads to, written as booking writes fields: {@code invitees[2].email}. */
    static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }

    /** What a value of the given type should look like; null when the type is unknown. */
    static BookingProblem expected(String field, Class<?> type) {
        if (type == null) {
            return BookingProblem.of(field, "api.error.value-invalid");
        }
        if (type.isEnum()) {
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
            return BookingProblem.of(field, "api.error.value-not-allowed", allowed);
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return BookingProblem.of(field, "api.error.date-time-invalid");
        }
        if (type == UUID.class) {
            return BookingProblem.of(field, "api.error.id-invalid");
        }
        if (type == Boolean.class || type == boolean.class) {
            return BookingProblem.of(field, "api.error.boolean-invalid");
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return BookingProblem.of(field, "api.error.number-invalid");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return BookingProblem.of(field, "api.error.list-expected");
        }
        if (type == String.class) {
            return BookingProblem.of(field, "api.error.text-expected");
        }
        return BookingProblem.of(field, "api.error.object-expected");
    }
}
