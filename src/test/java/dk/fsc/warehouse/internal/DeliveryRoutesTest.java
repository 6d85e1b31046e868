package dk.fsc.warehouse.internal;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dk.fsc.orders.OrderId;
import dk.fsc.orders.Orders;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import dk.fsc.testing.WebSession;
import dk.fsc.warehouse.WarehouseSteps;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Delivery routes through the API and the route editor, every bad input refused with its field
 * and nothing saved; an order accepted through the orders API planned for its route's first day
 * on or after the wanted date and the warehouse's cut-off; that day's pick lists grouped by route
 * in walking order, on screen, through the API and as a PDF; the next day a route is driven.
 */
@FscIntegrationTest
class DeliveryRoutesTest {

    static final String ROUTES = "/api/v1/warehouse/routes";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DeliveryRoutes routes;

    @Autowired
    DayPickLists pickLists;

    @Autowired
    Orders orders;

    WarehouseSteps steps() {
        return new WarehouseSteps(port);
    }

    @Test
    void routesAreEditedWithEveryBadInputRefusedAndNothingHalfSaved() {
        Api admin = steps().as("admin");
        int before = admin.get(ROUTES).json().size();
        assertThat(fields(assertProblem(admin.postJson(ROUTES, "{}"), 400)))
                .containsExactlyInAnyOrder("name", "weekdays", "postalCodes");
        assertThat(fields(assertProblem(admin.postJson(ROUTES, """
                {"name":"%s","weekdays":["MONDAY","FUNDAY"],"postalCodes":["8000","80O0"]}""".formatted("x".repeat(61))),
                400))).containsExactlyInAnyOrder("name", "weekdays", "postalCodes");
        String tooMany = IntStream.range(1000, 3001).mapToObj(code -> "\"" + code + "\"")
                .collect(Collectors.joining(","));
        assertThat(fields(assertProblem(admin.postJson(ROUTES, """
                {"name":"Stor","weekdays":["MONDAY"],"postalCodes":[%s]}""".formatted(tooMany)), 400)))
                .containsExactly("postalCodes");
        assertProblem(admin.postJson(ROUTES, "{\"name\":"), 400);
        assertProblem(steps().as("caseworker-aarhus").postJson(ROUTES, "{}"), 403);

        String name = "Nord " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response created = admin.postJson(ROUTES, """
                {"name":"%s","weekdays":["THURSDAY","TUESDAY","TUESDAY"],"postalCodes":["9990"," 9991 ","9990"]}"""
                .formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        try {
            assertThat(created.json().path("weekdays").toString()).isEqualTo("[\"TUESDAY\",\"THURSDAY\"]");
            assertThat(created.json().path("postalCodes").toString()).isEqualTo("[\"9990\",\"9991\"]");

            JsonNode taken = assertProblem(admin.inLanguage("da").postJson(ROUTES, """
                    {"name":"Syd %s","weekdays":["MONDAY"],"postalCodes":["9989","9991"]}""".formatted(name)), 409);
            assertThat(taken.path("errors").get(0).path("field").asString()).isEqualTo("postalCodes");
            assertThat(taken.path("errors").get(0).path("message").asString())
                    .isEqualTo("Postnummer 9991 hører allerede til ruten " + name + ".");
            assertThat(fields(assertProblem(admin.postJson(ROUTES, """
                    {"name":"%s","weekdays":["MONDAY"],"postalCodes":["9989"]}""".formatted(name)), 409)))
                    .containsExactly("name");
            assertThat(admin.get(ROUTES).json().size()).as("nothing half-saved").isEqualTo(before + 1);

            Api.Response updated = admin.send("PUT", ROUTES + "/" + id, "application/json", """
                    {"name":"%s","weekdays":["FRIDAY"],"postalCodes":["9991","9992"]}""".formatted(name));
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(admin.get(ROUTES + "/" + id).json().path("postalCodes").toString())
                    .isEqualTo("[\"9991\",\"9992\"]");
            assertProblem(admin.send("PUT", ROUTES + "/" + UUID.randomUUID(), "application/json", """
                    {"name":"Ingen","weekdays":["FRIDAY"],"postalCodes":["9993"]}"""), 404);

            LocalDate wednesday = LocalDate.of(2026, 11, 25);
            assertThat(routes.nextDay("9992", wednesday)).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(routes.nextDay("9992", wednesday.plusDays(2))).isEqualTo(LocalDate.of(2026, 12, 4));
            assertThat(routes.nextDay("9990", wednesday.plusDays(2)).getDayOfWeek())
                    .as("no route: the next working day").isEqualTo(DayOfWeek.MONDAY);
            assertThat(routes.firstDayOnOrAfter("9992", wednesday.plusDays(2))).isEqualTo(wednesday.plusDays(2));
            assertThat(routes.firstDayOnOrAfter("9992", wednesday)).isEqualTo(wednesday.plusDays(2));
            assertThat(routes.firstDayOnOrAfter("9990", wednesday.plusDays(3)))
                    .as("no route: a Saturday moves to Monday").isEqualTo(wednesday.plusDays(5));

            WebSession warehouse = WebSession.logIn(port, "warehouse", "demo");
            String refused = warehouse.post("/warehouse/routes/" + id, "name=" + URLEncoder.encode(name,
                    StandardCharsets.UTF_8) + "&postalCodes=9991+12345").body();
            assertThat(refused).contains("Vælg mindst én ugedag.", "Postnummeret 12345 er ikke fire cifre.");
            assertThat(admin.get(ROUTES + "/" + id).json().path("weekdays").toString()).isEqualTo("[\"FRIDAY\"]");
            assertThat(warehouse.follow(warehouse.post("/warehouse/routes/" + id, "name=" + URLEncoder.encode(name,
                    StandardCharsets.UTF_8) + "&weekdays=MONDAY&weekdays=FRIDAY&postalCodes=9991%2C+9992")).body())
                    .contains("Ruten " + name + " er gemt.", "mandag", "fredag");
        } finally {
            assertThat(admin.send("DELETE", ROUTES + "/" + id, "application/json", "").status()).isEqualTo(204);
        }
        assertProblem(admin.send("DELETE", ROUTES + "/" + id, "application/json", ""), 404);
    }

    @Test
    void anAcceptedOrderIsPlannedForItsRouteDayAndTheDaysPickListsAreGroupedByRouteOnScreenAndOnPaper()
            throws Exception {
        clock.setDanish(LocalDateTime.of(2026, 11, 25, 15, 0));
        WarehouseSteps steps = steps();
        LocalDate today = clock.today();
        Api admin = steps.as("admin");
        String name = "Aarhus C " + UUID.randomUUID().toString().substring(0, 6);
        String id = admin.postJson(ROUTES, """
                {"name":"%s","weekdays":["TUESDAY","FRIDAY"],"postalCodes":["8000"]}""".formatted(name)).json()
                .path("id").asString();
        try {
            steps.receiveAnEarlyLotOfFlatBaseplates(2, today);
            OrderId order = steps.placeForANewCitizen(2, today);
            OrderId wantedToday = steps.placeForANewCitizenWanted(1, today);
            assertThat(steps.awaitReserved(order).path("deliveryDate").asString())
                    .as("wanted on Wednesday 2 December: the route's Friday").isEqualTo("2026-12-04");
            assertThat(steps.awaitReserved(wantedToday).path("deliveryDate").asString())
                    .as("wanted today after the cut-off: Thursday at the earliest, so Friday").isEqualTo("2026-11-27");

            LocalDate day = LocalDate.of(2026, 12, 4);
            Api.Response lists = steps.as("warehouse").get("/api/v1/warehouse/pick-lists?date=" + day);
            assertThat(lists.status()).as(lists.body()).isEqualTo(200);
            JsonNode route = lists.json().path("routes").valueStream()
                    .filter(list -> name.equals(list.path("routeName").asString(null))).findFirst().orElseThrow();
            List<JsonNode> ours = route.path("lines").valueStream()
                    .filter(line -> line.path("orderId").asString().equals(order.toString())).toList();
            assertThat(ours).hasSize(2);
            List<Integer> walk = route.path("lines").valueStream().map(line -> line.path("walkingOrder").asInt())
                    .toList();
            assertThat(walk).as("walking order").isSorted();
            assertThat(steps.as("warehouse").get("/api/v1/warehouse/pick-lists?date=" + day.minusDays(1))
                    .body()).as("not due on the wanted day nor the day after").doesNotContain(order.toString());
            assertThat(fields(assertProblem(steps.as("warehouse").get("/api/v1/warehouse/pick-lists?date=31-12-2026"),
                    400))).containsExactly("date");

            WebSession warehouse = WebSession.logIn(port, "warehouse", "demo");
            String page = warehouse.get("/warehouse/pick-lists?date=" + day).body();
            assertThat(page).contains("Rute " + name + ":", "/warehouse/orders/" + order, "class=\"date\"");
            assertThat(warehouse.get("/warehouse/orders/" + order).body()).contains("Leveres 04-12-2026");
            assertThat(warehouse.get("/warehouse/pick-lists?date=igår").body())
                    .contains("Angiv dagen som åååå-mm-dd.");
            String text;
            try (var pdf = Loader.loadPDF(warehouse.getBytes("/warehouse/pick-lists/pdf?date=" + day))) {
                text = new PDFTextStripper().getText(pdf);
            }
            assertThat(text).contains("Plukkelister til levering", "Rute " + name, "8000");
            assertThat(pickLists.of(day).lineCount()).isGreaterThanOrEqualTo(2);
            String citizen = orders.deliveryFacts(order).orElseThrow().citizenId().toString();
            assertThat(WebSession.logIn(port, "agent", "demo").get("/citizens/" + citizen + "/orders").body())
                    .as("the order page shows the planned day").contains("Planlagt levering 04-12-2026");
        } finally {
            admin.send("DELETE", ROUTES + "/" + id, "application/json", "");
        }
    }
}
