package dk.fsc.assortment;

import static dk.fsc.assortment.AssortmentFixtures.FLAT_BASEPLATE;
import static dk.fsc.assortment.AssortmentFixtures.newBaseplate;
import static dk.fsc.assortment.AssortmentFixtures.newSupplier;
import static dk.fsc.assortment.AssortmentFixtures.state;
import static dk.fsc.assortment.AssortmentFixtures.unique;
import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@FscIntegrationTest
class PricesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Assortment assortment;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "demo");
    }

    Api.Response addPrice(String productId, String validFrom, String priceOre) {
        return admin.postJson("/api/v1/products/" + productId + "/prices",
                "{\"validFrom\":\"" + validFrom + "\",\"priceOre\":" + priceOre + "}");
    }

    Api.Response loadPriceList(String supplierId, String csv) {
        return admin.send("POST", "/api/v1/suppliers/" + supplierId + "/price-lists", "text/csv", csv);
    }

    @Test
    void listsAProductsPricesNewestFirst() {
        JsonNode prices = Api.as(port, "citizen-aarhus", "demo").get("/api/v1/products/" + FLAT_BASEPLATE + "/prices")
                .json();

        assertThat(prices.findValuesAsString("validFrom")).startsWith("2027-01-01", "2026-01-01", "2025-01-01",
                "2024-01-01");
        assertThat(prices.get(1).path("priceOre").asLong()).isEqualTo(78600);
        assertProblem(admin.get("/api/v1/products/b0000000-0000-4000-8000-000000009999/prices"), 404);
    }

    @Test
    void aNewPriceAppliesFromItsDateOnAndLeavesEarlierDatesAsTheyWere() {
        String product = newBaseplate(admin, newSupplier(admin), unique("S"));
        assertThat(addPrice(product, "2031-01-01", "10000").status()).isEqualTo(201);
        LocalDate before = LocalDate.of(2031, 6, 30);
        assertThat(assortment.priceOn(ProductId.of(product), before)).isEqualTo(OptionalLong.of(10000));

        Api.Response added = addPrice(product, "2031-07-01", "12000");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("recordedBy").asString()).isEqualTo("admin");
        assertThat(assortment.priceOn(ProductId.of(product), before)).isEqualTo(OptionalLong.of(10000));
        assertThat(assortment.priceOn(ProductId.of(product), LocalDate.of(2031, 7, 1))).isEqualTo(OptionalLong.of(12000));
        assertThat(assortment.priceOn(ProductId.of(product), LocalDate.of(2030, 12, 31))).isEmpty();
    }

    @Test
    void rejectsNegativeAndFractionalPricesAndSavesNothing() {
        List<String> before = state(jdbc);

        JsonNode negative = assertProblem(addPrice(FLAT_BASEPLATE, "2031-01-01", "-100"), 400);
        JsonNode fraction = assertProblem(addPrice(FLAT_BASEPLATE, "2031-01-01", "129.5"), 400);
        JsonNode text = assertProblem(addPrice(FLAT_BASEPLATE, "2031-01-01", "\"mange\""), 400);
        JsonNode missing = assertProblem(admin.postJson("/api/v1/products/" + FLAT_BASEPLATE + "/prices", "{}"), 400);

        assertThat(fields(negative)).containsExactly("priceOre");
        assertThat(fields(fraction)).containsExactly("priceOre");
        assertThat(fields(text)).containsExactly("priceOre");
        assertThat(fields(missing)).containsExactlyInAnyOrder("validFrom", "priceOre");
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void aPriceChangeNeverAltersThePast() {
        List<String> before = state(jdbc);

        JsonNode past = assertProblem(addPrice(FLAT_BASEPLATE, "2025-06-01", "100"), 400);
        JsonNode today = assertProblem(addPrice(FLAT_BASEPLATE, clock.today().toString(), "100"), 400);

        assertThat(fields(past)).containsExactly("validFrom");
        assertThat(past.path("errors").get(0).path("message").asString()).contains("never alters the past");
        assertThat(fields(today)).containsExactly("validFrom");
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void rejectsASecondPriceForTheSameProductAndDateWith409() {
        List<String> before = state(jdbc);

        JsonNode problem = assertProblem(addPrice(FLAT_BASEPLATE, "2027-01-01", "99999"), 409);

        assertThat(fields(problem)).containsExactly("validFrom");
        assertThat(problem.path("detail").asString()).contains("80200");
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void loadsAPriceListAndLoadingItAgainChangesNothing() {
        String supplier = newSupplier(admin);
        String plate = newBaseplate(admin, supplier, "P-1");
        String other = newBaseplate(admin, supplier, "P-2");
        String csv = "item_number,price_ore,valid_from\nP-1,12950,2032-01-01\n\nP-2,0,2032-02-01\n";

        Api.Response loaded = loadPriceList(supplier, csv);

        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().path("added").asInt()).isEqualTo(2);
        assertThat(assortment.priceOn(ProductId.of(plate), LocalDate.of(2032, 1, 1))).isEqualTo(OptionalLong.of(12950));
        assertThat(assortment.priceOn(ProductId.of(other), LocalDate.of(2032, 2, 1))).isEqualTo(OptionalLong.of(0));
        JsonNode source = admin.get("/api/v1/products/" + plate + "/prices").json().get(0);
        assertThat(source.path("source").asString()).startsWith("price list");

        List<String> before = state(jdbc);
        Api.Response again = loadPriceList(supplier, csv);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("added").asInt()).isZero();
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(2);
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void readsSemicolonsColumnsInAnyOrderExtraColumnsAndAByteOrderMark() {
        String supplier = newSupplier(admin);
        String plate = newBaseplate(admin, supplier, "P-1");
        byte[] csv = "\uFEFFvalid_from;Beskrivelse;ITEM_NUMBER;price_ore\r\n2033-01-01;Basisplade, flad;P-1;8800\r\n"
                .getBytes(StandardCharsets.UTF_8);

        Api.Response loaded = admin.send("POST", "/api/v1/suppliers/" + supplier + "/price-lists",
                "text/csv; charset=UTF-8", csv);

        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(assortment.priceOn(ProductId.of(plate), LocalDate.of(2033, 1, 1))).isEqualTo(OptionalLong.of(8800));
    }

    @Test
    void aPriceListWithBadLinesSavesNothingAndNamesEveryBadLineWithItsReason() {
        String supplier = newSupplier(admin);
        String plate = newBaseplate(admin, supplier, "P-1");
        newBaseplate(admin, supplier, "P-2");
        newBaseplate(admin, supplier, "P-3");
        newBaseplate(admin, supplier, "P-4");
        newBaseplate(admin, supplier, "P-5");
        assertThat(loadPriceList(supplier, "item_number,price_ore,valid_from\nP-5,500,2034-01-01\n").status())
                .isEqualTo(200);
        List<String> before = state(jdbc);
        String csv = """
                item_number,price_ore,valid_from
                P-1,1000,2034-01-01
                P-2,-5,2034-01-01
                P-3,12.50,2034-01-01
                P-4,400,2020-01-01
                NOPE,400,2034-01-01
                P-1,1100,2034-01-01
                P-2,400
                P-3,400,01-01-2034
                P-5,501,2034-01-01
                """;

        JsonNode problem = assertProblem(loadPriceList(supplier, csv), 400);

        assertThat(problem.path("detail").asString()).contains("8 invalid lines", "nothing was saved");
        assertThat(fields(problem)).containsExactly("line 3", "line 4", "line 5", "line 6", "line 7", "line 8",
                "line 9", "line 9", "line 10");
        String errors = problem.path("errors").toString();
        assertThat(errors).contains("negative", "not a whole number of øre", "never alters the past",
                "unknown item number 'NOPE'", "appears again (first on line 2)", "expected 3 columns, found 2", "(first on line 4)",
                "not a date", "a price of 500 øre from 2034-01-01 exists already");
        assertThat(state(jdbc)).isEqualTo(before);
        assertThat(assortment.priceOn(ProductId.of(plate), LocalDate.of(2034, 1, 1))).isEmpty();
    }

    @Test
    void aPriceListNotInUtf8IsRejectedAsAnEncodingError() {
        String supplier = newSupplier(admin);
        newBaseplate(admin, supplier, "PLADE-Æ");
        List<String> before = state(jdbc);
        byte[] latin1 = "item_number,price_ore,valid_from\nPLADE-Æ,100,2035-01-01\n".getBytes(StandardCharsets.ISO_8859_1);

        JsonNode problem = assertProblem(admin.send("POST", "/api/v1/suppliers/" + supplier + "/price-lists",
                "text/csv", latin1), 400);

        assertThat(fields(problem)).containsExactly("line 2");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("not UTF-8", "0xC6");
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void aPriceListMissingAColumnOrAnyPriceIsRejected() {
        String supplier = newSupplier(admin);
        List<String> before = state(jdbc);

        JsonNode missing = assertProblem(loadPriceList(supplier, "item_number,price\nP-1,100\n"), 400);
        JsonNode empty = assertProblem(loadPriceList(supplier, ""), 400);
        JsonNode headerOnly = assertProblem(loadPriceList(supplier, "item_number,price_ore,valid_from\n"), 400);

        assertThat(fields(missing)).containsExactly("line 1");
        assertThat(missing.path("errors").get(0).path("message").asString()).contains("price_ore", "valid_from");
        assertThat(fields(empty)).containsExactly("body");
        assertThat(fields(headerOnly)).containsExactly("body");
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void anOversizedPriceListIsRefusedWith413AndAnUnknownSupplierWith404() {
        byte[] huge = new byte[8 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'x');

        assertProblem(admin.send("POST", "/api/v1/suppliers/" + AssortmentFixtures.NORDSTOMA + "/price-lists",
                "text/csv", huge), 413);
        assertProblem(loadPriceList("b1000000-0000-4000-8000-000000009999", "item_number,price_ore,valid_from\n"),
                404);
        assertProblem(admin.send("POST", "/api/v1/suppliers/" + AssortmentFixtures.NORDSTOMA + "/price-lists",
                "application/json", "{}"), 415);
    }
}
