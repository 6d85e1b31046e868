package dk.fsc.invoicing;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** economics.md's cases E1, E4 and E5 through {@code POST /api/v1/allocations/preview}, to the øre. */
@FscIntegrationTest
class AllocationPreviewTest {

    static final String POPULATION_2025 = "{\"type\": \"population\", \"year\": 2025, \"region\": \"1082\"}";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Api finance;

    @BeforeEach
    void setUp() {
        finance = Api.as(port, "finance", "demo");
    }

    /** The demo file of citizens with a stoma grant as a key of fixed counts. */
    static String stomaCounts() throws IOException {
        try (InputStream in = AllocationPreviewTest.class.getResourceAsStream("/invoicing/stoma-citizens-demo.csv")) {
            String counts = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(","))
                    .map(cells -> "\"" + cells[0] + "\": " + cells[1])
                    .collect(Collectors.joining(", "));
            return "{\"type\": \"counts\", \"basis\": \"stoma-citizens-demo.csv\", \"counts\": {" + counts + "}}";
        }
    }

    static Map<String, Long> parts(JsonNode allocation) {
        Map<String, Long> parts = new LinkedHashMap<>();
        allocation.path("shares").forEach(share -> parts.merge(share.path("payer").path("kind").asString().charAt(0)
                + share.path("payer").path("code").asString(), share.path("amountOre").asLong(), Long::sum));
        return parts;
    }

    private JsonNode preview(long amountOre, String key) {
        Api.Response response = finance.postJson("/api/v1/allocations/preview",
                "{\"amountOre\": " + amountOre + ", \"key\": " + key + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void e1StomaOneTimeCostsTwoRegionsThenTeleKolThenStomaCitizens() throws IOException {
        String key = """
                {"type": "percentages", "parts": [
                  {"percent": 50, "payer": {"kind": "REGION", "code": "1083"}},
                  {"percent": 50, "key": {"type": "percentages", "parts": [
                    {"percent": 35, "payer": {"kind": "REGION", "code": "1082"}},
                    {"percent": 65, "key": %s}]}}]}""".formatted(stomaCounts());

        JsonNode allocation = preview(270_000_000, key);

        assertThat(parts(allocation)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("R1083", 135_000_000L), Map.entry("R1082", 47_250_000L),
                Map.entry("M751", 19107562L), Map.entry("M741", 263250L), Map.entry("M730", 6822562L),
                Map.entry("M710", 3466125L), Map.entry("M707", 2566688L), Map.entry("M706", 2983500L),
                Map.entry("M615", 6734813L), Map.entry("M766", 3268687L), Map.entry("M727", 1601438L),
                Map.entry("M746", 4431375L), Map.entry("M791", 6734812L), Map.entry("M740", 6932250L),
                Map.entry("M779", 3159000L), Map.entry("M657", 6164438L), Map.entry("M661", 4058438L),
                Map.entry("M756", 2873812L), Map.entry("M665", 1338188L), Map.entry("M760", 3839062L),
                Map.entry("M671", 1404000L)));
        JsonNode aarhus = allocation.path("shares").valueStream()
                .filter(share -> share.path("payer").path("code").asString().equals("751")).findFirst().orElseThrow();
        assertThat(aarhus.path("name").asString()).isEqualTo("Aarhus");
        assertThat(aarhus.path("steps").get(2).path("weight").asLong()).isEqualTo(871);
        assertThat(aarhus.path("steps").get(2).path("total").asLong()).isEqualTo(4000);
        assertThat(allocation.path("bases").get(0).path("source").asString()).isEqualTo("stoma-citizens-demo.csv");
        assertThat(allocation.path("bases").get(0).path("figures").path("751").asLong()).isEqualTo(871);
    }

    @Test
    void e4BaseContributionHalfRegionHalfMunicipalitiesByPopulation() {
        JsonNode allocation = preview(270_000_000, """
                {"type": "equal", "parts": [
                  {"payer": {"kind": "REGION", "code": "1082"}},
                  {"key": %s}]}""".formatted(POPULATION_2025));

        assertThat(parts(allocation)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("R1082", 135_000_000L),
                Map.entry("M751", 36238297L), Map.entry("M741", 365345L), Map.entry("M730", 9824825L),
                Map.entry("M710", 4986469L), Map.entry("M707", 3702823L), Map.entry("M706", 4295275L),
                Map.entry("M615", 9676712L), Map.entry("M766", 4690243L), Map.entry("M727", 2320436L),
                Map.entry("M746", 6368856L), Map.entry("M791", 9676712L), Map.entry("M740", 9972937L),
                Map.entry("M779", 4542130L), Map.entry("M657", 8886776L), Map.entry("M661", 5825775L),
                Map.entry("M756", 4147162L), Map.entry("M665", 1925468L), Map.entry("M760", 5529549L),
                Map.entry("M671", 2024210L)));
        JsonNode basis = allocation.path("bases").get(0);
        assertThat(basis.path("year").asInt()).isEqualTo(2025);
        assertThat(basis.path("figures").path("751").asLong()).isEqualTo(367_000);
    }

    @Test
    void e5DataInterfaceByPopulation() {
        JsonNode allocation = preview(20_000_000, POPULATION_2025);

        assertThat(parts(allocation)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("M751", 5368637L), Map.entry("M741", 54125L), Map.entry("M730", 1455530L),
                Map.entry("M710", 738736L), Map.entry("M707", 548566L), Map.entry("M706", 636337L),
                Map.entry("M615", 1433587L), Map.entry("M766", 694851L), Map.entry("M727", 343768L),
                Map.entry("M746", 943534L), Map.entry("M791", 1433587L), Map.entry("M740", 1477472L),
                Map.entry("M779", 672908L), Map.entry("M657", 1316559L), Map.entry("M661", 863078L),
                Map.entry("M756", 614394L), Map.entry("M665", 285255L), Map.entry("M760", 819193L),
                Map.entry("M671", 299883L)));
    }

    @Test
    void refusesPercentagesNotSummingToAHundredAPopulationYearWithoutFiguresAndAFutureCountDate() {
        Api.Response percentages = finance.postJson("/api/v1/allocations/preview", """
                {"amountOre": 100, "key": {"type": "percentages", "parts": [
                  {"percent": 35, "payer": {"kind": "REGION", "code": "1082"}},
                  {"percent": 60, "payer": {"kind": "REGION", "code": "1083"}}]}}""");
        assertThat(fields(assertProblem(percentages, 400))).containsExactly("key.parts");

        Api.Response year = finance.postJson("/api/v1/allocations/preview",
                "{\"amountOre\": 100, \"key\": {\"type\": \"population\", \"year\": 1901, \"region\": \"1082\"}}");
        assertThat(fields(assertProblem(year, 400))).containsExactly("key.year");

        Api.Response date = finance.postJson("/api/v1/allocations/preview", """
                {"amountOre": 100, "key": {"type": "grantCount", "area": "STOMA", "date": "%s", "region": "1082"}}"""
                .formatted(clock.today().plusDays(1)));
        assertThat(fields(assertProblem(date, 400))).containsExactly("key.date");

        Api.Response amount = finance.postJson("/api/v1/allocations/preview", "{\"key\": " + POPULATION_2025 + "}");
        assertThat(fields(assertProblem(amount, 400))).containsExactly("amountOre");

        Api.Response nested = finance.postJson("/api/v1/allocations/preview", """
                {"amountOre": 100, "key": {"type": "equal", "parts": [{"payer": {"kind": "REGION", "code": "9999"}},
                  {"key": {"type": "nonsense"}}]}}""");
        assertThat(fields(assertProblem(nested, 400))).containsExactly("key.parts[1].key.type");
    }

    @Test
    void countsCitizensWithAGrantInTheAreaOnADate() {
        JsonNode allocation = preview(1_000_000, """
                {"type": "grantCount", "area": "STOMA", "date": "%s", "region": "1082"}""".formatted(clock.today()));

        assertThat(parts(allocation).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000_000);
        assertThat(allocation.path("bases").get(0).path("date").asString()).isEqualTo(clock.today().toString());
    }

    @Test
    void onlyFinanceRolesPreview() {
        Api.Response agent = Api.as(port, "agent", "demo").postJson("/api/v1/allocations/preview",
                "{\"amountOre\": 100, \"key\": " + POPULATION_2025 + "}");
        assertThat(agent.status()).isEqualTo(403);
    }
}
