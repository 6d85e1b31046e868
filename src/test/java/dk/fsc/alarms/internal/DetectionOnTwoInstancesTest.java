package dk.fsc.alarms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dk.fsc.FscApplication;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Missed-dose detection on two instances (this test's platform and a second application
 * context on the same database): both detecting at once raise every alarm once; an instance
 * killed while it holds claimed doses (its connection terminated, its context closed) loses
 * none of them and doubles none.
 */
@FscIntegrationTest
class DetectionOnTwoInstancesTest {

    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Detection detection;

    @Test
    void twoInstancesRaiseEachMissedDoseOnceAndAKilledInstanceLosesNone() throws Exception {
        ConfigurableApplicationContext second = new SpringApplicationBuilder(FscApplication.class)
                .profiles("demo", "test")
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run("--server.port=0");
        try {
            Detection other = second.getBean(Detection.class);
            List<String> together = dispensersWithAMissedDose(300);
            List<Future<?>> passes = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            try (ExecutorService instances = Executors.newFixedThreadPool(4)) {
                for (Detection instance : List.of(detection, other, detection, other)) {
                    passes.add(instances.submit(() -> {
                        start.await();
                        for (int i = 0; i < 5; i++) {
                            instance.missedDoses(clock.instant(), () -> {
                            });
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> pass : passes) {
                    pass.get();
                }
            }
            assertEachHasOneAlarm(together);

            List<String> killed = dispensersWithAMissedDose(20);
            JdbcClient otherJdbc = second.getBean(JdbcClient.class);
            AtomicInteger pid = new AtomicInteger();
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            try (ExecutorService dying = Executors.newSingleThreadExecutor()) {
                Future<int[]> pass = dying.submit(() -> other.missedDoses(clock.instant(), () -> {
                    pid.set(otherJdbc.sql("select pg_backend_pid()").query(Integer.class).single());
                    holding.countDown();
                    try {
                        never.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

                detection.missedDoses(clock.instant(), () -> {
                });
                assertThat(alarmsOf(killed)).as("the doses the other instance holds are skipped").isZero();

                jdbc.sql("select pg_terminate_backend(?)").param(pid.get()).query(Boolean.class).single();
                never.countDown();
                assertThatThrownBy(pass::get).as("the killed instance's pass fails").isNotNull();
            }
            second.close();

            detection.missedDoses(clock.instant(), () -> {
            });
            assertEachHasOneAlarm(killed);
        } finally {
            second.close();
        }
    }

    /** Dispensers with the alarm service, each with one dose whose grace ended a minute ago. */
    List<String> dispensersWithAMissedDose(int count) {
        Instant now = clock.instant();
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String serial = "TWO-" + UUID.randomUUID();
            UUID citizen = UUID.randomUUID();
            jdbc.sql("""
                    insert into alarms.installed_device (serial, lease_id, citizen_id, municipality_code, services,
                        started_on, last_heard_at) values (?, ?, ?, '751', '{ALARM}', ?, ?)
                    """).params(serial, UUID.randomUUID(), citizen, clock.today(), now.atOffset(ZoneOffset.UTC)).update();
            jdbc.sql("""
                    insert into alarms.due_dose (serial, citizen_id, municipality_code, due_at, grace_until)
                    values (?, ?, '751', ?, ?)
                    """).params(serial, citizen, now.minus(Duration.ofMinutes(31)).atOffset(ZoneOffset.UTC),
                    now.minus(Duration.ofMinutes(1)).atOffset(ZoneOffset.UTC)).update();
            serials.add(serial);
        }
        return serials;
    }

    void assertEachHasOneAlarm(List<String> serials) {
        assertThat(jdbc.sql("select count(*) from alarms.due_dose where serial = any(?) and state = 'MISSED'")
                .param(serials.toArray(String[]::new)).query(Long.class).single()).isEqualTo(serials.size());
        assertThat(jdbc.sql("""
                select count(*) from alarms.alarm where serial = any(?) and kind = 'MISSED_DOSE'
                """).param(serials.toArray(String[]::new)).query(Long.class).single()).isEqualTo(serials.size());
        assertThat(jdbc.sql("""
                select count(*) from (select serial from alarms.alarm where serial = any(?) group by serial
                having count(*) > 1) doubled
                """).param(serials.toArray(String[]::new)).query(Long.class).single()).isZero();
    }

    long alarmsOf(List<String> serials) {
        return jdbc.sql("select count(*) from alarms.alarm where serial = any(?)").param(serials.toArray(String[]::new))
                .query(Long.class).single();
    }
}
