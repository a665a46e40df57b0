package se.portvakt.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import se.portvakt.organisation.ApiKeys;
import se.portvakt.organisation.PasswordLinks;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Nothing from elsewhere: every script, style and font is Portvakt's own. */
    // 'wasm-unsafe-eval' lets the background blur compile its WebAssembly model; JavaScript eval stays refused
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
            + "img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    /** docs/sfu-control.md, "Events back to the app". */
    static final String SFU_NODE_EVENTS = "/internal/sfu/events";

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    /** Other systems book through /api/v1 with an API key: no session, no CSRF, JSON errors. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, MessageSource texts) throws Exception {
        return http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**")
                        .permitAll()
                        .anyRequest()
                        .hasRole("API"))
                .addFilterBefore(new ApiKeyAuthentication(keys), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new ApiUnauthorized(texts)))
                .build();
    }

    /**
     * SFU nodes POST their events to exactly this path with a bearer secret, which the meeting feature's
     * SfuEventsController checks (401 otherwise): no session, no CSRF token, nothing else let through.
     */
    @Bean
    @Order(0)
    SecurityFilterChain sfuNodeEvents(HttpSecurity http) throws Exception {
        return http.securityMatcher(SFU_NODE_EVENTS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static boolean onManagementPort(jakarta.servlet.http.HttpServletRequest request, Environment environment) {
        String port = environment.getProperty("local.management.port");
        return port != null && Integer.parseInt(port) == request.getLocalPort();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portal(
            HttpSecurity http,
            PasswordLogin passwordLogin,
            Environment environment,
            OidcClients oidcClients,
            OidcStaffLogin oidcLogin,
            SithsProperties siths,
            SithsStaffLogin sithsLogin)
            throws Exception {
        if (siths.enabled()) {
            // a SITHS card (mutual TLS, or a trusted proxy's header), judged only at /login/siths
            http.addFilterAt(new SithsCardFilter(siths, sithsLogin), X509AuthenticationFilter.class);
        }
        return http
                // only PasswordLogin judges a password, so every refusal gives the same answer; an identity
                // provider's code is exchanged and its ID token checked (issuer, audience, expiry, nonce) by the other
                .authenticationManager(new ProviderManager(
                        passwordLogin,
                        new OidcAuthorizationCodeAuthenticationProvider(
                                new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService())))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/login/eid",
                                "/login/eid/**",
                                "/login/forgot",
                                PasswordLinks.PATH,
                                "/login/organisation",
                                SithsProperties.SIGN_IN_PATH,
                                "/oauth2/authorization/*",
                                "/login/oauth2/code/*",
                                "/error",
                                "/css/**",
                                "/assets/**",
                                "/favicon.ico")
                        .permitAll()
                        // the installable app's shell (sw.js keeps nothing else): no personal data in any of it
                        .requestMatchers("/sw.js", "/manifest.webmanifest", "/icons/**", "/offline.html")
                        .permitAll()
                        .requestMatchers("/m/**", "/dev/mailbox/**", "/livez", "/readyz")
                        .permitAll()
                        // the citizen's pages: "my meetings" keeps its own e-ID login in the session (citizen feature)
                        .requestMatchers("/mina-moten", "/mina-moten/**", "/hjalp", "/bekrafta/**")
                        .permitAll()
                        // the equipment test and its echo sessions: no login (equipment feature)
                        .requestMatchers("/testa", "/testa/**")
                        .permitAll()
                        // actuator only on its own port (management.server.port, loopback by default): on the main
                        // port every request may come from a reverse proxy on 127.0.0.1
                        .requestMatchers("/actuator/**")
                        .access((authentication, context) ->
                                new AuthorizationDecision(onManagementPort(context.getRequest(), environment)))
                        // signaling: the handshake itself decides who may connect, from the session (meeting feature)
                        .requestMatchers("/ws")
                        .permitAll()
                        // identity simulators: only registered in the embedded default, absent in production
                        .requestMatchers("/simulator/**")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .hasAnyRole("HOST", "ADMIN"))
                // the simulators' service APIs are called by our own HTTP clients, as the real services are
                // ... and the equipment test's echo endpoint, which acts for nobody (EquipmentTestController)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/simulator/*/api/**", "/testa/echo", "/testa/echo/*"))
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/", true)
                        // no session for a refused login: a guesser leaves no rows behind
                        .failureHandler((request, response, e) -> response.sendRedirect("/login?error")))
                // the organisation's own identity provider (OpenID Connect), one client per provider (OidcProperties)
                .oauth2Login(oidc -> oidc.loginPage("/login")
                        .clientRegistrationRepository(oidcClients)
                        .successHandler(oidcLogin)
                        .failureHandler(oidcLogin))
                .addFilterAfter(new PasswordChangeGate(), AuthorizationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
