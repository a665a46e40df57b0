package se.portvakt.config;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Refuses to start production without its settings. A bean factory post-processor runs once every bean is defined
 * and before any is made, so the database pool and Flyway have not run yet when it fails.
 */
record ProductionSettingsCheck(Environment environment) implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<ProductionSettings.SettingProblem> problems = ProductionSettings.problems(environment);
        if (!problems.isEmpty()) {
            throw new MissingSettingsException(problems);
        }
    }
}
