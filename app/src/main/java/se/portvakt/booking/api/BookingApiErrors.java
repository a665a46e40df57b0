package se.portvakt.booking.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.portvakt.booking.MeetingNotFound;
import se.portvakt.booking.internal.BookingProblem;
import se.portvakt.booking.internal.BookingProperties;
import se.portvakt.booking.internal.BookingRejected;

/**
 * The booking API's errors as RFC 9457 problem details, with an {@code errors} array of
 * {@code {field, code, message}} in the language the request's {@code Accept-Language} asks for.
 */
@RestControllerAdvice(assignableTypes = BookingApi.class)
class BookingApiErrors extends ResponseEntityExceptionHandler {

    /** Codes that say the meeting's state forbids the request, not that the request is malformed. */
    static final Set<String> CONFLICTS =
            Set.of("booking.error.changed-meanwhile", "booking.error.cancelled", "booking.error.ended");

    static final String TOO_LARGE = "booking.error.attachment-too-large";

    private final MessageSource texts;
    private final BookingProperties properties;

    BookingApiErrors(MessageSource messageSource, BookingProperties properties) {
        ResourceBundleMessageSource api = new ResourceBundleMessageSource();
        api.setBasename("i18n/api");
        api.setDefaultEncoding("UTF-8");
        api.setFallbackToSystemLocale(false);
        api.setParentMessageSource(messageSource);
        this.texts = api;
        this.properties = properties;
    }

    /** One problem, as the API's clients read it. */
    record ApiError(String field, String code, String message) {}

    @ExceptionHandler(BookingRejected.class)
    ResponseEntity<Object> rejected(BookingRejected rejected, HttpServletRequest request) {
        ProblemDetail problem = problem(rejected, request);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The problem detail of a refusal: 409 when the meeting's state forbids it, 413 for a file too large. */
    ProblemDetail problem(BookingRejected rejected, HttpServletRequest request) {
        List<String> codes =
                rejected.problems().stream().map(BookingProblem::code).toList();
        HttpStatus status = codes.stream().anyMatch(CONFLICTS::contains)
                ? HttpStatus.CONFLICT
                : codes.contains(TOO_LARGE) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        Locale locale = locale(request);
        List<ApiError> errors = errors(rejected.problems(), locale);
        String detail = status != HttpStatus.BAD_REQUEST && errors.size() == 1
                ? errors.get(0).message()
                : text("api.problem.rejected", locale);
        return problem(status, detail, errors, request.getRequestURI());
    }

    @ExceptionHandler(MeetingNotFound.class)
    ResponseEntity<Object> meetingNotFound(HttpServletRequest request) {
        return response(
                HttpStatus.NOT_FOUND,
                text("api.problem.meeting-not-found", locale(request)),
                List.of(),
                request.getRequestURI());
    }

    @ExceptionHandler(BookingApi.AttachmentNotFound.class)
    ResponseEntity<Object> attachmentNotFound(HttpServletRequest request) {
        return response(
                HttpStatus.NOT_FOUND,
                text("api.problem.attachment-not-found", locale(request)),
                List.of(),
                request.getRequestURI());
    }

    /** No such address in the API. */
    ProblemDetail noSuchPath(HttpServletRequest request) {
        return problem(
                HttpStatus.NOT_FOUND,
                text("api.problem.no-such-path", locale(request)),
                List.of(),
                request.getRequestURI());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return unreadable(JsonBodyProblems.of(e), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        return unreadable(JsonBodyProblems.expected(name, e.getRequiredType()), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return unreadable(BookingProblem.of(e.getParameterName(), "api.error.parameter-missing"), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return unreadable(BookingProblem.of(e.getRequestPartName(), "api.error.file-required"), request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return rejected(tooLarge(), ((ServletWebRequest) request).getRequest());
    }

    /** The refusal of a file larger than any the API takes, wherever the limit was hit. */
    BookingRejected tooLarge() {
        return BookingRejected.because(
                "file", TOO_LARGE, properties.maxAttachmentSize().toMegabytes());
    }

    private ResponseEntity<Object> unreadable(BookingProblem problem, WebRequest webRequest) {
        HttpServletRequest request = ((ServletWebRequest) webRequest).getRequest();
        Locale locale = locale(request);
        return response(
                HttpStatus.BAD_REQUEST,
                text("api.problem.unreadable", locale),
                errors(List.of(problem), locale),
                request.getRequestURI());
    }

    private List<ApiError> errors(List<BookingProblem> problems, Locale locale) {
        return problems.stream()
                .map(problem -> new ApiError(
                        problem.field(),
                        problem.code(),
                        texts.getMessage(problem.code(), problem.arguments().toArray(), problem.code(), locale)))
                .toList();
    }

    private static ResponseEntity<Object> response(
            HttpStatus status, String detail, List<ApiError> errors, String path) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, detail, errors, path));
    }

    private static ProblemDetail problem(HttpStatus status, String detail, List<ApiError> errors, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(path));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private String text(String code, Locale locale) {
        return texts.getMessage(code, null, code, locale);
    }

    private static Locale locale(HttpServletRequest request) {
        return ApiLanguage.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
