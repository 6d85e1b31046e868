package dk.fsc.assortment;

import static dk.fsc.assortment.AssortmentFixtures.NORDSTOMA;
import static dk.fsc.assortment.AssortmentFixtures.newCvr;
import static dk.fsc.assortment.AssortmentFixtures.newSupplier;
import static dk.fsc.assortment.AssortmentFixtures.state;
import static dk.fsc.assortment.AssortmentFixtures.supplierJson;
import static dk.fsc.assortment.AssortmentFixtures.unique;
import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
class SuppliersApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "demo");
    }

    static String contractJson(String supplierId, String tender, String validTo, String discount) {
        return """
                {"tenderReference":"%s","supplierId":"%s","areaCodes":["STOMA","UROLOGY"],"validFrom":"2026-01-01",
                 "validTo":"%s","discountPercent":%s,"notes":"Test"}""".formatted(tender, supplierId, validTo, discount);
    }

    @Test
    void listsTheDemoSuppliersWithTheirCvrNumbers() {
        JsonNode suppliers = Api.as(port, "analyst", "demo").get("/api/v1/suppliers").json();

        assertThat(suppliers.findValuesAsString("name")).contains("Nordstoma A/S", "Jysk Kontinens ApS",
                "DoseTech Nordic A/S", "TeleCare Danmark ApS");
        JsonNode nordstoma = admin.get("/api/v1/suppliers/" + NORDSTOMA).json();
        assertThat(nordstoma.path("cvr").asString()).isEqualTo("31254701");
        assertThat(nordstoma.path("gln").asString()).isEqualTo("5790000123452");
    }

    @Test
    void registersASupplierAndChangesItsContact() {
        String cvr = newCvr();
        Api.Response created = admin.postJson("/api/v1/suppliers", supplierJson(unique("Medico"), "DK" + cvr));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("cvr").asString()).isEqualTo(cvr);
        assertThat(created.json().path("contactPhone").asString()).isEqualTo("12345678");
        String id = created.json().path("id").asString();

        Api.Response changed = admin.send("PUT", "/api/v1/suppliers/" + id, "application/json",
                "{\"name\":\"Medico Nord\",\"cvr\":\"" + cvr + "\",\"contactEmail\":\"ny@example.dk\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/suppliers/" + id).json().path("contactEmail").asString())
                .isEqualTo("ny@example.dk");
        assertThat(admin.get("/api/v1/suppliers/" + id).json().path("gln").isNull()).isTrue();
    }

    @Test
    void rejectsACvrOrGlnWithAWrongCheckDigitAndSavesNothing() {
        List<String> before = state(jdbc);

        JsonNode problem = assertProblem(admin.postJson("/api/v1/suppliers", """
                {"name":"Forkert ApS","cvr":"31254702","gln":"5790000123453","contactEmail":"ikke en adresse",
                 "contactPhone":"12"}"""), 400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("cvr", "gln", "contactEmail", "contactPhone");
        assertThat(problem.path("errors").toString()).contains("modulus-11");
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void rejectsASecondSupplierWithTheSameCvrWith409() {
        List<String> before = state(jdbc);

        JsonNode problem = assertProblem(admin.postJson("/api/v1/suppliers", supplierJson(unique("Kopi"), "31254701")),
                409);

        assertThat(fields(problem)).containsExactly("cvr");
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void recordsAContractAndListsTheContractsExpiringWithinAChosenNumberOfDays() {
        String supplier = newSupplier(admin);
        String soon = clock.today().plusDays(20).toString();
        Api.Response created = admin.postJson("/api/v1/contracts", contractJson(supplier, "FSC-T-1", soon, "12.5"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("discountPercent").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(created.json().path("areaCodes").toString()).contains("STOMA", "UROLOGY");
        String id = created.json().path("id").asString();

        List<String> within30 = admin.get("/api/v1/contracts?expiringWithinDays=30").json().findValuesAsString("id");
        List<String> within10 = admin.get("/api/v1/contracts?expiringWithinDays=10").json().findValuesAsString("id");
        assertThat(within30).contains(id);
        assertThat(within10).doesNotContain(id);
        assertThat(admin.get("/api/v1/contracts?expiringWithinDays=90").json().findValuesAsString("tenderReference"))
                .contains("FSC-2024-03 Kontinens og diabetes", "FSC-2024-05 Medicindispensere")
                .doesNotContain("RM-2021-07 Stomi");

        Api.Response extended = admin.send("PUT", "/api/v1/contracts/" + id, "application/json",
                contractJson(supplier, "FSC-T-1", "2030-12-31", "12.5"));
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(admin.get("/api/v1/contracts?expiringWithinDays=30").json().findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(admin.get("/api/v1/contracts?supplierId=" + supplier).json().findValuesAsString("id"))
                .containsExactly(id);
    }

    @Test
    void rejectsABadContractAndSavesNothing() {
        List<String> before = state(jdbc);

        JsonNode problem = assertProblem(admin.postJson("/api/v1/contracts", """
                {"tenderReference":"","supplierId":"b1000000-0000-4000-8000-000000009999","areaCodes":["ASTROLOGY"],
                 "validFrom":"2026-01-01","validTo":"2025-01-01","discountPercent":100.001}"""), 400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("tenderReference", "supplierId", "areaCodes", "validTo",
                "discountPercent");
        assertThat(fields(assertProblem(admin.get("/api/v1/contracts?expiringWithinDays=-1"), 400)))
                .containsExactly("expiringWithinDays");
        assertThat(fields(assertProblem(admin.postJson("/api/v1/contracts",
                contractJson(NORDSTOMA, "FSC-2025-01 Stomi og urologi", "2029-12-31", "1")), 409)))
                .containsExactly("tenderReference");
        assertThat(state(jdbc)).isEqualTo(before);
    }
}
