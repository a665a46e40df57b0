package se.portvakt.identity.freja;

import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.identity.ConditionalOnIdentitySimulators;
import se.portvakt.identity.EidProvider;
import se.portvakt.identity.freja.simulator.FrejaSimulatorAddress;
import se.portvakt.identity.freja.simulator.FrejaSimulatorKeys;
import se.portvakt.person.PinVault;

/**
 * One Freja eID provider or none: the real service when {@code base-url} is set; else the local simulator
 * while the identity simulators run; else Freja eID is off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FrejaProperties.class)
class FrejaConfig {

    static final String BASE_URL = "portvakt.identity.freja.base-url";

    @Bean
    @Conditional(BaseUrlSet.class)
    EidProvider frejaEid(FrejaProperties properties, JdbcClient jdbc, PinVault vault, Clock clock) {
        requireKeyMaterial(properties);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .sslContext(FrejaTls.mutualTls(properties.keystore(), properties.truststore()))
                .build();
        FrejaApi api = new FrejaApi(http, properties::baseUrl, properties.requestTimeout());
        FrejaResultVerifier verifier = new FrejaResultVerifier(FrejaTls.certificate(properties.signingCertificate()));
        return new FrejaProvider(
                api, verifier, new FrejaOrders(jdbc, vault, clock, properties.orderRetention(), false), false);
    }

    @Bean
    @ConditionalOnIdentitySimulators
    @Conditional(BaseUrlUnset.class)
    EidProvider frejaEidSimulated(
            FrejaProperties properties,
            JdbcClient jdbc,
            PinVault vault,
            Clock clock,
            FrejaSimulatorAddress address,
            FrejaSimulatorKeys keys) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build();
        FrejaApi api = new FrejaApi(http, address::baseUrl, properties.requestTimeout());
        return new FrejaProvider(
                api,
                new FrejaResultVerifier(keys.certificate()),
                new FrejaOrders(jdbc, vault, clock, properties.orderRetention(), true),
                true);
    }

    /** A real Freja eID host without its key material would fail at the first guest: fail at start-up instead. */
    static void requireKeyMaterial(FrejaProperties properties) {
        String scheme = properties.baseUrl().getScheme();
        if (!"https".equals(scheme)) {
            throw new IllegalStateException(
                    BASE_URL + " must be an https URL (Freja eID requires mutual TLS), not " + properties.baseUrl());
        }
        StringBuilder missing = new StringBuilder();
        if (properties.keystore() == null || !properties.keystore().configured()) {
            missing.append(" portvakt.identity.freja.keystore.path (the relying party's PKCS#12 client certificate)");
        }
        if (properties.truststore() == null || !properties.truststore().configured()) {
            missing.append(" portvakt.identity.freja.truststore.path (PKCS#12 with Freja's server CA)");
        }
        if (properties.signingCertificate() == null) {
            missing.append(" portvakt.identity.freja.signing-certificate (PEM of Freja's result-signing certificate)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Freja eID is configured (" + BASE_URL + "=" + properties.baseUrl()
                    + ") but these settings are missing:" + missing);
        }
    }

    static class BaseUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().getProperty(BASE_URL, "").isBlank();
        }
    }

    static class BaseUrlUnset extends BaseUrlSet {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
