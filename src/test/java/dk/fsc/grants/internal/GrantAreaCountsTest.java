package dk.fsc.grants.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import dk.fsc.grants.Grants;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The count of citizens with a grant per product area follows every decision on a grant in the
 * decision's own transaction, and a rebuild from the grants finds exactly what the decisions kept.
 */
@FscIntegrationTest
class GrantAreaCountsTest {

    static final MunicipalityCode AARHUS = new MunicipalityCode("751");
    static final String FLAT_BASEPLATE = "b0000000-0000-4000-8000-000000000005";
    static final LocalDate FROM = LocalDate.of(2031, 3, 1);
    static final LocalDate DAY = LocalDate.of(2031, 3, 15);
    static final LocalDate ENDS = LocalDate.of(2031, 4, 1);

    @LocalServerPort
    int port;

    @Autowired
    Grants grants;

    @Autowired
    AreaSpans spans;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aCitizenCountsOnceInHerGrantsAreaFromItsFirstDayUntilItEndsAndMovesWithAChangedLine() {
        Api caseworker = Api.as(port, "caseworker-aarhus", "demo");
        String citizen = Citizens.register(caseworker, "751", "Område Tælling");
        Map<String, Map<MunicipalityCode, Long>> before = grants.citizensWithGrantPerArea(DAY);

        Api.Response made = caseworker.postJson("/api/v1/citizens/" + citizen + "/grants", """
                {"validFrom":"%s","lines":[{"productId":"%s","quantity":3,"period":"MONTH"},
                 {"group":"STOMA_BASEPLATE","quantity":3,"period":"MONTH"}]}""".formatted(FROM, FLAT_BASEPLATE));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String grant = made.json().path("id").asString();
        assertThat(added(before, DAY, "STOMA")).as("a product and a group of one area: once").isEqualTo(1);
        assertThat(added(grants.citizensWithGrantPerArea(FROM.minusDays(1)), FROM.minusDays(1), "STOMA"))
                .as("not before the grant's first day").isZero();

        Api.Response changed = caseworker.send("PUT", "/api/v1/grants/" + grant, "application/json", """
                {"validFrom":"%s","lines":[{"group":"CONTINENCE_PAD","quantity":6,"period":"MONTH"}]}""".formatted(FROM));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(added(before, DAY, "STOMA")).isZero();
        assertThat(added(before, DAY, "CONTINENCE")).isEqualTo(1);

        Map<String, Map<MunicipalityCode, Long>> beforeEnd = grants.citizensWithGrantPerArea(ENDS);
        Api.Response ended = caseworker.postJson("/api/v1/grants/" + grant + "/end",
                "{\"endsOn\":\"%s\",\"reason\":\"Bevillingen er ophørt\"}".formatted(ENDS));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(added(before, DAY, "CONTINENCE")).as("still in force before its end").isEqualTo(1);
        assertThat(added(beforeEnd, ENDS, "CONTINENCE")).as("no longer from the end day").isEqualTo(-1);
    }

    @Test
    void twoInstancesStartingAtOnceBuildTheCountsOnceFromTheGrantsAsTheDecisionsKeptThem() throws Exception {
        List<String> kept = all();
        assertThat(kept).isNotEmpty();
        jdbc.sql("update grants.area_span_state set built = false").update();

        try (var executor = Executors.newFixedThreadPool(2)) {
            CompletableFuture.allOf(CompletableFuture.runAsync(spans::buildIfNeeded, executor),
                    CompletableFuture.runAsync(spans::buildIfNeeded, executor)).get();
        }

        assertThat(all()).containsExactlyElementsOf(kept);
        assertThat(jdbc.sql("select built from grants.area_span_state").query(Boolean.class).single()).isTrue();
    }

    @Test
    void aRebuildInSmallBatchesLeavesNoCitizenHalfCounted() {
        Api caseworker = Api.as(port, "caseworker-aarhus", "demo");
        String citizen = Citizens.register(caseworker, "751", "Mange Linjer");
        assertThat(caseworker.postJson("/api/v1/citizens/" + citizen + "/grants", """
                {"validFrom":"%s","lines":[{"group":"STOMA_BASEPLATE","quantity":3,"period":"MONTH"},
                 {"group":"STOMA_BAG_TWO_PIECE","quantity":3,"period":"MONTH"},
                 {"group":"CONTINENCE_PAD","quantity":3,"period":"MONTH"}]}""".formatted(FROM)).status()).isEqualTo(201);
        List<String> kept = all();
        int mostLines = jdbc.sql("select max(n)::int from (select count(*) as n from grants.grant_line l join"
                + " grants.citizen_grant g on g.id = l.grant_id where not l.removed group by g.citizen_id) c")
                .query(Integer.class).single();

        transactions.executeWithoutResult(status -> spans.rebuildAll(mostLines + 1));

        assertThat(all()).containsExactlyElementsOf(kept);
    }

    private long added(Map<String, Map<MunicipalityCode, Long>> before, LocalDate day, String area) {
        return grants.citizensWithGrantPerArea(day).getOrDefault(area, Map.of()).getOrDefault(AARHUS, 0L)
                - before.getOrDefault(area, Map.of()).getOrDefault(AARHUS, 0L);
    }

    private List<String> all() {
        return jdbc.sql("select concat_ws(' ', citizen_id, area_code, paid_by, from_day, until_day) from grants.area_span"
                + " order by 1").query(String.class).list();
    }
}
