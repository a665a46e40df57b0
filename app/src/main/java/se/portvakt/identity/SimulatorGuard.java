package se.portvakt.identity;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the e-legitimation simulators would run next to a real identity provider: a person
 * must never be able to "identify" with a simulator on a service where real BankID or Freja logins count.
 */
@Component
class SimulatorGuard implements SmartInitializingSingleton {

    private final ObjectProvider<EidProvider> providers;
    private final Environment environment;

    SimulatorGuard(ObjectProvider<EidProvider> providers, Environment environment) {
        this.providers = providers;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<EidProvider> all = providers.orderedStream().toList();
        boolean simulatorsOn = ConditionalOnIdentitySimulators.SimulatorsCondition.enabled(environment)
                || all.stream().anyMatch(EidProvider::simulated);
        List<EidMethod> real = all.stream()
                .filter(provider -> !provider.simulated())
                .map(EidProvider::method)
                .toList();
        if (simulatorsOn && !real.isEmpty()) {
            throw new IllegalStateException("The e-legitimation simulators are on ("
                    + ConditionalOnIdentitySimulators.PROPERTY
                    + ") while a real identity provider is configured (" + real + "). Turn the simulators off with "
                    + ConditionalOnIdentitySimulators.PROPERTY + "=false, or remove the real provider's settings.");
        }
    }
}
