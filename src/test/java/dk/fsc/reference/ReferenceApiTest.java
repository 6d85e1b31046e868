package dk.fsc.reference;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
class ReferenceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferenceData referenceData;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "demo");
    }

    /** Everything the reference schema holds, to prove that a rejected request changed nothing. */
    private List<String> referenceState() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("select year || ':' || source || ':' || imported_at from reference.population_year order by 1")
                .query(String.class).list());
        rows.addAll(jdbc.sql("select year || ':' || municipality_code || ':' || population from reference.population order by 1")
                .query(String.class).list());
        rows.addAll(jdbc.sql("select code || ':' || name || ':' || coalesce(cluster_name, '') from reference.municipality order by 1")
                .query(String.class).list());
        rows.addAll(jdbc.sql("select name from reference.cluster order by 1").query(String.class).list());
        return rows;
    }

    @Test
    void listsTheNineteenMunicipalitiesOfRegionMidtjyllandWithClusterAndPopulation() {
        Api.Response response = admin.get("/api/v1/municipalities");

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> midtjylland = new ArrayList<>();
        response.json().forEach(m -> {
            if (m.path("regionCode").asString().equals("1082")) {
                midtjylland.add(m);
            }
        });
        assertThat(midtjylland).hasSize(19);
        JsonNode aarhus = midtjylland.stream().filter(m -> m.path("code").asString().equals("751")).findFirst()
                .orElseThrow();
        assertThat(aarhus.path("name").asString()).isEqualTo("Aarhus");
        assertThat(aarhus.path("cluster").asString()).isEqualTo("Aarhusklyngen");
        assertThat(aarhus.path("population").isInt()).isTrue();
        assertThat(aarhus.path("populationYear").isInt()).isTrue();
    }

    @Test
    void readsOneMunicipalityByCode() {
        JsonNode randers = admin.get("/api/v1/municipalities/730").json();

        assertThat(randers.path("name").asString()).isEqualTo("Randers");
        assertThat(randers.path("cluster").asString()).isEqualTo("Randersklyngen");
        assertThat(admin.get("/api/v1/municipalities/0730").json().path("code").asString()).isEqualTo("730");
    }

    @Test
    void answersAnUnknownMunicipalityWith404AndAMalformedCodeWith400() {
        assertProblem(admin.get("/api/v1/municipalities/999"), 404);
        JsonNode problem = assertProblem(admin.get("/api/v1/municipalities/abc"), 400);
        assertThat(fields(problem)).containsExactly("code");
    }

    @Test
    void listsTheFiveClustersWithTheirMunicipalities() {
        JsonNode clusters = admin.get("/api/v1/clusters").json();

        List<String> names = new ArrayList<>();
        clusters.forEach(c -> names.add(c.path("name").asString()));
        assertThat(names).contains("Aarhusklyngen", "Randersklyngen", "Horsensklyngen", "Midtklyngen", "Vestklyngen");
        clusters.forEach(cluster -> {
            if (cluster.path("name").asString().equals("Vestklyngen")) {
                List<String> codes = new ArrayList<>();
                cluster.path("municipalityCodes").forEach(code -> codes.add(code.asString()));
                assertThat(codes).containsExactlyInAnyOrder("657", "661", "756", "665", "760", "671");
            }
        });
    }

    @Test
    void listsTheFiveRegions() {
        List<String> codes = new ArrayList<>();
        admin.get("/api/v1/regions").json().forEach(r -> codes.add(r.path("code").asString()));

        assertThat(codes).containsExactly("1081", "1082", "1083", "1084", "1085");
    }

    @Test
    void loadsAPopulationYearReplacesItOnReloadAndKeepsOtherYears() {
        Api.Response created = admin.send("PUT", "/api/v1/populations/2101", "text/csv",
                "code,population\n751,370001\n730,100002\n");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("imported").asInt()).isEqualTo(2);
        assertThat(created.json().path("total").asLong()).isEqualTo(470003);

        Api.Response older = admin.send("PUT", "/api/v1/populations/2100", "text/csv", "751,369000\n");
        assertThat(older.status()).isEqualTo(201);

        Api.Response replaced = admin.send("PUT", "/api/v1/populations/2101", "text/csv", "751,371111\n");
        assertThat(replaced.status()).isEqualTo(200);

        JsonNode year = admin.get("/api/v1/populations/2101").json();
        assertThat(year.path("figures")).hasSize(1);
        assertThat(year.path("figures").get(0).path("population").asInt()).isEqualTo(371111);
        assertThat(year.path("importedBy").asString()).isEqualTo("admin");
        assertThat(admin.get("/api/v1/populations/2100").json().path("total").asLong()).isEqualTo(369000);

        JsonNode aarhus = admin.get("/api/v1/municipalities/751").json();
        assertThat(aarhus.path("populationYear").asInt()).isEqualTo(2101);
        assertThat(aarhus.path("population").asInt()).isEqualTo(371111);

        List<Integer> years = new ArrayList<>();
        admin.get("/api/v1/populations").json().forEach(y -> years.add(y.path("year").asInt()));
        assertThat(years).startsWith(2101, 2100).contains(2025);
    }

    @Test
    void loadsAStatBankFolk1aExportInIso88591() {
        String export = "\"Folketal\";;\n;\"2099K3\";\n\"Hele landet\";\"2099K3\";\"6000000\"\n"
                + "\"Aarhus\";\"2099K3\";\"380000\"\n\"Samsø\";\"2099K3\";\"3600\"\n";

        Api.Response response = admin.send("PUT", "/api/v1/populations/2099", "text/csv; charset=ISO-8859-1",
                export.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("source").asString()).contains("FOLK1A");
        assertThat(response.json().path("ignored").get(0).asString()).isEqualTo("Hele landet");
        JsonNode year = admin.get("/api/v1/populations/2099").json();
        assertThat(year.path("figures").findValuesAsString("name")).containsExactlyInAnyOrder("Samsø", "Aarhus");
    }

    @Test
    void rejectsEveryBadPopulationFileWithTheLinesAndChangesNothing() {
        List<String> before = referenceState();
        record Bad(String body, String field) {
        }
        List<Bad> bad = List.of(
                new Bad("code\n751\n", "line 1"),
                new Bad("code,population\n751,1\n751,2\n", "line 3"),
                new Bad("code,population\n751,-1\n", "line 2"),
                new Bad("code,population\n751,many\n", "line 2"),
                new Bad("code,population\n999,10\n", "line 2"),
                new Bad("code,population\n751,10\n730,1,2\n", "line 3"),
                new Bad("", "body"));
        for (Bad file : bad) {
            JsonNode problem = assertProblem(admin.send("PUT", "/api/v1/populations/2102", "text/csv", file.body()),
                    400);
            assertThat(fields(problem)).as(file.body()).contains(file.field());
        }
        assertThat(referenceState()).isEqualTo(before);
        assertProblem(admin.get("/api/v1/populations/2102"), 404);
    }

    @Test
    void rejectsAYearThatIsNotAYear() {
        List<String> before = referenceState();

        JsonNode problem = assertProblem(admin.send("PUT", "/api/v1/populations/20x5", "text/csv", "751,1\n"), 400);

        assertThat(fields(problem)).containsExactly("year");
        assertProblem(admin.get("/api/v1/populations/20x5"), 400);
        assertThat(referenceState()).isEqualTo(before);
    }

    @Test
    void rejectsA10MegabyteBodyWith413() {
        List<String> before = referenceState();
        byte[] tenMegabytes = ("751,1\n".repeat(10 * 1024 * 1024 / 6)).getBytes(StandardCharsets.UTF_8);

        assertProblem(admin.send("PUT", "/api/v1/populations/2103", "text/csv", tenMegabytes), 413);

        assertThat(referenceState()).isEqualTo(before);
    }

    @Test
    void rejectsAPopulationFileOfAnotherMediaTypeWith415() {
        assertProblem(admin.send("PUT", "/api/v1/populations/2104", "application/json", "{\"751\":1}"), 415);
    }

    /**
     * An import for some municipalities only (once, two of them became the basis of every
     * allocation) is a partial year: shown as such, never the default. Region Nordjylland, which no
     * other test gives municipalities, so its completeness is this test's alone.
     */
    @Test
    void theDefaultYearOfAllocationsIsTheNewestYearCompleteForTheRegion() {
        for (String municipality : List.of("{\"code\":\"851\",\"name\":\"Aalborg\",\"regionCode\":\"1081\"}",
                "{\"code\":\"849\",\"name\":\"Jammerbugt\",\"regionCode\":\"1081\"}")) {
            assertThat(admin.postJson("/api/v1/municipalities", municipality).status()).isEqualTo(201);
        }
        assertThat(referenceData.allocationYear("1081")).isEmpty();
        assertThat(admin.send("PUT", "/api/v1/populations/2060", "text/csv", "851,120000\n849,38000\n").status())
                .isEqualTo(201);
        assertThat(admin.send("PUT", "/api/v1/populations/2061", "text/csv", "851,121000\n").status()).isEqualTo(201);

        assertThat(referenceData.allocationYear("1081")).get().extracting(PopulationYear::year).isEqualTo(2060);
        assertThat(referenceData.populationYear(2061).orElseThrow().completeRegions()).doesNotContain("1081");
        JsonNode years = admin.get("/api/v1/populations").json();
        JsonNode partial = year(years, 2061);
        assertThat(partial.path("partial").asBoolean()).isTrue();
        assertThat(partial.path("defaultFor")).isEmpty();
        JsonNode complete = year(years, 2060);
        assertThat(complete.path("completeRegions").toString()).contains("1081");
        assertThat(complete.path("defaultFor").toString()).contains("1081");
        // Region Midtjylland keeps a complete year (the seed's), whatever partial years came later.
        assertThat(referenceData.allocationYear("1082")).get().satisfies(year -> {
            assertThat(year.partial()).isFalse();
            assertThat(year.completeRegions()).contains("1082");
        });
    }

    private static JsonNode year(JsonNode years, int year) {
        for (JsonNode candidate : years) {
            if (candidate.path("year").asInt() == year) {
                return candidate;
            }
        }
        throw new AssertionError("no year " + year + " in " + years);
    }

    @Test
    void answersUnknownYearsWith404() {
        assertProblem(admin.get("/api/v1/populations/1800"), 404);
    }

    @Test
    void addsAMunicipalityOfAnotherRegionWithANewCluster() {
        Api.Response created = admin.postJson("/api/v1/municipalities",
                "{\"code\":\"461\",\"name\":\"Odense\",\"regionCode\":\"1083\",\"cluster\":\"Fynsklyngen\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(admin.get("/api/v1/municipalities/461").json().path("regionCode").asString()).isEqualTo("1083");
        List<String> clusters = new ArrayList<>();
        admin.get("/api/v1/clusters").json().forEach(c -> clusters.add(c.path("name").asString()));
        assertThat(clusters).contains("Fynsklyngen");

        List<String> before = referenceState();
        assertProblem(admin.postJson("/api/v1/municipalities",
                "{\"code\":\"461\",\"name\":\"Odense igen\",\"regionCode\":\"1083\"}"), 409);
        assertProblem(admin.postJson("/api/v1/municipalities",
                "{\"code\":\"462\",\"name\":\"odense\",\"regionCode\":\"1083\"}"), 409);
        assertThat(referenceState()).isEqualTo(before);
    }

    @Test
    void rejectsAnInvalidMunicipalityNamingEachField() {
        List<String> before = referenceState();

        JsonNode problem = assertProblem(admin.postJson("/api/v1/municipalities",
                "{\"code\":\"12\",\"name\":\"" + "x".repeat(101) + "\",\"regionCode\":\"9999\",\"cluster\":\"Aarhusklyngen\"}"),
                400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("code", "name", "regionCode", "cluster");
        assertThat(referenceState()).isEqualTo(before);
    }

    @Test
    void answersMalformedJsonAndWrongTypesWith400() {
        List<String> before = referenceState();

        assertProblem(admin.postJson("/api/v1/municipalities", "{\"code\": \"461\", "), 400);
        JsonNode wrongType = assertProblem(admin.postJson("/api/v1/municipalities",
                "{\"code\": {\"nested\": true}, \"name\": \"X\", \"regionCode\": \"1083\"}"), 400);
        assertThat(fields(wrongType)).containsExactly("code");
        assertProblem(admin.postJson("/api/v1/municipalities", ""), 400);

        assertThat(referenceState()).isEqualTo(before);
    }

    @Test
    void answersUnknownPathsWrongMethodsAndMediaTypesWithProblems() {
        assertProblem(admin.get("/api/v1/does-not-exist"), 404);
        assertProblem(admin.send("DELETE", "/api/v1/municipalities/751", "application/json", ""), 405);
        assertProblem(admin.send("POST", "/api/v1/municipalities", "application/xml", "<m/>"), 415);
    }

    @Test
    void requiresCredentialsOnTheApi() {
        assertProblem(Api.anonymous(port).get("/api/v1/municipalities"), 401);
        assertProblem(Api.as(port, "admin", "wrong").get("/api/v1/municipalities"), 401);
    }

    @Test
    void reportsHealthWithTheDatabaseMetricsAndOpenApi() {
        Api anonymous = Api.anonymous(port);
        JsonNode health = anonymous.get("/actuator/health").json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/prometheus", "text/plain").status()).isEqualTo(401);
        assertThat(anonymous.get("/v3/api-docs").body()).contains("/api/v1/municipalities", "/api/v1/populations/{year}");
    }
}
