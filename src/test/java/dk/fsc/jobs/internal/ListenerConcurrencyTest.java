package dk.fsc.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.TaskManagementConfigUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Asynchronous listeners run on the bounded executor. Spring Boot wraps the one
 * {@link AsyncConfigurer} in its own, which hands out the wrapped one's executor.
 */
@FscIntegrationTest
class ListenerConcurrencyTest {

    @Autowired
    ApplicationContext context;

    @Test
    void asynchronousListenersRunOnAtMostEightThreads() {
        assertThat(context.getBeansOfType(AsyncConfigurer.class)).hasSize(1);
        AsyncConfigurer configurer = context.getBean(AsyncConfigurer.class);

        assertThat(configurer.getAsyncExecutor()).isInstanceOfSatisfying(ThreadPoolTaskExecutor.class, executor -> {
            assertThat(executor.getMaxPoolSize()).isEqualTo(8);
            assertThat(executor.getCorePoolSize()).isEqualTo(8);
            assertThat(executor.getQueueCapacity()).isEqualTo(10_000);
        });
        Object asyncProcessor = context.getBean(TaskManagementConfigUtils.ASYNC_ANNOTATION_PROCESSOR_BEAN_NAME);
        Supplier<?> asyncExecutor = (Supplier<?>) ReflectionTestUtils.getField(asyncProcessor, "executor");
        assertThat(asyncExecutor.get()).as("the executor of @Async").isSameAs(configurer.getAsyncExecutor());
    }
}
