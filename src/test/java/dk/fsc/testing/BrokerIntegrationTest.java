package dk.fsc.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/** The whole platform as in {@link FscIntegrationTest}, with login through the {@link MockBroker} turned on. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@FscIntegrationTest
@ContextConfiguration(initializers = MockBroker.Login.class)
public @interface BrokerIntegrationTest {
}
