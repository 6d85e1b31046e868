package dk.fsc.testing;

import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts a {@link TestClock} into every Spring test context as the primary {@code Clock}, so the
 * application under test never runs on the machine's date (registered in META-INF/spring.factories).
 */
public class TestClockCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new TestClockCustomizer();
    }

    /** All alike, so the customizer never splits the context cache. */
    record TestClockCustomizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            RootBeanDefinition clock = new RootBeanDefinition(TestClock.class);
            clock.setPrimary(true);
            ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("testClock", clock);
        }
    }
}
