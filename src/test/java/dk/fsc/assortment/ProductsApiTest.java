package dk.fsc.assortment;

import static dk.fsc.assortment.AssortmentFixtures.FLAT_BASEPLATE;
import static dk.fsc.assortment.AssortmentFixtures.NORDSTOMA;
import static dk.fsc.assortment.AssortmentFixtures.baseplateJson;
import static dk.fsc.assortment.AssortmentFixtures.newBaseplate;
import static dk.fsc.assortment.AssortmentFixtures.newSupplier;
import static dk.fsc.assortment.AssortmentFixtures.state;
import static dk.fsc.assortment.AssortmentFixtures.unique;
import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@FscIntegrationTest
class ProductsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "demo");
    }

    static List<String> itemNumbers(Api.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> items = new ArrayList<>();
        page.json().path("items").forEach(item -> items.add(item.path("itemNumber").asString()));
        return items;
    }

    @Test
    void searchesByAreaAndByNameItemNumberGtinOrIsoCode() {
        Api analyst = Api.as(port, "analyst", "demo");

        Api.Response stoma = analyst.get("/api/v1/products?area=STOMA&size=100");
        assertThat(itemNumbers(stoma)).contains("STO-1001", "STO-1201", "STO-1211").doesNotContain("DIS-5001");
        assertThat(stoma.json().path("totalElements").asLong()).isGreaterThanOrEqualTo(17);
        assertThat(itemNumbers(analyst.get("/api/v1/products?q=konveks"))).contains("STO-1211", "STO-1212");
        assertThat(itemNumbers(analyst.get("/api/v1/products?q=sto-120"))).contains("STO-1201", "STO-1202");
        assertThat(itemNumbers(analyst.get("/api/v1/products?q=NS-BP-C-50"))).containsExactly("STO-1211");
        String gtin = analyst.get("/api/v1/products/" + FLAT_BASEPLATE).json().path("gtin").asString();
        assertThat(itemNumbers(analyst.get("/api/v1/products?q=" + gtin))).containsExactly("STO-1201");
        assertThat(itemNumbers(analyst.get("/api/v1/products?q=09%2018%2021&size=500"))).contains("STO-1201")
                .doesNotContain("STO-1001", "URO-2001", "DIS-5001");
        assertThat(itemNumbers(analyst.get("/api/v1/products?area=DISPENSER"))).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void filtersByWhetherAProductIsInTheAssortmentToday() {
        List<String> active = itemNumbers(admin.get("/api/v1/products?area=STOMA&active=true&size=100"));
        List<String> inactive = itemNumbers(admin.get("/api/v1/products?area=STOMA&active=false&size=100"));

        assertThat(active).contains("STO-1192", "STO-1201").doesNotContain("STO-1190", "STO-1191", "STO-1091");
        assertThat(inactive).contains("STO-1190", "STO-1191", "STO-1091").doesNotContain("STO-1192");
    }

    @Test
    void pagesTheSearchAndRejectsBadParameters() {
        JsonNode page = admin.get("/api/v1/products?size=5&page=1").json();
        assertThat(page.path("items")).hasSize(5);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("totalPages").asInt()).isGreaterThan(1);

        assertThat(fields(assertProblem(admin.get("/api/v1/products?area=SPACE"), 400))).containsExactly("area");
        assertThat(fields(assertProblem(admin.get("/api/v1/products?active=maybe"), 400))).containsExactly("active");
        assertThat(fields(assertProblem(admin.get("/api/v1/products?size=501"), 400))).containsExactly("size");
    }

    @Test
    void readsAProductWithItsHoleRangeSupplierAndReplacement() {
        JsonNode plate = admin.get("/api/v1/products/" + FLAT_BASEPLATE).json();
        assertThat(plate.path("itemNumber").asString()).isEqualTo("STO-1201");
        assertThat(plate.path("supplierName").asString()).isEqualTo("Nordstoma A/S");
        assertThat(plate.path("isoCode").asString()).isEqualTo("09 18 21");
        assertThat(plate.path("holeCutting").path("minMm").asInt()).isEqualTo(10);
        assertThat(plate.path("holeCutting").path("maxMm").asInt()).isEqualTo(45);

        JsonNode replaced = admin.get("/api/v1/products/b0000000-0000-4000-8000-000000000014").json();
        assertThat(replaced.path("activeTo").asString()).isEqualTo("2025-12-31");
        assertThat(replaced.path("replacedBy").asString()).isEqualTo("b0000000-0000-4000-8000-000000000015");

        JsonNode dispenser = admin.get("/api/v1/products/b0000000-0000-4000-8000-000000000042").json();
        assertThat(dispenser.path("device").path("functions").toString()).contains("ALARM", "REMOTE_MONITORING");
        assertProblem(admin.get("/api/v1/products/b0000000-0000-4000-8000-000000009999"), 404);
        assertThat(fields(assertProblem(admin.get("/api/v1/products/not-a-uuid"), 400))).containsExactly("id");
    }

    @Test
    void anAdministratorAddsAProductAndLaterEndsItNamingItsReplacement() {
        String supplier = newSupplier(admin);
        String old = newBaseplate(admin, supplier, unique("OLD"));
        String successor = newBaseplate(admin, supplier, unique("NEW"));
        JsonNode created = admin.get("/api/v1/products/" + old).json();
        assertThat(created.path("isoCode").asString()).isEqualTo("09 18 21");
        assertThat(created.path("replacedBy").isNull()).isTrue();

        String ended = baseplateJson(supplier, created.path("itemNumber").asString(),
                created.path("supplierItemNumber").asString())
                .replace("\"activeFrom\":\"2026-01-01\"", "\"activeFrom\":\"2026-01-01\",\"activeTo\":\"2026-06-30\","
                        + "\"replacedBy\":\"" + successor + "\"");
        Api.Response updated = admin.send("PUT", "/api/v1/products/" + old, "application/json", ended);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("replacedBy").asString()).isEqualTo(successor);
        assertThat(admin.get("/api/v1/products?q=" + created.path("itemNumber").asString() + "&active=false").json()
                .path("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void rejectsAProductInAnUnknownAreaAndSavesNothing() {
        List<String> before = state(jdbc);
        String json = baseplateJson(NORDSTOMA, unique("T"), unique("S")).replace("\"STOMA\"", "\"ASTROLOGY\"");

        JsonNode problem = assertProblem(admin.postJson("/api/v1/products", json), 400);

        assertThat(fields(problem)).contains("areaCode");
        assertThat(problem.path("errors").toString()).contains("not a known product area");
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void rejectsAHoleRangeWithItsMinimumAboveItsMaximum() {
        List<String> before = state(jdbc);
        String json = baseplateJson(NORDSTOMA, unique("T"), unique("S"))
                .replace("{\"minMm\":10,\"maxMm\":45}", "{\"minMm\":50,\"maxMm\":40}");

        JsonNode problem = assertProblem(admin.postJson("/api/v1/products", json), 400);

        assertThat(fields(problem)).containsExactly("holeCutting.minMm");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("above the maximum");
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void rejectsAHoleRangeOnAProductThatCannotBeCut() {
        String json = baseplateJson(NORDSTOMA, unique("T"), unique("S")).replace("STOMA_BASEPLATE",
                "STOMA_BAG_ONE_PIECE");

        assertThat(fields(assertProblem(admin.postJson("/api/v1/products", json), 400))).containsExactly("holeCutting");
    }

    @Test
    void rejectsAGtinWithAWrongCheckDigit() {
        List<String> before = state(jdbc);
        String json = baseplateJson(NORDSTOMA, unique("T"), unique("S")).replace("\"name\"",
                "\"gtin\":\"5701234567898\",\"name\"");

        JsonNode problem = assertProblem(admin.postJson("/api/v1/products", json), 400);

        assertThat(fields(problem)).containsExactly("gtin");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("check digit");
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void namesEveryFaultOfAProductAtOnce() {
        JsonNode problem = assertProblem(admin.postJson("/api/v1/products", """
                {"itemNumber":"has space","supplierId":"b1000000-0000-4000-8000-000000000999","areaCode":"STOMA",
                 "groupCode":"DISPENSER_MODEL","isoCode":"9","packSize":0,"activeFrom":"2026-01-01",
                 "activeTo":"2025-01-01"}"""), 400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("itemNumber", "supplierId", "supplierItemNumber",
                "name", "groupCode", "isoCode", "unit", "packSize", "activeTo");
    }

    @Test
    void rejectsAFractionWhereAWholeNumberBelongs() {
        String json = baseplateJson(NORDSTOMA, unique("T"), unique("S")).replace("\"packSize\":10",
                "\"packSize\":10.5");

        JsonNode problem = assertProblem(admin.postJson("/api/v1/products", json), 400);

        assertThat(problem.path("type").asString()).isEqualTo("/problems/malformed-body");
        assertThat(fields(problem)).containsExactly("packSize");
    }

    @Test
    void rejectsATakenItemNumberOrGtinWith409() {
        List<String> before = state(jdbc);
        String json = baseplateJson(NORDSTOMA, "STO-1201", unique("S"));

        JsonNode problem = assertProblem(admin.postJson("/api/v1/products", json), 409);

        assertThat(fields(problem)).containsExactly("itemNumber");
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void rejectsAReplacementThatWouldCloseACircle() {
        String supplier = newSupplier(admin);
        String first = newBaseplate(admin, supplier, unique("A"));
        String second = newBaseplate(admin, supplier, unique("B"));
        JsonNode a = admin.get("/api/v1/products/" + first).json();
        JsonNode b = admin.get("/api/v1/products/" + second).json();
        Api.Response firstEnds = admin.send("PUT", "/api/v1/products/" + first, "application/json",
                replacing(supplier, a, second));
        assertThat(firstEnds.status()).as(firstEnds.body()).isEqualTo(200);
        List<String> before = state(jdbc);

        JsonNode problem = assertProblem(admin.send("PUT", "/api/v1/products/" + second, "application/json",
                replacing(supplier, b, first)), 400);

        assertThat(fields(problem)).containsExactly("replacedBy");
        assertThat(state(jdbc)).isEqualTo(before);
        assertThat(fields(assertProblem(admin.send("PUT", "/api/v1/products/" + second, "application/json",
                replacing(supplier, b, second)), 400))).containsExactly("replacedBy");
    }

    private static String replacing(String supplier, JsonNode product, String replacement) {
        return baseplateJson(supplier, product.path("itemNumber").asString(),
                product.path("supplierItemNumber").asString())
                .replace("\"activeFrom\":\"2026-01-01\"", "\"activeFrom\":\"2026-01-01\",\"activeTo\":\"2026-03-31\","
                        + "\"replacedBy\":\"" + replacement + "\"");
    }

    @Test
    void aDeviceModelNeedsItsFunctionsAndOnlyKnownOnes() {
        String base = """
                {"itemNumber":"%s","supplierId":"b1000000-0000-4000-8000-000000000003","supplierItemNumber":"%s",
                 "name":"Testdispenser","areaCode":"DISPENSER","groupCode":"DISPENSER_MODEL","unit":"stk","packSize":1,
                 "activeFrom":"2026-01-01"%s}""";

        assertThat(fields(assertProblem(admin.postJson("/api/v1/products",
                base.formatted(unique("D"), unique("S"), "")), 400))).containsExactly("device");
        assertThat(fields(assertProblem(admin.postJson("/api/v1/products", base.formatted(unique("D"), unique("S"),
                ",\"device\":{\"functions\":[\"ALARM\",\"TELEPORT\"]}")), 400))).containsExactly("device.functions");

        Api.Response created = admin.postJson("/api/v1/products", base.formatted(unique("D"), unique("S"),
                ",\"device\":{\"functions\":[\"REMINDER_SOUND\",\"ALARM\"],\"doseSlots\":14}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("device").path("doseSlots").asInt()).isEqualTo(14);
        assertThat(created.location()).endsWith("/api/v1/products/" + created.json().path("id").asString());
    }

    @Test
    void listsTheAreasWithTheirGroupsAndTheDeviceFunctions() {
        JsonNode areas = admin.get("/api/v1/product-areas").json();
        List<String> codes = areas.findValuesAsString("code");

        assertThat(codes).contains("STOMA", "UROLOGY", "CONTINENCE", "DIABETES", "DISPENSER", "TELEHEALTH",
                "STOMA_BAG_ONE_PIECE", "STOMA_BAG_TWO_PIECE", "STOMA_BASEPLATE", "STOMA_ACCESSORY");
        assertThat(admin.get("/api/v1/device-functions").json().findValuesAsString("code"))
                .contains("REMINDER_SOUND", "LOCKED_COMPARTMENTS", "REMOTE_MONITORING", "ALARM");
    }

    @Test
    void anAdministratorAddsAnAreaAndAGroupWithUniqueCodes() {
        String code = "AREA_" + System.nanoTime() % 1_000_000;
        Api.Response area = admin.postJson("/api/v1/product-areas",
                "{\"code\":\"" + code + "\",\"nameDa\":\"Hjælpemidler\",\"nameEn\":\"Aids\",\"kind\":\"PRODUCT\"}");
        assertThat(area.status()).as(area.body()).isEqualTo(201);
        Api.Response group = admin.postJson("/api/v1/product-areas/" + code + "/groups",
                "{\"code\":\"" + code + "_WALKERS\",\"nameDa\":\"Rollatorer\",\"nameEn\":\"Walkers\"}");
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        List<String> before = state(jdbc);

        assertThat(fields(assertProblem(admin.postJson("/api/v1/product-areas",
                "{\"code\":\"STOMA\",\"nameDa\":\"x\",\"nameEn\":\"x\"}"), 409))).containsExactly("code");
        assertThat(fields(assertProblem(admin.postJson("/api/v1/product-areas",
                "{\"code\":\"lower\",\"nameDa\":\"\",\"nameEn\":\"x\",\"kind\":\"OTHER\"}"), 400)))
                .containsExactlyInAnyOrder("code", "nameDa", "kind");
        assertProblem(admin.postJson("/api/v1/product-areas/NO_SUCH_AREA/groups",
                "{\"code\":\"NO_SUCH_GROUP\",\"nameDa\":\"x\",\"nameEn\":\"x\"}"), 404);
        assertThat(state(jdbc)).isEqualTo(before);
    }
}
