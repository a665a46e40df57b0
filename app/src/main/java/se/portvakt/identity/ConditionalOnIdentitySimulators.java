package se.portvakt.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import se.portvakt.config.DeploymentMode;

/**
 * Registers a bean only while the local e-legitimation simulators run: {@value #PROPERTY}, which defaults to
 * true in the embedded default and false on a production database. {@link SimulatorGuard} refuses to start
 * when they run next to a real identity provider.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnIdentitySimulators.SimulatorsCondition.class)
public @interface ConditionalOnIdentitySimulators {

    String PROPERTY = "portvakt.identity.simulators";

    class SimulatorsCondition implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context.getEnvironment());
        }

        /** Whether the simulators run in this environment. */
        public static boolean enabled(Environment environment) {
            return environment.getProperty(
                    PROPERTY, Boolean.class, DeploymentMode.of(environment).embedded());
        }
    }
}
