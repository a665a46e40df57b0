package testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server in a Spring context of its own, on
 * its own port, with its own users (a password form) and one registered client (Portvakt). It lives outside
 * {@code se.portvakt} so the application's component scan never finds it, and loads no auto-configuration: only
 * the beans below. A test can make its next ID token faulty (wrong issuer, wrong audience, expired) to see
 * Portvakt refuse it.
 */
public final class TestOidcProvider implements AutoCloseable {

    public static final String USER_PASSWORD = "provider-password";

    /** What is wrong with the next ID token the provider issues. */
    public enum Fault {
        NONE,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        EXPIRED
    }

    /** A person the provider knows. */
    public record Person(String username, String email, String hsaId, List<String> groups) {}

    private final ConfigurableApplicationContext context;
    private final State state;

    private TestOidcProvider(ConfigurableApplicationContext context, State state) {
        this.context = context;
        this.state = state;
    }

    /**
     * Starts a provider at {@code http://127.0.0.1:port} whose client may return to {@code redirectUri}.
     *
     * @param port the provider's port: Portvakt's settings name its issuer before it starts
     */
    public static TestOidcProvider start(int port, String clientId, String clientSecret, String redirectUri) {
        State state = new State("http://127.0.0.1:" + port, clientId, clientSecret, redirectUri);
        SpringApplication application = new SpringApplicationBuilder(ProviderBeans.class)
                .web(WebApplicationType.SERVLET)
                .registerShutdownHook(false)
                .initializers(context -> context.getBeanFactory().registerSingleton("providerState", state))
                .properties(
                        "spring.main.banner-mode=off",
                        "spring.config.location=optional:classpath:/none/",
                        "spring.main.log-startup-info=false")
                .build();
        ConfigurableApplicationContext context = application.run();
        return new TestOidcProvider(context, state);
    }

    public String issuer() {
        return state.issuer;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public void add(Person person) {
        state.people.put(person.username(), person);
    }

    /** The next ID token is issued with this fault; the ones after it are good again. */
    public void nextIdToken(Fault fault) {
        state.fault.set(fault);
    }

    @Override
    public void close() {
        context.close();
    }

    static final class State {
        final String issuer;
        final String clientId;
        final String clientSecret;
        final String redirectUri;
        final Map<String, Person> people = new ConcurrentHashMap<>();
        final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);

        State(String issuer, String clientId, String clientSecret, String redirectUri) {
            this.issuer = issuer;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.redirectUri = redirectUri;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class ProviderBeans {

        @Bean
        TomcatServletWebServerFactory webServer(State state) {
            return new TomcatServletWebServerFactory(
                    Integer.parseInt(state.issuer.substring(state.issuer.lastIndexOf(':') + 1)));
        }

        @Bean
        DispatcherServlet dispatcherServlet() {
            return new DispatcherServlet();
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(
                            authorize -> authorize.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService people(State state) {
            return username -> {
                Person person = state.people.get(username);
                if (person == null) {
                    throw new UsernameNotFoundException(username);
                }
                return User.withUsername(username)
                        .password("{noop}" + USER_PASSWORD)
                        .roles("USER")
                        .build();
            };
        }

        @Bean
        RegisteredClientRepository clients(State state) {
            return new InMemoryRegisteredClientRepository(
                    RegisteredClient.withId(UUID.randomUUID().toString())
                            .clientId(state.clientId)
                            .clientSecret("{noop}" + state.clientSecret)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUri(state.redirectUri)
                            .scope(OidcScopes.OPENID)
                            .scope(OidcScopes.EMAIL)
                            .scope(OidcScopes.PROFILE)
                            .clientSettings(ClientSettings.builder()
                                    .requireAuthorizationConsent(false)
                                    .build())
                            .build());
        }

        @Bean
        AuthorizationServerSettings settings(State state) {
            return AuthorizationServerSettings.builder().issuer(state.issuer).build();
        }

        @Bean
        RSAKey signingKey() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        }

        @Bean
        JWKSource<SecurityContext> keys(RSAKey signingKey) {
            return new ImmutableJWKSet<>(new JWKSet(signingKey));
        }

        /** The user-info endpoint checks the access tokens the provider itself signed. */
        @Bean
        JwtDecoder accessTokens(RSAKey signingKey) throws com.nimbusds.jose.JOSEException {
            return NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
        }

        /** The person's e-mail, HSA-id and groups go into the ID token; and a fault, when a test asked for one. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(State state) {
            return context -> {
                if (!"id_token".equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = state.people.get(context.getPrincipal().getName());
                if (person != null) {
                    context.getClaims()
                            .claim("email", person.email())
                            .claim("name", person.username())
                            .claim("groups", person.groups());
                    if (person.hsaId() != null) {
                        context.getClaims().claim("hsa_id", person.hsaId());
                    }
                }
                switch (state.fault.getAndSet(Fault.NONE)) {
                    case WRONG_ISSUER -> context.getClaims().issuer("http://127.0.0.1:1/not-the-issuer");
                    case WRONG_AUDIENCE -> context.getClaims().audience(List.of("someone-else"));
                    case EXPIRED ->
                        context.getClaims()
                                .issuedAt(Instant.now().minus(Duration.ofHours(2)))
                                .expiresAt(Instant.now().minus(Duration.ofHours(1)));
                    case NONE -> {}
                }
            };
        }
    }
}
