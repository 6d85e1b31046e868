package dk.fsc.jobs.internal;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Asynchronous listeners ({@code @ApplicationModuleListener}, {@code @Async}) run on at most
 * {@code fsc.events.listener-concurrency} threads at once, so a burst of events cannot take
 * every connection of the pool (20) from the requests. Events beyond that wait in memory
 * (up to {@code fsc.events.listener-queue}); one lost in a crash is still in the event
 * publication registry and is delivered again by the {@code event-publications} job. At
 * shutdown running listeners may finish (20 s) before the connection pool closes.
 */
@Configuration(proxyBeanMethods = false)
@DependsOn("dataSource")
class ListenerConcurrency implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    ListenerConcurrency(@Value("${fsc.events.listener-concurrency:8}") int concurrency,
            @Value("${fsc.events.listener-queue:10000}") int queue) {
        executor.setCorePoolSize(concurrency);
        executor.setMaxPoolSize(concurrency);
        executor.setQueueCapacity(queue);
        executor.setVirtualThreads(true);
        executor.setThreadNamePrefix("listener-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
