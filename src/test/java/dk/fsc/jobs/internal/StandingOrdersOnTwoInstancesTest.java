package dk.fsc.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import dk.fsc.FscApplication;
import dk.fsc.jobs.Backoff;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the platform (two application contexts) on one database, both polling the
 * job facility at the same moments: each standing order's run for each due date places one
 * order, and a standing order whose run fails (its citizen's record cannot be read) is retried
 * with backoff, recorded, and given up after its last attempt, while the others run.
 */
class StandingOrdersOnTwoInstancesTest {

    static final String ONE_PIECE_BAG = "b0000000-0000-4000-8000-000000000001";

    /** The clock both instances run on; the test moves it. */
    static final SettableClock clock = new SettableClock(Instant.parse("2027-03-10T08:00:00Z"));

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FscApplication.class).profiles("demo", "test")
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run("--server.port=0");
    }

    static Api as(ConfigurableApplicationContext context, String user) {
        return Api.as(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), user, "demo");
    }

    static JdbcClient jdbc() {
        return first.getBean(JdbcClient.class);
    }

    @Test
    void eachRunHappensOnceAndAFailingStandingOrderHoldsUpNoOther() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfiguration.DANISH_TIME);
        String before = weeklyStandingOrder(citizenWithGrant(today));
        String recovers = weeklyStandingOrder(citizenWithGrant(today));
        String givenUp = weeklyStandingOrder(citizenWithGrant(today));
        String after = weeklyStandingOrder(citizenWithGrant(today));
        byte[] recoversCpr = breakCprOf(recovers);
        breakCprOf(givenUp);

        clock.advance(Duration.ofDays(7).plusHours(1));
        pollOnBothInstances();

        assertThat(ordersOf(before)).isEqualTo(2);
        assertThat(ordersOf(after)).isEqualTo(2);
        assertThat(ordersOf(recovers)).isZero();
        assertThat(runsOf(before)).containsExactlyInAnyOrder(today.toString(), today.plusWeeks(1).toString());
        List<Item> failing = itemsOf(recovers);
        assertThat(failing).hasSize(2).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo("QUEUED");
            assertThat(item.attempts()).isEqualTo(1);
            assertThat(item.nextAttemptAt()).isEqualTo(clock.instant().plus(Backoff.DEFAULT.delayAfter(1)));
            assertThat(item.lastError()).contains("CPR decryption failed");
        });
        JsonNode job = standingOrdersJob();
        assertThat(job.path("retrying").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(job.path("lastFailure").asString()).contains("CPR decryption failed");
        assertThat(job.path("lastMissedRuns").asInt()).as("the hourly runs missed in the week are told").isPositive();

        clock.advance(Duration.ofSeconds(30));
        pollOnBothInstances();
        assertThat(itemsOf(recovers)).allSatisfy(item -> assertThat(item.attempts()).isEqualTo(1));

        clock.advance(Duration.ofSeconds(31));
        pollOnBothInstances();
        assertThat(itemsOf(recovers)).allSatisfy(item -> {
            assertThat(item.attempts()).isEqualTo(2);
            assertThat(item.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        });

        jdbc().sql("update citizens.citizen set cpr_encrypted = ? where id = (select citizen_id"
                + " from orders.standing_order where id = ?::uuid)").params(recoversCpr, recovers).update();
        for (int attempt = 2; attempt < Backoff.DEFAULT.maxAttempts(); attempt++) {
            clock.advance(Backoff.DEFAULT.delayAfter(attempt));
            pollOnBothInstances();
        }

        assertThat(ordersOf(recovers)).isEqualTo(2);
        assertThat(itemsOf(recovers)).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo("DONE");
            assertThat(item.attempts()).isEqualTo(3);
        });
        assertThat(ordersOf(givenUp)).isZero();
        assertThat(itemsOf(givenUp)).hasSize(2).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo("FAILED");
            assertThat(item.attempts()).isEqualTo(Backoff.DEFAULT.maxAttempts());
        });
        assertThat(ordersOf(before)).isEqualTo(2);
        assertThat(ordersOf(after)).isEqualTo(2);
        JsonNode failedItems = standingOrdersJob().path("failedItems");
        assertThat(failedItems.valueStream().map(item -> item.path("key").asString()))
                .contains(givenUp + "/" + today, givenUp + "/" + today.plusWeeks(1));
        assertThat(jdbc().sql("select count(*) from identity.audit_log where actor = 'system:standing-orders'"
                + " and action = 'order.standing' and client = 'system' and citizen_id = (select citizen_id"
                + " from orders.standing_order where id = ?::uuid)").param(before).query(Long.class).single())
                .isEqualTo(2);
    }

    /** A new citizen of Aarhus with a grant of 90 one-piece bags a month from the first of this month. */
    static String citizenWithGrant(LocalDate today) {
        String citizen = Citizens.register(as(first, "caseworker-aarhus"), "751", "Fast Testesen");
        Api.Response made = as(second, "caseworker-aarhus").postJson("/api/v1/citizens/" + citizen + "/grants",
                "{\"validFrom\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":90,\"period\":\"MONTH\"}]}"
                        .formatted(today.withDayOfMonth(1), ONE_PIECE_BAG));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return citizen;
    }

    /** A standing order of 30 bags every week from today; returns its id. */
    static String weeklyStandingOrder(String citizen) {
        Api.Response standing = as(first, "agent").postJson("/api/v1/citizens/" + citizen + "/standing-orders",
                "{\"everyWeeks\":1,\"channel\":\"PHONE\",\"lines\":[{\"productId\":\"%s\",\"quantity\":30}]}"
                        .formatted(ONE_PIECE_BAG));
        assertThat(standing.status()).as(standing.body()).isEqualTo(201);
        return standing.json().path("id").asString();
    }

    /** Makes the standing order's citizen unreadable (the CPR cannot be decrypted); returns what was there. */
    static byte[] breakCprOf(String standingOrder) {
        String citizen = "(select citizen_id from orders.standing_order where id = ?::uuid)";
        byte[] stored = jdbc().sql("select cpr_encrypted from citizens.citizen where id = " + citizen)
                .param(standingOrder).query(byte[].class).single();
        jdbc().sql("update citizens.citizen set cpr_encrypted = ? where id = " + citizen)
                .params(new byte[40], standingOrder).update();
        return stored;
    }

    /** Both instances poll at the same moment, twice, as their timers would. */
    static void pollOnBothInstances() throws Exception {
        for (int round = 0; round < 2; round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> polls = new ArrayList<>();
            try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
                for (ConfigurableApplicationContext instance : List.of(first, second)) {
                    polls.add(instances.submit(() -> {
                        start.await();
                        instance.getBean(JobRunner.class).poll();
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> poll : polls) {
                    poll.get();
                }
            }
        }
    }

    static long ordersOf(String standingOrder) {
        return jdbc().sql("select count(*) from orders.citizen_order where standing_order_id = ?::uuid")
                .param(standingOrder).query(Long.class).single();
    }

    /** The run dates the standing order has queued. */
    static List<String> runsOf(String standingOrder) {
        return itemsOf(standingOrder).stream().map(item -> item.key().substring(item.key().indexOf('/') + 1)).toList();
    }

    record Item(String key, String status, int attempts, Instant nextAttemptAt, String lastError) {
    }

    static List<Item> itemsOf(String standingOrder) {
        return jdbc().sql("select item_key, status, attempts, next_attempt_at, last_error from jobs.work_item"
                + " where job = 'standing-orders' and item_key like ? order by item_key").param(standingOrder + "/%")
                .query((rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .list();
    }

    static JsonNode standingOrdersJob() {
        Api.Response jobs = as(second, "admin").get("/api/v1/jobs");
        assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
        return jobs.json().valueStream().filter(job -> job.path("name").asString().equals("standing-orders"))
                .findFirst().orElseThrow();
    }

    /** A clock the test sets; both instances read it. */
    static final class SettableClock extends Clock {

        private final AtomicReference<Instant> now;

        SettableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now.get(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
