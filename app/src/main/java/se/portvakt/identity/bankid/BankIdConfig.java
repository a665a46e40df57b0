package se.portvakt.identity.bankid;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.portvakt.audit.AuditLog;
import se.portvakt.identity.ConditionalOnIdentitySimulators;
import se.portvakt.identity.EidProvider;
import se.portvakt.identity.bankid.simulator.SimulatorAddress;
import se.portvakt.person.PinVault;

/**
 * Creates the BankID {@link EidProvider}, if any: the real service when {@code portvakt.identity.bankid.base-url}
 * is set, otherwise the built-in simulator while the simulators are on, otherwise none at all (BankID is then simply
 * not offered). Mixing a real base URL with the simulators on is refused by the identity module's SimulatorGuard.
 */
@Configuration(proxyBeanMethods = false)
class BankIdConfig {

    @Bean
    @Conditional(BaseUrlSet.class)
    BankIdProvider bankIdProvider(
            BankIdProperties properties, JdbcClient jdbc, PinVault vault, AuditLog audit, Clock clock) {
        BankIdClient client = new BankIdClient(
                RealBankId.checkedUrl(properties),
                RealBankId.tls(properties),
                properties.connectTimeout(),
                properties.requestTimeout());
        return provider(client, false, properties, jdbc, vault, audit, clock);
    }

    @Bean
    @Conditional(BaseUrlUnset.class)
    @ConditionalOnIdentitySimulators
    SimulatorAddress bankIdSimulatorAddress(Environment environment) {
        return new SimulatorAddress(environment);
    }

    @Bean
    @Conditional(BaseUrlUnset.class)
    @ConditionalOnIdentitySimulators
    BankIdProvider simulatedBankIdProvider(
            BankIdProperties properties,
            SimulatorAddress simulator,
            JdbcClient jdbc,
            PinVault vault,
            AuditLog audit,
            Clock clock) {
        BankIdClient client =
                new BankIdClient(simulator::rpApi, null, properties.connectTimeout(), properties.requestTimeout());
        return provider(client, true, properties, jdbc, vault, audit, clock);
    }

    private static BankIdProvider provider(
            BankIdClient client,
            boolean simulated,
            BankIdProperties properties,
            JdbcClient jdbc,
            PinVault vault,
            AuditLog audit,
            Clock clock) {
        BankIdOrders orders = new BankIdOrders(jdbc, vault, clock, properties.orderRetention());
        return new BankIdProvider(
                client,
                orders,
                new BankIdCompletion(orders, audit, simulated),
                clock,
                properties.qrRestartWindow(),
                simulated);
    }

    /** {@code portvakt.identity.bankid.base-url} has a value. */
    static class BaseUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isSet(context.getEnvironment());
        }

        static boolean isSet(Environment environment) {
            String url = environment.getProperty(BankIdProperties.BASE_URL);
            return url != null && !url.isBlank();
        }
    }

    /** {@code portvakt.identity.bankid.base-url} is unset or blank. */
    static class BaseUrlUnset implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !BaseUrlSet.isSet(context.getEnvironment());
        }
    }
}
