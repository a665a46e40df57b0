package se.portvakt.booking.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import se.portvakt.booking.internal.BookingRejected;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for /api/v1 requests that fail before {@link BookingApi} is chosen, which
 * {@link BookingApiErrors} (serving BookingApi only) never sees: no such path (404), wrong method (405),
 * wrong content type (415), a malformed multipart body (400), and an upload past the server's multipart
 * limit (413, told as the API tells of any file too large). Without this they would get the portal's HTML error page.
 */
@Component
class UnroutedApiErrors implements HandlerExceptionResolver, Ordered {

    static final String API = "/api/v1/";

    private final BookingApiErrors errors;
    private final JsonMapper json;

    UnroutedApiErrors(BookingApiErrors errors, JsonMapper json) {
        this.errors = errors;
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception exception) {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + API);
        boolean routed = handler instanceof HandlerMethod method && method.getBeanType() == BookingApi.class;
        if (!api || routed) {
            return null;
        }
        ProblemDetail problem;
        if (exception instanceof MaxUploadSizeExceededException) {
            problem = errors.problem(errors.tooLarge(), request);
        } else if (exception instanceof MultipartException) {
            problem = errors.problem(BookingRejected.because("file", "api.error.file-required"), request);
        } else if (exception instanceof NoResourceFoundException || exception instanceof NoHandlerFoundException) {
            problem = errors.noSuchPath(request);
        } else if (exception instanceof ErrorResponse standard) {
            problem = standard.updateAndGetBody(null, null);
            standard.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        } else {
            return null;
        }
        return write(problem, request, response);
    }

    private ModelAndView write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>(); // as the message converters write a ProblemDetail
        if (problem.getType() != null) {
            body.put("type", problem.getType().toString());
        }
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put(
                "instance",
                problem.getInstance() != null ? problem.getInstance().toString() : request.getRequestURI());
        body.putAll(problem.getProperties() == null ? Map.of() : problem.getProperties());
        try {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), body);
        } catch (IOException e) {
            return null; // the client is gone; the default handling logs it
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
