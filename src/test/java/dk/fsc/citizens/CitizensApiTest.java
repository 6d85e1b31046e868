package dk.fsc.citizens;

import static dk.fsc.testing.Api.ids;
import static dk.fsc.testing.Demo.CITIZEN_AARHUS;
import static dk.fsc.testing.Demo.CITIZEN_RANDERS;
import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dk.fsc.reference.MunicipalityCode;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@FscIntegrationTest
class CitizensApiTest {


    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovesHeard moves;

    @Autowired
    TestClock clock;

    Api as(String user) {
        return Api.as(port, user, "demo");
    }

    /** A valid, made-up CPR that no other test uses (born 1940-1999, seventh digit 0-3). */
    static String newCpr() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return String.format("%02d%02d%02d-%d%03d", born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100,
                random.nextInt(4), random.nextInt(1000));
    }

    static String citizenJson(String cpr, String name, String municipality) {
        return """
                {"cpr":"%s","name":"%s","address":{"street":"Testvej 1","postalCode":"8000","city":"Aarhus C"},
                 "municipalityCode":"%s","phone":"+45 12345678","email":"test@example.dk"}"""
                .formatted(cpr, name, municipality);
    }

    String register(String user, String cpr, String name, String municipality) {
        Api.Response created = as(user).postJson("/api/v1/citizens", citizenJson(cpr, name, municipality));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** Rows of the register and the audit log, to prove a rejected request changed nothing. */
    List<Long> counts() {
        List<Long> counts = new ArrayList<>();
        for (String table : List.of("citizens.citizen", "citizens.address_history", "identity.audit_log")) {
            counts.add(jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    long auditRows(String citizenId, String action) {
        return jdbc.sql("select count(*) from identity.audit_log where citizen_id = ?::uuid and action = ?")
                .params(citizenId, action).query(Long.class).single();
    }


    @Test
    void aCaseworkerRegistersACitizenOfTheirMunicipalityAndReadsIt() {
        String cpr = newCpr();
        Api.Response created = as("caseworker-aarhus").postJson("/api/v1/citizens",
                citizenJson(cpr, "Ida <script>alert(1)</script> Holm", "0751"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.path("id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.location()).isEqualTo("/api/v1/citizens/" + id);
        assertThat(body.path("cpr").asString()).isEqualTo(cpr);
        assertThat(body.path("cprMasked").asBoolean()).isFalse();
        assertThat(body.path("name").asString()).isEqualTo("Ida <script>alert(1)</script> Holm");
        assertThat(body.path("municipalityCode").asString()).isEqualTo("751");
        assertThat(body.path("municipalityName").asString()).isEqualTo("Aarhus");
        assertThat(body.path("phone").asString()).isEqualTo("12345678");
        assertThat(body.path("address").path("postalCode").asString()).isEqualTo("8000");
        assertThat(auditRows(id, "citizen.create")).isEqualTo(1);

        JsonNode read = as("caseworker-aarhus").get("/api/v1/citizens/" + id).json();
        assertThat(read.path("cpr").asString()).isEqualTo(cpr);
        assertThat(jdbc.sql("select count(*) from citizens.address_history where citizen_id = ?::uuid").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void showsTheFullCprOnlyToTheServiceCentreAndTheCaseworkersOfTheMunicipality() {
        String cpr = newCpr();
        String id = register("agent", cpr, "Cpr Visning", "751");
        String masked = cpr.substring(0, 7) + "XXXX";

        for (String user : List.of("admin", "agent", "caseworker-aarhus")) {
            JsonNode read = as(user).get("/api/v1/citizens/" + id).json();
            assertThat(read.path("cpr").asString()).as(user).isEqualTo(cpr);
        }
        for (String user : List.of("homecare-aarhus", "nurse-aarhus", "warehouse", "technician")) {
            Api.Response read = as(user).get("/api/v1/citizens/" + id);
            assertThat(read.status()).as(user).isEqualTo(200);
            assertThat(read.json().path("cpr").asString()).as(user).isEqualTo(masked);
            assertThat(read.json().path("cprMasked").asBoolean()).isTrue();
            assertThat(read.body()).as(user).doesNotContain(cpr.substring(7));
        }
    }

    @Test
    void whoMayNotSeeACitizenIsToldThereIsNone() {
        String id = register("caseworker-aarhus", newCpr(), "Skjult Borger", "751");
        String unknown = UUID.randomUUID().toString();

        for (String user : List.of("caseworker-randers", "homecare-randers", "citizen-aarhus", "citizen-randers",
                "finance", "analyst")) {
            JsonNode hidden = assertProblem(as(user).get("/api/v1/citizens/" + id), 404);
            JsonNode missing = assertProblem(as(user).get("/api/v1/citizens/" + unknown), 404);
            assertThat(hidden.path("detail")).as(user).isEqualTo(missing.path("detail"));
            assertThat(hidden.path("type")).isEqualTo(missing.path("type"));
        }
        assertThat(auditRows(id, "citizen.read")).isZero();
    }

    @Test
    void aCitizenSeesOnlyThemself() {
        Api citizen = as("citizen-aarhus");
        JsonNode me = citizen.get("/api/v1/citizens/" + CITIZEN_AARHUS).json();
        assertThat(me.path("name").asString()).isEqualTo("Birthe Sørensen");
        assertThat(me.path("cprMasked").asBoolean()).isTrue();
        assertProblem(citizen.get("/api/v1/citizens/" + CITIZEN_RANDERS), 404);

        assertThat(ids(citizen.postJson("/api/v1/citizens/search", "{\"name\":\"Poul Rasmussen\"}"))).isEmpty();
        assertThat(ids(citizen.postJson("/api/v1/citizens/search", "{\"name\":\"Birthe Sørensen\"}")))
                .containsExactly(CITIZEN_AARHUS);
        assertThat(ids(citizen.postJson("/api/v1/citizens/search", "{\"name\":\"en\"}")))
                .containsExactly(CITIZEN_AARHUS);
    }

    @Test
    void searchesReturnOnlyTheCitizensTheCallerMaySee() {
        String cpr = newCpr();
        String id = register("caseworker-randers", cpr, "Søgbar Randersborger", "730");

        String byCpr = "{\"cpr\":\"" + cpr.replace("-", "") + "\"}";
        assertThat(ids(as("caseworker-randers").postJson("/api/v1/citizens/search", byCpr))).containsExactly(id);
        assertThat(ids(as("agent").postJson("/api/v1/citizens/search", byCpr))).containsExactly(id);
        assertThat(ids(as("admin").postJson("/api/v1/citizens/search", "{\"name\":\"søgbar randers\"}")))
                .containsExactly(id);
        assertThat(ids(as("warehouse").postJson("/api/v1/citizens/search", "{\"phone\":\"12345678\"}"))).contains(id);
        assertThat(ids(as("homecare-randers").postJson("/api/v1/citizens/search", "{\"phone\":\"+4512345678\"}")))
                .contains(id);

        assertThat(ids(as("caseworker-aarhus").postJson("/api/v1/citizens/search", byCpr))).isEmpty();
        assertThat(ids(as("homecare-aarhus").postJson("/api/v1/citizens/search", "{\"name\":\"Søgbar\"}"))).isEmpty();
        assertThat(ids(as("citizen-randers").postJson("/api/v1/citizens/search", byCpr))).isEmpty();
        assertProblem(as("finance").postJson("/api/v1/citizens/search", byCpr), 403);
        assertProblem(as("analyst").postJson("/api/v1/citizens/search", byCpr), 403);

        Api.Response page = as("caseworker-aarhus").postJson("/api/v1/citizens/search?page=0&size=2",
                "{\"name\":\"en\"}");
        assertThat(page.json().path("size").asInt()).isEqualTo(2);
        assertThat(page.json().path("items")).hasSizeLessThanOrEqualTo(2);
        page.json().path("items").forEach(item -> assertThat(item.path("municipalityCode").asString()).isEqualTo("751"));
    }

    @Test
    void aNameTypedWithoutDanishLettersOrACprTypedWithASpaceFindsTheCitizen() {
        String cpr = newCpr();
        String id = register("agent", cpr, "Åse Sørensen-Bækgaard", "751");
        Api agent = as("agent");

        for (String typed : List.of("Sorensen", "soerensen", "SØRENSEN", "Aase", "Ase Sor", "baekgard", "Bækgaard")) {
            assertThat(ids(agent.postJson("/api/v1/citizens/search", "{\"name\":\"" + typed + "\"}"))).as(typed)
                    .contains(id);
        }
        assertThat(ids(agent.postJson("/api/v1/citizens/search", "{\"name\":\"Sarensen\"}"))).doesNotContain(id);
        assertThat(ids(agent.postJson("/api/v1/citizens/search",
                "{\"cpr\":\"" + cpr.replace("-", " ") + "\"}"))).containsExactly(id);
        assertThat(ids(agent.postJson("/api/v1/citizens/search", "{\"name\":\"50%\"}"))).isEmpty();
    }

    @Test
    void contactDataRefusesAnEmailAddressThatIsMarkup() {
        String id = register("agent", newCpr(), "Mail Prøve", "751");
        List<Long> before = counts();

        Api.Response refused = as("agent").send("PUT", "/api/v1/citizens/" + id + "/contact", "application/json",
                "{\"phone\":\"12345678\",\"email\":\"\\\"><script>alert(1)</script>@x.dk\"}");

        assertThat(fields(assertProblem(refused, 400))).containsExactly("email");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void eachCitizenASearchReturnsIsAudited() {
        String id = register("agent", newCpr(), "Revideret Søgning", "741");
        long before = auditRows(id, "citizen.search");

        assertThat(ids(as("agent").postJson("/api/v1/citizens/search", "{\"name\":\"Revideret Søgning\"}")))
                .containsExactly(id);

        assertThat(auditRows(id, "citizen.search")).isEqualTo(before + 1);
    }

    @Test
    void rejectsSearchesWithNoneOrSeveralCriteriaAndBadValues() {
        Api agent = as("agent");
        assertThat(fields(assertProblem(agent.postJson("/api/v1/citizens/search", "{}"), 400))).contains("cpr");
        assertProblem(agent.postJson("/api/v1/citizens/search", "{\"name\":\"Ole\",\"phone\":\"12345678\"}"), 400);
        assertThat(fields(assertProblem(agent.postJson("/api/v1/citizens/search", "{\"cpr\":\"3113991234\"}"), 400)))
                .containsExactly("cpr");
        assertThat(fields(assertProblem(agent.postJson("/api/v1/citizens/search", "{\"phone\":\"123\"}"), 400)))
                .containsExactly("phone");
    }

    @Test
    void rejectsEveryBadFieldNamingItAndChangesNothing() {
        record Bad(String json, String field) {
        }
        String cpr = newCpr();
        String longName = "x".repeat(201);
        List<Bad> bad = List.of(
                new Bad(citizenJson("1234567890", "Navn", "751"), "cpr"),
                new Bad(citizenJson("310299-1234", "Navn", "751"), "cpr"),
                new Bad(citizenJson("290200-0123", "Navn", "751"), "cpr"),
                new Bad(citizenJson("01018012345", "Navn", "751"), "cpr"),
                new Bad(citizenJson("010180123", "Navn", "751"), "cpr"),
                new Bad(citizenJson("01018O-1234", "Navn", "751"), "cpr"),
                new Bad(citizenJson(cpr, "Navn", "999"), "municipalityCode"),
                new Bad(citizenJson(cpr, "Navn", "abc"), "municipalityCode"),
                new Bad(citizenJson(cpr, "", "751"), "name"),
                new Bad(citizenJson(cpr, longName, "751"), "name"),
                new Bad(citizenJson(cpr, "Navn", "751").replace("Testvej 1", "v".repeat(201)), "address.street"),
                new Bad(citizenJson(cpr, "Navn", "751").replace("\"8000\"", "\"800\""), "address.postalCode"),
                new Bad(citizenJson(cpr, "Navn", "751").replace("\"8000\"", "\"80000\""), "address.postalCode"),
                new Bad(citizenJson(cpr, "Navn", "751").replace("\"8000\"", "\"8OOO\""), "address.postalCode"),
                new Bad(citizenJson(cpr, "Navn", "751").replace("Aarhus C", "c".repeat(101)), "address.city"),
                new Bad(citizenJson(cpr, "Navn", "751").replace("+45 12345678", "1234567"), "phone"),
                new Bad(citizenJson(cpr, "Navn", "751").replace("+45 12345678", "+46 12345678"), "phone"),
                new Bad(citizenJson(cpr, "Navn", "751").replace("test@example.dk", "ikke-en-adresse"), "email"),
                new Bad(citizenJson(cpr, "Navn", "751").replace("test@example.dk", "a".repeat(250) + "@x.dk"),
                        "email"),
                new Bad("{\"cpr\":\"" + cpr + "\",\"name\":\"Navn\",\"municipalityCode\":\"751\"}", "address.street"));
        List<Long> before = counts();

        for (Bad request : bad) {
            JsonNode problem = assertProblem(as("agent").postJson("/api/v1/citizens", request.json()), 400);
            assertThat(fields(problem)).as(request.json()).contains(request.field());
            assertThat(problem.toString()).doesNotContain(cpr.substring(7));
        }

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void rejectsADuplicateCprWith409AndKeepsTheFirst() {
        String cpr = newCpr();
        String id = register("agent", cpr, "Først Registreret", "751");
        List<Long> before = counts();

        JsonNode problem = assertProblem(as("caseworker-aarhus").postJson("/api/v1/citizens",
                citizenJson(cpr.replace("-", ""), "Anden Gang", "751")), 409);

        assertThat(fields(problem)).containsExactly("cpr");
        assertThat(counts()).isEqualTo(before);
        assertThat(as("agent").get("/api/v1/citizens/" + id).json().path("name").asString())
                .isEqualTo("Først Registreret");
    }

    @Test
    void onlyTheServiceCentreAndCaseworkersRegisterAndCaseworkersOnlyInTheirMunicipality() {
        List<Long> before = counts();

        JsonNode elsewhere = assertProblem(as("caseworker-aarhus").postJson("/api/v1/citizens",
                citizenJson(newCpr(), "Forkert Kommune", "730")), 400);
        assertThat(fields(elsewhere)).containsExactly("municipalityCode");
        for (String user : List.of("homecare-aarhus", "nurse-aarhus", "warehouse", "technician", "finance",
                "analyst", "citizen-aarhus")) {
            assertProblem(as(user).postJson("/api/v1/citizens", citizenJson(newCpr(), "Ikke Tilladt", "751")), 403);
        }

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void changesContactDataForThoseWhoMayAndRefusesOthers() {
        String id = register("caseworker-aarhus", newCpr(), "Kontakt Ændres", "751");
        String path = "/api/v1/citizens/" + id + "/contact";

        Api.Response changed = as("caseworker-aarhus").send("PUT", path, "application/json",
                "{\"phone\":\"87654321\",\"email\":\"ny@example.dk\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("phone").asString()).isEqualTo("87654321");
        assertThat(auditRows(id, "citizen.update-contact")).isEqualTo(1);

        List<Long> before = counts();
        long refusedBefore = auditRows(id, "access.refused");
        assertProblem(as("homecare-aarhus").send("PUT", path, "application/json", "{\"phone\":\"11111111\"}"), 403);
        assertProblem(as("warehouse").send("PUT", path, "application/json", "{\"phone\":\"11111111\"}"), 403);
        assertProblem(as("caseworker-randers").send("PUT", path, "application/json", "{\"phone\":\"11111111\"}"),
                404);
        assertProblem(as("citizen-aarhus").send("PUT", path, "application/json", "{\"phone\":\"11111111\"}"), 404);
        assertProblem(as("finance").send("PUT", path, "application/json", "{\"phone\":\"11111111\"}"), 404);
        assertThat(fields(assertProblem(as("agent").send("PUT", path, "application/json",
                "{\"phone\":\"12\",\"email\":\"@\"}"), 400))).containsExactlyInAnyOrder("phone", "email");
        // the two refusals of roles that may see the citizen are in the citizen's log as refusals, nothing else
        assertThat(auditRows(id, "access.refused")).isEqualTo(refusedBefore + 2);
        assertThat(counts()).isEqualTo(List.of(before.get(0), before.get(1), before.get(2) + 2));
        assertThat(as("agent").get("/api/v1/citizens/" + id).json().path("phone").asString()).isEqualTo("87654321");
    }

    @Test
    void fieldReasonsAreInEnglishUnlessTheClientAsksForDanish() {
        String path = "/api/v1/citizens/" + CITIZEN_AARHUS + "/contact";
        String bad = "{\"phone\":\"12\",\"email\":\"x@y.dk\"}";

        JsonNode english = assertProblem(as("agent").send("PUT", path, "application/json", bad), 400);
        JsonNode danish = assertProblem(as("agent").inLanguage("da").send("PUT", path, "application/json", bad), 400);

        assertThat(english.path("errors").get(0).path("field").asString()).isEqualTo("phone");
        assertThat(english.path("errors").get(0).path("message").asString())
                .isEqualTo("must be 8 digits, optionally after +45");
        assertThat(danish.path("errors").get(0).path("message").asString())
                .isEqualTo("skal være 8 cifre, eventuelt efter +45");
        assertThat(english.path("errors").get(0).has("arguments")).isFalse();
        JsonNode length = assertProblem(as("agent").send("PUT", "/api/v1/citizens/" + CITIZEN_AARHUS + "/address",
                "application/json", "{\"street\":\"\",\"postalCode\":\"8000\",\"city\":\"Aarhus C\","
                        + "\"municipalityCode\":\"751\"}"), 400);
        assertThat(length.path("errors").get(0).path("message").asString()).isEqualTo("must be 1 to 200 characters");
    }

    @Test
    void aCitizenChangesTheirOwnContactDataButNotTheirAddress() {
        String path = "/api/v1/citizens/" + CITIZEN_RANDERS;
        Api citizen = as("citizen-randers");

        Api.Response changed = citizen.send("PUT", path + "/contact", "application/json",
                "{\"phone\":\"+4530303030\",\"email\":\"poul@example.dk\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("email").asString()).isEqualTo("poul@example.dk");
        assertProblem(citizen.send("PUT", path + "/address", "application/json",
                "{\"street\":\"Ny Vej 1\",\"postalCode\":\"8900\",\"city\":\"Randers C\",\"municipalityCode\":\"730\"}"),
                403);
    }

    @Test
    void aMoveToAnotherMunicipalityKeepsTheHistoryPublishesCitizenMovedAndMovesTheScope() {
        String id = register("caseworker-aarhus", newCpr(), "Flytter Til Randers", "751");
        String path = "/api/v1/citizens/" + id + "/address";

        LocalDate today = clock.today();
        Api.Response moved = as("caseworker-aarhus").send("PUT", path, "application/json",
                "{\"street\":\"Torvegade 2\",\"postalCode\":\"8900\",\"city\":\"Randers C\",\"municipalityCode\":\"730\","
                        + "\"movedOn\":\"" + today + "\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("municipalityCode").asString()).isEqualTo("730");
        assertThat(moves.heard()).contains(new CitizenMoved(CitizenId.of(id), new MunicipalityCode("751"),
                new MunicipalityCode("730"), today));
        assertThat(auditRows(id, "citizen.move")).isEqualTo(1);
        assertThat(jdbc.sql("select municipality_code || ':' || valid_from from citizens.address_history"
                + " where citizen_id = ?::uuid order by id").param(id).query(String.class).list())
                .hasSize(2).endsWith("730:" + today);

        assertProblem(as("caseworker-aarhus").get("/api/v1/citizens/" + id), 404);
        assertThat(as("caseworker-randers").get("/api/v1/citizens/" + id).json().path("address").path("street")
                .asString()).isEqualTo("Torvegade 2");

        int heard = moves.heard().size();
        Api.Response sameMunicipality = as("caseworker-randers").send("PUT", path, "application/json",
                "{\"street\":\"Torvegade 4\",\"postalCode\":\"8900\",\"city\":\"Randers C\",\"municipalityCode\":\"730\"}");
        assertThat(sameMunicipality.status()).isEqualTo(200);
        assertThat(moves.heard()).hasSize(heard);
        assertThat(auditRows(id, "citizen.update-address")).isEqualTo(1);
    }

    @Test
    void rejectsABadAddressNamingEachFieldAndChangesNothing() {
        String id = register("agent", newCpr(), "Dårlig Adresse", "751");
        String path = "/api/v1/citizens/" + id + "/address";
        int heard = moves.heard().size();
        List<Long> before = counts();

        JsonNode problem = assertProblem(as("agent").send("PUT", path, "application/json",
                "{\"street\":\"\",\"postalCode\":\"12\",\"city\":\"" + "c".repeat(101) + "\",\"municipalityCode\":\"998\"}"),
                400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("street", "postalCode", "city", "municipalityCode");
        JsonNode badDate = assertProblem(as("agent").send("PUT", path, "application/json",
                "{\"street\":\"Vej 1\",\"postalCode\":\"8900\",\"city\":\"Randers\",\"municipalityCode\":\"730\","
                        + "\"movedOn\":\"i morgen\"}"), 400);
        assertThat(fields(badDate)).containsExactly("movedOn");
        assertProblem(as("homecare-aarhus").send("PUT", path, "application/json",
                "{\"street\":\"Vej 1\",\"postalCode\":\"8900\",\"city\":\"Randers\",\"municipalityCode\":\"730\"}"), 403);
        assertProblem(as("caseworker-randers").send("PUT", path, "application/json",
                "{\"street\":\"Vej 1\",\"postalCode\":\"8900\",\"city\":\"Randers\",\"municipalityCode\":\"730\"}"), 404);

        // only home care's refusal is written, as a refusal in the citizen's log
        assertThat(counts()).isEqualTo(List.of(before.get(0), before.get(1), before.get(2) + 1));
        assertThat(auditRows(id, "access.refused")).isEqualTo(1);
        assertThat(moves.heard()).hasSize(heard);
    }

    @Test
    void aReadWritesOneAuditRowWithActorActionAndClient() {
        String id = register("agent", newCpr(), "Læst Af Visitator", "751");

        as("caseworker-aarhus").get("/api/v1/citizens/" + id);

        List<String> rows = jdbc.sql("select actor || '|' || actor_roles || '|' || coalesce(actor_municipality, '')"
                + " || '|' || client from identity.audit_log where citizen_id = ?::uuid and action = 'citizen.read'")
                .param(id).query(String.class).list();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).startsWith("caseworker-aarhus|MUNICIPAL_CASEWORKER|751|api ");
    }

    @Test
    void theAuditLogCannotBeChanged() {
        String id = register("agent", newCpr(), "Uforanderlig Log", "751");
        long rows = jdbc.sql("select count(*) from identity.audit_log where citizen_id = ?::uuid").param(id)
                .query(Long.class).single();
        assertThat(rows).isPositive();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc
                .sql("update identity.audit_log set actor = 'someone-else' where citizen_id = ?::uuid").param(id)
                .update()).isInstanceOf(org.springframework.dao.DataAccessException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc
                .sql("delete from identity.audit_log where citizen_id = ?::uuid").param(id).update())
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(jdbc.sql("select count(*) from identity.audit_log where citizen_id = ?::uuid and actor = 'agent'")
                .param(id).query(Long.class).single()).isEqualTo(rows);
    }

    @Test
    void theDatabaseHoldsNoCprInClearText() {
        String cpr = newCpr();
        String id = register("agent", cpr, "Krypteret Cpr", "751");
        String digits = cpr.replace("-", "");

        String row = jdbc.sql("select c::text from citizens.citizen c where id = ?::uuid").param(id)
                .query(String.class).single();
        String hex = jdbc.sql("select encode(cpr_encrypted, 'escape') || encode(cpr_hash, 'escape')"
                + " from citizens.citizen where id = ?::uuid").param(id).query(String.class).single();

        assertThat(row).doesNotContain(digits, cpr, digits.substring(6));
        assertThat(hex).doesNotContain(digits, cpr);
        assertThat(jdbc.sql("select count(*) from citizens.citizen where cpr_encrypted::text like ?")
                .param("%" + digits + "%").query(Long.class).single()).isZero();
    }

    @Test
    void theAuditEndpointIsForAdministratorsOnly() {
        String id = register("agent", newCpr(), "Revisor Kigger", "751");
        as("caseworker-aarhus").get("/api/v1/citizens/" + id);

        Api.Response audit = as("admin").get("/api/v1/audit?citizenId=" + id + "&from=2020-01-01&page=0&size=10");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        audit.json().path("items").forEach(entry -> actions.add(entry.path("actor").asString() + ":"
                + entry.path("action").asString()));
        assertThat(actions).containsExactly("caseworker-aarhus:citizen.read", "agent:citizen.create");
        assertThat(fields(assertProblem(as("admin").get("/api/v1/audit?from=igår"), 400))).containsExactly("from");

        for (String user : List.of("agent", "caseworker-aarhus", "finance", "analyst", "citizen-aarhus", "warehouse")) {
            assertProblem(as(user).get("/api/v1/audit?citizenId=" + id), 403);
        }
    }

    @Test
    void aCitizenSeesWhoHasReadTheirData() {
        clock.set(Instant.parse("2030-06-03T08:00:00Z"));
        as("caseworker-aarhus").get("/api/v1/citizens/" + CITIZEN_AARHUS);

        Api.Response log = as("citizen-aarhus").get("/api/v1/me/access-log");

        assertThat(log.status()).as(log.body()).isEqualTo(200);
        JsonNode newest = firstAt(log.json(), "2030-06-03T08:");
        assertThat(newest.path("actor").asString()).isEqualTo("caseworker-aarhus");
        assertThat(newest.path("actorRoles").asString()).isEqualTo("MUNICIPAL_CASEWORKER");
        assertThat(newest.path("action").asString()).isEqualTo("citizen.read");
        assertThat(newest.has("client")).isFalse();
        for (String user : List.of("admin", "agent", "caseworker-aarhus", "finance")) {
            assertProblem(as(user).get("/api/v1/me/access-log"), 403);
        }
    }

    /** The newest row written at this moment of the test clock: other tests write rows about the same citizen at theirs. */
    static JsonNode firstAt(JsonNode log, String moment) {
        for (JsonNode item : log.path("items")) {
            if (item.path("at").asString().startsWith(moment)) {
                return item;
            }
        }
        throw new AssertionError("no row at " + moment + " in " + log);
    }
}
