package se.portvakt.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import se.portvakt.organisation.ApiKeys;
import se.portvakt.organisation.ApiKeys.ApiClient;

/** Authenticates calls to /api/v1 by the organisation's API key: {@code Authorization: Bearer pvk_...}. */
class ApiKeyAuthentication extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;

    ApiKeyAuthentication(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith(BEARER)) {
            keys.authenticate(header.substring(BEARER.length()).strip())
                    .ifPresent(client -> SecurityContextHolder.getContext().setAuthentication(new ApiKeyToken(client)));
        }
        chain.doFilter(request, response);
    }

    /** An authenticated API client; controllers get the {@link ApiClient} as principal. */
    static final class ApiKeyToken extends AbstractAuthenticationToken {
        private final ApiClient client;

        ApiKeyToken(ApiClient client) {
            super(List.of(new SimpleGrantedAuthority("ROLE_API")));
            this.client = client;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public ApiClient getPrincipal() {
            return client;
        }
    }
}
