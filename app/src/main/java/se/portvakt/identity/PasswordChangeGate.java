package se.portvakt.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A member whose password someone else chose (the bootstrap administrator's, from the configuration) reaches
 * nothing but the change-password page until they have chosen their own.
 */
class PasswordChangeGate extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/account/password";
    private static final List<String> OPEN =
            List.of(CHANGE_PAGE, "/logout", "/css/", "/assets/", "/favicon.ico", "/error");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal staff
                && staff.passwordChangeRequired()
                && OPEN.stream().noneMatch(path::startsWith)) {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
