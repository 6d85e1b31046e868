package dk.fsc.testing;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/** Sets the context's {@link TestClock} back to its start after each test method that moved it. */
public class TestClockReset extends AbstractTestExecutionListener {

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
        }
    }
}
