package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class BusinessCaseRepository {

    private record Header(UUID id, String name, BusinessCase.Kind kind, Map<String, BigDecimal> sourceFigures,
            @Nullable String sourceNote, Instant createdAt, String createdBy) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BusinessCaseRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, String name, BusinessCase.Kind kind, Map<String, BigDecimal> sourceFigures,
            @Nullable String sourceNote, Instant at, String by) {
        jdbc.sql("""
                insert into statistics.business_case (id, name, kind, source_figures, source_note, created_at, created_by)
                values (?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(id, name, kind.name(), json.writeValueAsString(sourceFigures), sourceNote, Timestamp.from(at),
                        by)
                .update();
    }

    /** Saves the next version of a case, numbered after the newest under a lock of the case's row. */
    int addVersion(UUID id, String label, Calculation calculation, Instant at, String by) {
        jdbc.sql("select id from statistics.business_case where id = ? for update").param(id).query(UUID.class).single();
        int number = jdbc.sql("select coalesce(max(version), 0) + 1 from statistics.business_case_version where case_id = ?")
                .param(id).query(Integer.class).single();
        jdbc.sql("""
                insert into statistics.business_case_version (case_id, version, label, inputs, results, saved_at, saved_by)
                values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(id, number, label, json.writeValueAsString(calculation.inputs()),
                        json.writeValueAsString(calculation.figures()), Timestamp.from(at), by)
                .update();
        return number;
    }

    List<BusinessCase> all() {
        List<BusinessCase> cases = new ArrayList<>();
        headers(null).forEach(header -> cases.add(withVersions(header)));
        return cases;
    }

    Optional<BusinessCase> find(UUID id) {
        return headers(id).stream().findFirst().map(this::withVersions);
    }

    private List<Header> headers(@Nullable UUID id) {
        return jdbc.sql("select id, name, kind, source_figures::text as source_figures, source_note, created_at,"
                + " created_by from statistics.business_case where ?::uuid is null or id = ? order by name, created_at")
                .params(id, id)
                .query((rs, row) -> new Header(rs.getObject("id", UUID.class), rs.getString("name"),
                        BusinessCase.Kind.valueOf(rs.getString("kind")),
                        json.readValue(rs.getString("source_figures"), new TypeReference<LinkedHashMap<String, BigDecimal>>() {
                        }), rs.getString("source_note"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by")))
                .list();
    }

    private BusinessCase withVersions(Header header) {
        List<BusinessCase.Version> versions = jdbc.sql("""
                select version, label, inputs::text as inputs, results::text as results, saved_at, saved_by
                from statistics.business_case_version where case_id = ? order by version""")
                .param(header.id())
                .query((rs, row) -> new BusinessCase.Version(rs.getInt("version"), rs.getString("label"),
                        new Calculation(json.readValue(rs.getString("inputs"),
                                new TypeReference<LinkedHashMap<String, String>>() {
                                }), json.readValue(rs.getString("results"),
                                        new TypeReference<List<Calculation.Figure>>() {
                                        })),
                        rs.getTimestamp("saved_at").toInstant(), rs.getString("saved_by")))
                .list();
        return new BusinessCase(header.id(), header.name(), header.kind(), header.sourceFigures(), header.sourceNote(),
                header.createdAt(), header.createdBy(), versions);
    }
}
