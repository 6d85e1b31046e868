package dk.fsc.statistics;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@FscIntegrationTest
class BusinessCasesApiTest {

    private static final String AARHUS_STOMA = "/api/v1/business-cases/5e000000-0000-4000-8000-0000000000a1";
    private static final String DISPENSERS = "/api/v1/business-cases/5e000000-0000-4000-8000-0000000000a2";
    private static final String STOMA_INPUTS = """
            {"municipalityCitizens":"871","keyCitizens":"4000","yearlySpend":"13.800.000","oneTimeCost":"2700000",
             "regionPart":"50","municipalPart":"65","operatingCostPerCitizen":"1385","discount":"%s","contractYears":"4"}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aarhusStomaCaseShowsTheProductsFiguresBesideTheSources() {
        JsonNode stoma = Api.as(port, "analyst", "demo").get(AARHUS_STOMA).json();

        assertThat(stoma.path("sourceFigures").path("yearlyShare").decimalValue()).isEqualByComparingTo("1206632");
        assertThat(stoma.path("sourceFigures").path("breakEvenDiscount").decimalValue()).isEqualByComparingTo("9.05");
        assertThat(stoma.path("sourceFigures").path("gain").decimalValue()).isEqualByComparingTo("528960");
        assertThat(stoma.path("sourceNote").asString()).contains("1.385,34", "13.866.407,50");
        JsonNode stated = stoma.path("versions").get(0).path("calculation");
        assertThat(figure(stated, "oneTimeShare")).isEqualByComparingTo("191075.62");
        assertThat(figure(stated, "yearlyShare")).isEqualByComparingTo("1206335.00");
        assertThat(figure(stated, "contractCost")).isEqualByComparingTo("5016415.62");
        assertThat(figure(stated, "breakEvenDiscount")).isEqualByComparingTo("9.09");
        assertThat(figure(stated, "gain")).isEqualByComparingTo("503584.38");
        JsonNode implied = stoma.path("versions").get(1).path("calculation");
        assertThat(figure(implied, "breakEvenDiscount")).isEqualByComparingTo("9.04");
        assertThat(figure(implied, "gain")).isEqualByComparingTo("530147.38");
    }

    @Test
    void medicationDispensersGiveTheNetEffectAndAShareByANamedPopulationYear() {
        JsonNode dispensers = Api.as(port, "finance", "demo").get(DISPENSERS).json();

        JsonNode basic = dispensers.path("versions").get(0).path("calculation");
        assertThat(figure(basic, "netPerCitizen")).isEqualByComparingTo("7000.00");
        assertThat(figure(basic, "netPerYear")).isEqualByComparingTo("7000000.00");
        assertThat(figure(basic, "investmentPerYear")).isEqualByComparingTo("1471428.57");
        assertThat(figure(basic, "municipalityPopulation")).isEqualByComparingTo("90000");
        assertThat(figure(basic, "investmentShare")).isBetween(new BigDecimal("96861"), new BigDecimal("96862"));
        assertThat(basic.path("inputs").path("populationYear").asString()).isEqualTo("2025");
        assertThat(figure(dispensers.path("versions").get(1).path("calculation"), "netPerCitizen")).isEqualByComparingTo("-1000.00");
        assertThat(dispensers.path("sourceFigures").path("investmentShare").decimalValue()).isEqualByComparingTo("100000");
    }

    private static BigDecimal figure(JsonNode calculation, String key) {
        for (JsonNode figure : calculation.path("figures")) {
            if (figure.path("key").asString().equals(key)) {
                return figure.path("value").decimalValue();
            }
        }
        throw new AssertionError("No figure " + key + " in " + calculation);
    }

    @Test
    void aNewCaseAndItsNextVersionAreSavedAndBadInputsChangeNothing() {
        Api analyst = Api.as(port, "analyst", "demo");
        Api.Response created = analyst.postJson("/api/v1/business-cases",
                "{\"name\":\"Stomi: Randers\",\"kind\":\"STOMA\",\"label\":\"Første bud\",\"inputs\":"
                        + STOMA_INPUTS.formatted("12,5") + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = created.location();
        assertThat(figure(created.json().path("versions").get(0).path("calculation"), "gain")).isEqualByComparingTo("1883584.38");
        long before = versions();

        JsonNode overHundred = assertProblem(analyst.postJson(path + "/versions",
                "{\"label\":\"For meget\",\"inputs\":" + STOMA_INPUTS.formatted("101") + "}"), 400);
        assertThat(fields(overHundred)).containsExactly("inputs.discount");
        JsonNode negativeAndMissing = assertProblem(analyst.postJson(path + "/versions", """
                {"label":"","inputs":{"municipalityCitizens":"-3","yearlySpend":"abc"}}"""), 400);
        assertThat(fields(negativeAndMissing)).contains("label", "inputs.municipalityCitizens", "inputs.yearlySpend",
                "inputs.keyCitizens", "inputs.discount", "inputs.contractYears");
        assertThat(assertProblem(analyst.postJson("/api/v1/business-cases", "{\"name\":\"x\",\"kind\":\"BRIDGE\"}"), 400)
                .toString()).contains("kind");
        assertThat(versions()).isEqualTo(before);

        Api.Response next = analyst.postJson(path + "/versions",
                "{\"label\":\"Med 9 %\",\"inputs\":" + STOMA_INPUTS.formatted("9") + "}");
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().path("versions").size()).isEqualTo(2);
        assertThat(next.json().path("versions").get(1).path("number").asInt()).isEqualTo(2);
        assertThat(Api.as(port, "caseworker-aarhus", "demo").postJson(path + "/versions", "{}").status()).isEqualTo(403);
    }

    private long versions() {
        return jdbc.sql("select count(*) from statistics.business_case_version").query(Long.class).single();
    }

    @Test
    void theCasePageShowsTheVersionsSideBySideWithTheSourceAndTheFormulas() {
        WebSession analyst = WebSession.logIn(port, "analyst", "demo");
        String page = analyst.get("/business-cases/5e000000-0000-4000-8000-0000000000a1").body();

        assertThat(page).contains("1.206.335,00 kr.", "1.206.632,00 kr.", "forskel fra kilden: -297,00 kr.", "9,05 %",
                "9,09 %", "528.960,00 kr.", "borgere × drift og vedligehold pr. borger");
        String refused = analyst.post("/business-cases/5e000000-0000-4000-8000-0000000000a1/versions",
                "label=Forkert&municipalityCitizens=871&keyCitizens=4000&yearlySpend=1&oneTimeCost=1&regionPart=50"
                        + "&municipalPart=65&operatingCostPerCitizen=1385&discount=150&contractYears=4").body();
        assertThat(refused).contains("discount-error", "Må højst være 100 %.");
    }
}
