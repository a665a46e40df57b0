package se.portvakt.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a form body larger than the server reads ({@code server.tomcat.max-http-form-post-size}) with 413
 * and one WARN line, before anything reads its parameters. Left to Tomcat, the first filter to ask for a
 * parameter (CSRF) failed and the error page failed again: two ERROR stack traces a request, so anyone
 * could fill the log. Multipart uploads have their own limits and answers (booking).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OversizedForms extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OversizedForms.class);

    private final long limit;

    OversizedForms(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isForm(request) && limit >= 0) {
            long length = request.getContentLengthLong();
            boolean tooLarge = length > limit;
            if (!tooLarge && length < 0) {
                try {
                    request.getParameterMap(); // a chunked body: only reading it tells its size
                } catch (IllegalStateException unreadable) {
                    tooLarge = true;
                }
            }
            if (tooLarge) {
                log.warn(
                        "Refused a form body over {} bytes ({} bytes): {} {} from {}",
                        limit,
                        length < 0 ? "chunked" : length,
                        request.getMethod(),
                        request.getRequestURI(),
                        request.getRemoteAddr());
                response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                response.setContentType(MediaType.TEXT_PLAIN_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("413 Content Too Large\n");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }
}
