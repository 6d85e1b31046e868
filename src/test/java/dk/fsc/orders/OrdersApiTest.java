package dk.fsc.orders;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@FscIntegrationTest
class OrdersApiTest {

    /** Demo products (DemoAssortmentSeed). */
    static final String FLAT_BASEPLATE = "b0000000-0000-4000-8000-000000000005";
    static final String CONVEX_BASEPLATE = "b0000000-0000-4000-8000-000000000008";
    static final String PRECUT_BASEPLATE = "b0000000-0000-4000-8000-000000000007";
    static final String ONE_PIECE_BAG = "b0000000-0000-4000-8000-000000000001";
    static final String REPLACED_BASEPLATE = "b0000000-0000-4000-8000-000000000014";
    static final String REPLACEMENT_BASEPLATE = "b0000000-0000-4000-8000-000000000015";
    static final String CATHETER = "b0000000-0000-4000-8000-000000000020";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Orders orders;

    Api as(String user) {
        return Api.as(port, user, "demo");
    }

    String aarhusCitizen() {
        return Citizens.register(as("caseworker-aarhus"), "751", "Ordre Testesen");
    }

    String grant(String citizen, String lines) {
        Api.Response made = as("caseworker-aarhus").postJson("/api/v1/citizens/" + citizen + "/grants",
                "{\"validFrom\":\"2020-01-01\",\"lines\":[" + lines + "]}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asString();
    }

    static String line(String product, int quantity, String period) {
        return "{\"productId\":\"%s\",\"quantity\":%d,\"period\":\"%s\"}".formatted(product, quantity, period);
    }

    static String order(String citizen, String... lines) {
        return "{\"citizenId\":\"%s\",\"channel\":\"PHONE\",\"lines\":[%s]}".formatted(citizen, String.join(",", lines));
    }

    static String item(String product, int quantity) {
        return "{\"productId\":\"%s\",\"quantity\":%d}".formatted(product, quantity);
    }

    static String cut(String product, int quantity, int hole) {
        return "{\"productId\":\"%s\",\"quantity\":%d,\"holeDiameterMm\":%d}".formatted(product, quantity, hole);
    }

    Api.Response place(String json) {
        return as("agent").postJson("/api/v1/orders", json, "Idempotency-Key", UUID.randomUUID().toString());
    }

    long ordersOf(String citizen) {
        return jdbc.sql("select count(*) from orders.citizen_order where citizen_id = ?::uuid").param(citizen)
                .query(Long.class).single();
    }

    long grantsOf(String citizen) {
        return jdbc.sql("select count(*) from grants.citizen_grant where citizen_id = ?::uuid").param(citizen)
                .query(Long.class).single();
    }

    @Test
    void orderWithinTheLimitIsAcceptedAndCountsAgainstIt() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 20, "MONTH"));

        Api.Response placed = place(order(citizen, cut(FLAT_BASEPLATE, 10, 30)));

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode body = placed.json();
        assertThat(body.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(body.path("channel").asString()).isEqualTo("PHONE");
        assertThat(body.path("lines").get(0).path("outcome").asString()).isEqualTo("ACCEPTED");
        JsonNode consumption = as("caseworker-aarhus").get("/api/v1/citizens/" + citizen + "/consumption").json();
        assertThat(consumption.get(0).path("used").asInt()).isEqualTo(10);
        assertThat(consumption.get(0).path("remaining").asInt()).isEqualTo(10);
        JsonNode sizes = as("agent").get("/api/v1/citizens/" + citizen + "/cut-sizes").json();
        assertThat(sizes.get(0).path("diameterMm").asInt()).isEqualTo(30);
        assertThat(sizes.get(0).path("remeasure").asBoolean()).isFalse();
    }

    @Test
    void orderOverTheLimitWaitsForTheCaseworkerOfTheMunicipalityWhoApprovesItOnce() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 20, "MONTH"));

        JsonNode placed = place(order(citizen, cut(FLAT_BASEPLATE, 25, 30))).json();
        assertThat(placed.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        JsonNode waiting = placed.path("lines").get(0);
        assertThat(waiting.path("outcome").asString()).isEqualTo("NEEDS_APPROVAL");
        assertThat(waiting.path("reasonCode").asString()).isEqualTo("over-limit");
        assertThat(waiting.path("reason").asString()).contains("25 of the granted 20");
        String orderId = placed.path("id").asString();

        assertThat(as("caseworker-aarhus").get("/api/v1/orders/awaiting-approval?size=100").body()).contains(orderId);
        assertThat(as("caseworker-randers").get("/api/v1/orders/awaiting-approval?size=100").body())
                .doesNotContain(orderId);
        assertProblem(as("caseworker-randers").postJson("/api/v1/orders/" + orderId + "/approve", "{}"), 404);
        assertProblem(as("agent").postJson("/api/v1/orders/" + orderId + "/approve", "{}"), 403);

        Api.Response approved = as("caseworker-aarhus").postJson("/api/v1/orders/" + orderId + "/approve", "{}");
        assertThat(approved.json().path("status").asString()).isEqualTo("ACCEPTED");
        assertProblem(as("caseworker-aarhus").postJson("/api/v1/orders/" + orderId + "/approve", "{}"), 409);
        assertProblem(as("caseworker-aarhus").postJson("/api/v1/orders/" + orderId + "/reject",
                "{\"reason\":\"for sent\"}"), 409);
        JsonNode history = as("agent").get("/api/v1/orders/" + orderId).json().path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("to").asString()).isEqualTo("ACCEPTED");
        assertThat(history.get(1).path("by").asString()).isEqualTo("caseworker-aarhus");
    }

    @Test
    void aRejectedOrderNeedsAReasonAndNoLongerCounts() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 10, "QUARTER"));
        String orderId = place(order(citizen, cut(FLAT_BASEPLATE, 15, 30))).json().path("id").asString();

        assertThat(fields(assertProblem(
                as("caseworker-aarhus").postJson("/api/v1/orders/" + orderId + "/reject", "{}"), 400)))
                .containsExactly("reason");
        Api.Response rejected = as("caseworker-aarhus").postJson("/api/v1/orders/" + orderId + "/reject",
                "{\"reason\":\"Forbruget er for højt; ring til borgeren\"}");
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        JsonNode consumption = as("agent").get("/api/v1/citizens/" + citizen + "/consumption").json();
        assertThat(consumption.get(0).path("used").asInt()).isZero();
        assertThat(consumption.get(0).path("period").asString()).isEqualTo("QUARTER");
    }

    @Test
    void eachLineIsCheckedOnItsOwnAndAnOrderOfOnlyRefusedLinesSavesNothing() {
        String citizen = aarhusCitizen();
        grant(citizen, "{\"group\":\"STOMA_BASEPLATE\",\"quantity\":30,\"period\":\"MONTH\"}");

        JsonNode placed = place(order(citizen, cut(CONVEX_BASEPLATE, 5, 20), item(PRECUT_BASEPLATE, 5),
                item(CATHETER, 1))).json();

        assertThat(placed.path("status").asString()).isEqualTo("ACCEPTED");
        List<String> outcomes = new ArrayList<>();
        placed.path("lines").forEach(line -> outcomes.add(line.path("outcome").asString() + " "
                + line.path("reasonCode").asString()));
        assertThat(outcomes).containsExactly("ACCEPTED ", "ACCEPTED ", "REJECTED not-granted");
        long before = ordersOf(citizen);
        JsonNode refused = assertProblem(place(order(citizen, item(CATHETER, 1), item(ONE_PIECE_BAG, 1))), 400);
        assertThat(fields(refused)).containsExactly("lines[0]", "lines[1]");
        assertThat(ordersOf(citizen)).isEqualTo(before);
    }

    @Test
    void aProductThatLeftTheAssortmentIsRefusedWithItsReplacementWhichTheSameGrantCovers() {
        String citizen = aarhusCitizen();
        grant(citizen, line(REPLACED_BASEPLATE, 10, "MONTH"));

        JsonNode old = place(order(citizen, cut(REPLACED_BASEPLATE, 1, 30), cut(REPLACEMENT_BASEPLATE, 2, 30))).json();

        JsonNode refused = old.path("lines").get(0);
        assertThat(refused.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(refused.path("reasonCode").asString()).isEqualTo("replaced");
        assertThat(refused.path("replacementProductId").asString()).isEqualTo(REPLACEMENT_BASEPLATE);
        assertThat(old.path("lines").get(1).path("outcome").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswerWithTheSameOrderAndAnotherBodyIsRefused() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 20, "MONTH"));
        String key = UUID.randomUUID().toString();

        Api.Response first = as("agent").postJson("/api/v1/orders", order(citizen, cut(FLAT_BASEPLATE, 2, 30)),
                "Idempotency-Key", key);
        Api.Response again = as("agent").postJson("/api/v1/orders", order(citizen, cut(FLAT_BASEPLATE, 2, 30)),
                "Idempotency-Key", key);
        Api.Response other = as("agent").postJson("/api/v1/orders", order(citizen, cut(FLAT_BASEPLATE, 3, 30)),
                "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(fields(assertProblem(other, 409))).containsExactly("Idempotency-Key");
        assertThat(ordersOf(citizen)).isEqualTo(1);
    }

    @Test
    void twoOrdersAtTheSameMomentNeverTogetherExceedALimitEachRespects() throws Exception {
        for (int round = 0; round < 5; round++) {
            String citizen = aarhusCitizen();
            grant(citizen, line(FLAT_BASEPLATE, 10, "MONTH"));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> answers = new ArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(2)) {
                for (int i = 0; i < 2; i++) {
                    answers.add(clients.submit(() -> {
                        start.await();
                        return place(order(citizen, cut(FLAT_BASEPLATE, 6, 30)));
                    }));
                }
                start.countDown();
                List<String> statuses = new ArrayList<>();
                for (Future<Api.Response> answer : answers) {
                    statuses.add(answer.get().json().path("status").asString());
                }
                assertThat(statuses).containsExactlyInAnyOrder("ACCEPTED", "AWAITING_APPROVAL");
            }
        }
    }

    @Test
    void ordersAreCancelledOnlyUntilPickingAndNobodyMovesThemOnByHand() {
        String citizen = aarhusCitizen();
        grant(citizen, line(ONE_PIECE_BAG, 90, "MONTH"));
        String first = place(order(citizen, item(ONE_PIECE_BAG, 30))).json().path("id").asString();
        String second = place(order(citizen, item(ONE_PIECE_BAG, 30))).json().path("id").asString();

        assertThat(as("agent").postJson("/api/v1/orders/" + first + "/cancel", "{\"reason\":\"ringede\"}").json()
                .path("status").asString()).isEqualTo("CANCELLED");
        assertThat(as("admin").postJson("/api/v1/orders/" + second + "/advance", "{}").status())
                .as("the warehouse moves orders on, nobody by hand").isIn(404, 405);
        orders.markPicked(OrderId.of(second), "warehouse", clock.instant());
        assertProblem(as("agent").postJson("/api/v1/orders/" + second + "/cancel", "{}"), 409);
    }

    @Test
    void badOrdersAreRefusedWithTheFieldAndChangeNothing() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 20, "MONTH"));
        String base = "{\"citizenId\":\"" + citizen + "\",\"channel\":\"PHONE\",\"lines\":";

        assertThat(fields(assertProblem(place(base + "[" + cut(FLAT_BASEPLATE, 0, 30) + "]}"), 400)))
                .containsExactly("lines[0].quantity");
        assertThat(fields(assertProblem(place(base + "[" + cut(FLAT_BASEPLATE, -3, 30) + "]}"), 400)))
                .containsExactly("lines[0].quantity");
        assertThat(fields(assertProblem(place(base + "[" + cut(FLAT_BASEPLATE, 1_000_000, 30) + "]}"), 400)))
                .containsExactly("lines[0].quantity");
        assertThat(fields(assertProblem(place(base + "[{\"productId\":\"" + FLAT_BASEPLATE
                + "\",\"quantity\":1.5}]}"), 400))).contains("lines[0].quantity");
        assertThat(fields(assertProblem(place(base + "[" + cut(FLAT_BASEPLATE, 1, 30) + "," + cut(FLAT_BASEPLATE, 2, 30)
                + "]}"), 400))).containsExactly("lines[1]");
        assertThat(fields(assertProblem(place(base + "[" + item(UUID.randomUUID().toString(), 1) + "]}"), 400)))
                .containsExactly("lines[0].productId");
        assertThat(fields(assertProblem(place(base + "[]}"), 400))).containsExactly("lines");
        assertThat(fields(assertProblem(place("{\"citizenId\":\"" + citizen + "\",\"lines\":["
                + cut(FLAT_BASEPLATE, 1, 30) + "]}"), 400))).containsExactly("channel");
        assertProblem(place(order(UUID.randomUUID().toString(), cut(FLAT_BASEPLATE, 1, 30))), 404);
        assertProblem(as("caseworker-randers").postJson("/api/v1/orders", order(citizen, cut(FLAT_BASEPLATE, 1, 30))),
                404);
        assertProblem(as("finance").postJson("/api/v1/orders", order(citizen, cut(FLAT_BASEPLATE, 1, 30))), 403);
        assertThat(ordersOf(citizen)).isZero();
    }

    @Test
    void everyFieldOfEveryLineIsCheckedAtOnceAndAPlateCutToFitNeedsItsHoleSize() {
        String citizen = aarhusCitizen();
        grant(citizen, "{\"area\":\"STOMA\",\"quantity\":30,\"period\":\"MONTH\"}");

        JsonNode refused = assertProblem(place(order(citizen, cut(FLAT_BASEPLATE, -5, 99), item(CONVEX_BASEPLATE, 2),
                cut(ONE_PIECE_BAG, 1, 20), item(UUID.randomUUID().toString(), 0))), 400);

        assertThat(fields(refused)).containsExactly("lines[0].quantity", "lines[0].holeDiameterMm",
                "lines[1].holeDiameterMm", "lines[2].holeDiameterMm", "lines[3].productId", "lines[3].quantity");
        List<String> messages = new ArrayList<>();
        refused.path("errors").forEach(error -> messages.add(error.path("message").asString()));
        assertThat(messages.get(1)).isEqualTo("must be from 10 to 45 mm");
        assertThat(messages.get(2)).isEqualTo("is required: the plate is cut to a hole of 15-35 mm");
        assertThat(messages.get(3)).isEqualTo("This product cannot be cut to size");
        assertThat(fields(assertProblem(as("agent").postJson("/api/v1/citizens/" + citizen + "/standing-orders",
                "{\"everyWeeks\":4,\"channel\":\"PHONE\",\"lines\":[" + item(FLAT_BASEPLATE, 1) + "]}"), 400)))
                .containsExactly("lines[0].holeDiameterMm");
        assertThat(ordersOf(citizen)).isZero();
        assertThat(as("agent").get("/api/v1/citizens/" + citizen + "/standing-orders").json()).isEmpty();
    }

    @Test
    void badGrantsAreRefusedAndOnlyTheCitizensOwnCaseworkersGrant() {
        String citizen = aarhusCitizen();
        String path = "/api/v1/citizens/" + citizen + "/grants";

        JsonNode backwards = assertProblem(as("caseworker-aarhus").postJson(path,
                "{\"validFrom\":\"2026-06-01\",\"validTo\":\"2026-05-01\",\"lines\":[" + line(FLAT_BASEPLATE, 1, "MONTH")
                        + "]}"), 400);
        assertThat(fields(backwards)).containsExactly("validTo");
        JsonNode lines = assertProblem(as("caseworker-aarhus").postJson(path, "{\"validFrom\":\"2026-01-01\","
                + "\"lines\":[{\"area\":\"NOPE\",\"quantity\":1,\"period\":\"MONTH\"},"
                + "{\"productId\":\"" + FLAT_BASEPLATE + "\",\"quantity\":0,\"period\":\"WEEK\"},"
                + "{\"productId\":\"" + FLAT_BASEPLATE + "\",\"area\":\"STOMA\",\"quantity\":1,\"period\":\"MONTH\"}]}"),
                400);
        assertThat(fields(lines)).containsExactly("lines[0].area", "lines[1].quantity", "lines[1].period", "lines[2]");
        assertProblem(as("caseworker-randers").postJson(path,
                "{\"validFrom\":\"2026-01-01\",\"lines\":[" + line(FLAT_BASEPLATE, 1, "MONTH") + "]}"), 404);
        assertProblem(as("agent").postJson(path,
                "{\"validFrom\":\"2026-01-01\",\"lines\":[" + line(FLAT_BASEPLATE, 1, "MONTH") + "]}"), 403);
        assertThat(grantsOf(citizen)).isZero();
    }

    @Test
    void aChangedGrantKeepsWhatWasOrderedAgainstTheSameLineAndAnEndedGrantCoversNothing() {
        String citizen = aarhusCitizen();
        String grantId = grant(citizen, line(FLAT_BASEPLATE, 10, "MONTH"));
        place(order(citizen, cut(FLAT_BASEPLATE, 8, 30)));

        Api.Response changed = as("caseworker-aarhus").send("PUT", "/api/v1/grants/" + grantId, "application/json",
                "{\"validFrom\":\"2020-01-01\",\"lines\":[" + line(FLAT_BASEPLATE, 20, "MONTH") + "]}");
        assertThat(changed.json().path("revision").asInt()).isEqualTo(2);
        JsonNode consumption = as("agent").get("/api/v1/citizens/" + citizen + "/consumption").json();
        assertThat(consumption.get(0).path("used").asInt()).isEqualTo(8);
        assertThat(consumption.get(0).path("remaining").asInt()).isEqualTo(12);

        as("caseworker-aarhus").postJson("/api/v1/grants/" + grantId + "/end", "{\"reason\":\"Stomien er lukket\"}");
        assertThat(as("agent").get("/api/v1/grants/" + grantId + "/revisions").json()).hasSize(3);
        assertProblem(place(order(citizen, cut(FLAT_BASEPLATE, 1, 30))), 400);
        assertProblem(as("caseworker-aarhus").postJson("/api/v1/grants/" + grantId + "/end", "{\"reason\":\"igen\"}"),
                409);
    }

    Api.Response moveToRanders(String citizen, LocalDate movedOn) {
        Api.Response moved = as("agent").send("PUT", "/api/v1/citizens/" + citizen + "/address", "application/json",
                "{\"street\":\"Torvet 1\",\"postalCode\":\"8900\",\"city\":\"Randers C\",\"municipalityCode\":\"730\","
                        + "\"movedOn\":\"" + movedOn + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        return moved;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }

    @Test
    void aMoveKeepsTheOldGrantsForTheTransitionAndGivesTheNewMunicipalityATask() {
        String citizen = aarhusCitizen();
        String grantId = grant(citizen, line(FLAT_BASEPLATE, 10, "MONTH"));

        moveToRanders(citizen, LocalDate.of(2026, 3, 1));

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                as("agent").get("/api/v1/grants/" + grantId).json().path("endsOn").asString()).isEqualTo("2026-03-31"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                as("caseworker-randers").get("/api/v1/grant-tasks").body()).contains(citizen));
        assertThat(as("caseworker-aarhus").get("/api/v1/grant-tasks").body()).doesNotContain(citizen);
    }

    @Test
    void aMovedCitizenKeepsOrderingUnderTheOldGrantPaidByTheOldMunicipalityUntilTheNewOneDecides() {
        String citizen = aarhusCitizen();
        String grantId = grant(citizen, line(FLAT_BASEPLATE, 20, "MONTH"));
        LocalDate today = today();

        moveToRanders(citizen, today);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                as("agent").get("/api/v1/grants/" + grantId).json().path("endsOn").asString())
                .isEqualTo(today.plusDays(30).toString()));

        JsonNode placed = place(order(citizen, cut(FLAT_BASEPLATE, 5, 30))).json();
        assertThat(placed.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(placed.path("municipalityCode").asString()).isEqualTo("730");
        assertThat(placed.path("paidBy").asString()).isEqualTo("751");

        String task = as("caseworker-randers").get("/api/v1/grant-tasks").json().valueStream()
                .filter(found -> found.path("citizenId").asString().equals(citizen)).findFirst().orElseThrow()
                .path("id").asString();
        assertThat(as("caseworker-randers").postJson("/api/v1/grant-tasks/" + task + "/done", "{}").status())
                .isEqualTo(204);

        assertThat(as("agent").get("/api/v1/grants/" + grantId).json().path("endsOn").asString())
                .isEqualTo(today.toString());
        assertProblem(place(order(citizen, cut(FLAT_BASEPLATE, 5, 30))), 400);
    }

    @Test
    void aMoveDatedInTheFutureTakesEffectOnItsDayNotAtOnce() {
        String citizen = aarhusCitizen();
        String grantId = grant(citizen, line(FLAT_BASEPLATE, 20, "MONTH"));
        String orderId = place(order(citizen, cut(FLAT_BASEPLATE, 25, 30))).json().path("id").asString();

        moveToRanders(citizen, today().plusDays(10));

        assertThat(as("caseworker-aarhus").get("/api/v1/citizens/" + citizen).json().path("municipalityCode")
                .asString()).isEqualTo("751");
        assertProblem(as("caseworker-randers").get("/api/v1/citizens/" + citizen), 404);
        assertThat(as("caseworker-aarhus").get("/api/v1/orders/awaiting-approval?size=100").body()).contains(orderId);
        assertThat(as("agent").get("/api/v1/grants/" + grantId).json().path("endsOn").isNull()).isTrue();
        assertThat(place(order(citizen, cut(FLAT_BASEPLATE, 1, 30))).json().path("paidBy").asString()).isEqualTo("751");

        jdbc.sql("update citizens.planned_move set moved_on = ? where citizen_id = ?::uuid").params(today(), citizen)
                .update();

        assertThat(as("caseworker-randers").get("/api/v1/citizens/" + citizen).json().path("municipalityCode")
                .asString()).as("on its day the move takes effect at the first read").isEqualTo("730");
        assertProblem(as("caseworker-aarhus").get("/api/v1/citizens/" + citizen), 404);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                as("caseworker-randers").get("/api/v1/orders/awaiting-approval?size=100").body()).contains(orderId));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                as("agent").get("/api/v1/grants/" + grantId).json().path("endsOn").asString())
                .isEqualTo(today().plusDays(30).toString()));
    }

    @Test
    void afterAMoveTheWaitingOrderIsOnTheNewMunicipalitysWorkListWhichDecidesIt() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 20, "MONTH"));
        String orderId = place(order(citizen, cut(FLAT_BASEPLATE, 25, 30))).json().path("id").asString();

        moveToRanders(citizen, today());

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                as("caseworker-randers").get("/api/v1/orders/awaiting-approval?size=100").body()).contains(orderId));
        assertThat(as("caseworker-aarhus").get("/api/v1/orders/awaiting-approval?size=100").body())
                .doesNotContain(orderId);
        HttpResponse<String> aarhusList = WebSession.logIn(port, "caseworker-aarhus", "demo").get("/worklist");
        assertThat(aarhusList.statusCode()).isEqualTo(200);
        assertThat(aarhusList.body()).doesNotContain(orderId);
        HttpResponse<String> randersList = WebSession.logIn(port, "caseworker-randers", "demo").get("/worklist");
        assertThat(randersList.statusCode()).isEqualTo(200);
        assertThat(randersList.body()).contains(orderId);

        assertProblem(as("caseworker-aarhus").postJson("/api/v1/orders/" + orderId + "/approve", "{}"), 404);
        Api.Response approved = as("caseworker-randers").postJson("/api/v1/orders/" + orderId + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void theWorkListLeavesOutACitizenTheCaseworkerCannotSeeInsteadOfFailing() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 20, "MONTH"));
        String orderId = place(order(citizen, cut(FLAT_BASEPLATE, 25, 30))).json().path("id").asString();
        jdbc.sql("update citizens.citizen set municipality_code = '730' where id = ?::uuid").param(citizen).update();

        HttpResponse<String> list = WebSession.logIn(port, "caseworker-aarhus", "demo").get("/worklist");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(orderId);
    }

    @Test
    void aRejectionsReasonIsShownWithTheOrderInTheApiAndOnTheOrderPageInTheReadersLanguage() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 20, "MONTH"));
        String orderId = place(order(citizen, cut(FLAT_BASEPLATE, 25, 30))).json().path("id").asString();

        as("caseworker-aarhus").postJson("/api/v1/orders/" + orderId + "/reject",
                "{\"reason\":\"Brug de plader, der allerede er leveret\"}");

        assertThat(as("agent").get("/api/v1/orders/" + orderId).json().path("rejectionReason").asString())
                .isEqualTo("Brug de plader, der allerede er leveret");
        assertThat(as("agent").get("/api/v1/citizens/" + citizen + "/orders").json().path("items").get(0)
                .path("rejectionReason").asString()).isEqualTo("Brug de plader, der allerede er leveret");
        WebSession agent = WebSession.logIn(port, "agent", "demo");
        assertThat(agent.get("/citizens/" + citizen + "/orders").body())
                .contains("Afvist med begrundelsen: Brug de plader, der allerede er leveret");
        assertThat(agent.get("/citizens/" + citizen + "/orders?lang=en").body())
                .contains("Rejected because: Brug de plader, der allerede er leveret");
    }

    @Test
    void aReplayedIdempotencyKeyAnswers404OnceTheCallerNoLongerSeesTheCitizen() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 20, "MONTH"));
        String body = order(citizen, cut(FLAT_BASEPLATE, 2, 30));
        String key = UUID.randomUUID().toString();
        assertThat(as("caseworker-aarhus").postJson("/api/v1/orders", body, "Idempotency-Key", key).status())
                .isEqualTo(201);

        moveToRanders(citizen, today());

        Api.Response replayed = as("caseworker-aarhus").postJson("/api/v1/orders", body, "Idempotency-Key", key);
        assertProblem(replayed, 404);
        assertThat(replayed.body()).doesNotContain("Testvej");
    }

    @Test
    void aCitizensOwnOrdersAreAlwaysWebWhateverTheySend() {
        String citizen = aarhusCitizen();
        grant(citizen, line(ONE_PIECE_BAG, 90, "MONTH"));
        String username = "borger-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response user = as("admin").postJson("/api/v1/users", """
                {"username":"%s","displayName":"Ordre Testesen","password":"lang-nok-adgangskode","roles":["CITIZEN"],
                 "municipalityCode":"","regionCode":"","citizenId":"%s"}""".formatted(username, citizen));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        Api self = Api.as(port, username, "lang-nok-adgangskode");

        Api.Response placed = self.postJson("/api/v1/orders", order(citizen, item(ONE_PIECE_BAG, 1)));
        Api.Response standing = self.postJson("/api/v1/citizens/" + citizen + "/standing-orders",
                "{\"everyWeeks\":4,\"channel\":\"PHONE\",\"lines\":[" + item(ONE_PIECE_BAG, 1) + "]}");

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().path("channel").asString()).isEqualTo("WEB");
        assertThat(standing.status()).as(standing.body()).isEqualTo(201);
        assertThat(standing.json().path("channel").asString()).isEqualTo("WEB");
    }

    @Test
    void aStandingOrderRunsOnceHoweverOftenTheJobRuns() throws Exception {
        String citizen = aarhusCitizen();
        grant(citizen, line(ONE_PIECE_BAG, 90, "MONTH"));
        Api.Response standing = as("agent").postJson("/api/v1/citizens/" + citizen + "/standing-orders",
                "{\"everyWeeks\":4,\"channel\":\"PHONE\",\"lines\":[" + item(ONE_PIECE_BAG, 30) + "]}");
        assertThat(standing.status()).as(standing.body()).isEqualTo(201);

        try (ExecutorService jobs = Executors.newFixedThreadPool(2)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(jobs.submit(() -> {
                    start.await();
                    return as("admin").postJson("/api/v1/standing-orders/run", "{}");
                }));
            }
            start.countDown();
            for (Future<Api.Response> run : runs) {
                assertThat(run.get().status()).isEqualTo(200);
            }
        }
        as("admin").postJson("/api/v1/standing-orders/run", "{}");

        JsonNode orders = as("agent").get("/api/v1/citizens/" + citizen + "/orders").json().path("items");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("channel").asString()).isEqualTo("STANDING_ORDER");
        JsonNode after = as("agent").get("/api/v1/citizens/" + citizen + "/standing-orders").json().get(0);
        assertThat(after.path("lastOrderId").asString()).isEqualTo(orders.get(0).path("id").asString());
        assertThat(LocalDate.parse(after.path("nextRunOn").asString()))
                .isEqualTo(LocalDate.parse(after.path("lastRunOn").asString()).plusWeeks(4));
    }

    @Test
    void theLastOrderIsRepeatedWithOneCall() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 50, "MONTH"));
        place(order(citizen, cut(FLAT_BASEPLATE, 10, 28)));

        Api.Response repeated = as("agent").postJson("/api/v1/citizens/" + citizen + "/orders/repeat-last", "");

        assertThat(repeated.status()).as(repeated.body()).isEqualTo(201);
        JsonNode line = repeated.json().path("lines").get(0);
        assertThat(line.path("productId").asString()).isEqualTo(FLAT_BASEPLATE);
        assertThat(line.path("holeDiameterMm").asInt()).isEqualTo(28);
        assertThat(ordersOf(citizen)).isEqualTo(2);
    }

    @Test
    void theSameKeySentTwiceAtTheSameMomentMakesOneOrder() throws Exception {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 20, "MONTH"));
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return as("agent").postJson("/api/v1/orders", order(citizen, cut(FLAT_BASEPLATE, 2, 30)),
                            "Idempotency-Key", key);
                }));
            }
            start.countDown();
            Api.Response first = answers.get(0).get();
            Api.Response second = answers.get(1).get();
            assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(201, 200);
            assertThat(first.json().path("id").asString()).isEqualTo(second.json().path("id").asString());
        }
        assertThat(ordersOf(citizen)).isEqualTo(1);
    }

    @Test
    void anOrderGoesToTheGrantsDeliveryAddressWhenItHasOne() {
        String citizen = aarhusCitizen();
        Api.Response made = as("caseworker-aarhus").postJson("/api/v1/citizens/" + citizen + "/grants",
                "{\"validFrom\":\"2020-01-01\",\"deliveryAddress\":{\"street\":\"Plejecentret 4\","
                        + "\"postalCode\":\"8210\",\"city\":\"Aarhus V\"},\"lines\":["
                        + line(FLAT_BASEPLATE, 5, "MONTH") + "]}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);

        JsonNode placed = place(order(citizen, cut(FLAT_BASEPLATE, 1, 30))).json();

        assertThat(placed.path("deliveryAddress").path("street").asString()).isEqualTo("Plejecentret 4");
        assertThat(placed.path("deliveryAddress").path("postalCode").asString()).isEqualTo("8210");
    }

    @Test
    void aCutSizeMeasuredLongAgoAsksForANewMeasurement() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 5, "MONTH"));
        place(order(citizen, cut(FLAT_BASEPLATE, 1, 30)));
        assertThat(as("agent").get("/api/v1/citizens/" + citizen + "/cut-sizes").json().get(0).path("remeasure")
                .asBoolean()).isFalse();

        jdbc.sql("update orders.cut_size set measured_at = ? where citizen_id = ?::uuid")
                .params(clock.instant().minus(Duration.ofDays(181)).atOffset(ZoneOffset.UTC), citizen).update();

        assertThat(as("agent").get("/api/v1/citizens/" + citizen + "/cut-sizes").json().get(0).path("remeasure")
                .asBoolean()).isTrue();
    }

    @Test
    void aStandingOrderNoGrantCoversAnyMoreRecordsWhyAndPlacesNothing() {
        String citizen = aarhusCitizen();
        String grantId = grant(citizen, line(ONE_PIECE_BAG, 90, "MONTH"));
        as("agent").postJson("/api/v1/citizens/" + citizen + "/standing-orders",
                "{\"everyWeeks\":2,\"channel\":\"PHONE\",\"lines\":[" + item(ONE_PIECE_BAG, 30) + "]}");
        as("caseworker-aarhus").postJson("/api/v1/grants/" + grantId + "/end", "{\"reason\":\"Ikke længere behov\"}");

        as("admin").postJson("/api/v1/standing-orders/run", "{}");

        JsonNode standing = as("agent").get("/api/v1/citizens/" + citizen + "/standing-orders").json().get(0);
        assertThat(standing.path("lastRefusal").asString()).isEqualTo("Not covered by any grant in force");
        assertThat(standing.path("lastOrderId").isNull()).isTrue();
        assertThat(LocalDate.parse(standing.path("nextRunOn").asString()))
                .isEqualTo(LocalDate.parse(standing.path("lastRunOn").asString()).plusWeeks(2));
        assertThat(ordersOf(citizen)).isZero();
    }

    @Test
    void anOrderIsSeenOnlyByThoseWhoMaySeeItsCitizen() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 5, "MONTH"));
        String orderId = place(order(citizen, cut(FLAT_BASEPLATE, 1, 30))).json().path("id").asString();

        assertThat(as("homecare-aarhus").get("/api/v1/orders/" + orderId).status()).isEqualTo(200);
        assertProblem(as("caseworker-randers").get("/api/v1/orders/" + orderId), 404);
        assertProblem(as("citizen-randers").get("/api/v1/orders/" + orderId), 404);
        assertProblem(as("citizen-randers").postJson("/api/v1/orders/" + orderId + "/cancel", "{}"), 404);
        assertProblem(as("warehouse").get("/api/v1/orders/" + orderId), 403);
    }

    @Test
    void aDeliveryDateInThePastAndAnOversizedKeyAreRefused() {
        String citizen = aarhusCitizen();
        grant(citizen, line(FLAT_BASEPLATE, 5, "MONTH"));
        String past = "{\"citizenId\":\"%s\",\"channel\":\"PHONE\",\"deliveryDate\":\"2020-01-01\",\"lines\":[%s]}"
                .formatted(citizen, cut(FLAT_BASEPLATE, 1, 30));

        assertThat(fields(assertProblem(place(past), 400))).containsExactly("deliveryDate");
        assertThat(fields(assertProblem(as("agent").postJson("/api/v1/orders", order(citizen, cut(FLAT_BASEPLATE, 1, 30)),
                "Idempotency-Key", "k".repeat(256)), 400))).containsExactly("Idempotency-Key");
        assertThat(ordersOf(citizen)).isZero();
    }
}
