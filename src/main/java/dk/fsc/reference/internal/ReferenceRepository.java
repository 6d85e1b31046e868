package dk.fsc.reference.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.fsc.reference.Cluster;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.PopulationYear;
import dk.fsc.reference.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReferenceRepository {

    private static final String MUNICIPALITIES = """
            select m.code, m.name, m.region_code, m.cluster_name, p.population, p.year
            from reference.municipality m
            left join lateral (
                select population, year from reference.population
                where municipality_code = m.code order by year desc limit 1) p on true
            """;

    /** Region r has a municipality, and none without a figure in year y. */
    private static final String COMPLETE = """
            exists (select 1 from reference.municipality m where m.region_code = r.code)
            and not exists (select 1 from reference.municipality m where m.region_code = r.code
                and not exists (select 1 from reference.population p
                                where p.year = y.year and p.municipality_code = m.code))""";

    private final JdbcClient jdbc;

    ReferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Region> regions() {
        return jdbc.sql("select code, name from reference.region order by code")
                .query((rs, n) -> new Region(rs.getString("code"), rs.getString("name"))).list();
    }

    boolean regionExists(String code) {
        return jdbc.sql("select count(*) from reference.region where code = ?").param(code)
                .query(Long.class).single() > 0;
    }

    List<Municipality> municipalities() {
        return jdbc.sql(MUNICIPALITIES + " order by m.region_code, m.cluster_name nulls last, m.name")
                .query(ReferenceRepository::municipality).list();
    }

    Optional<Municipality> municipality(MunicipalityCode code) {
        return jdbc.sql(MUNICIPALITIES + " where m.code = ?").param(code.value())
                .query(ReferenceRepository::municipality).optional();
    }

    boolean municipalityNameTaken(String name) {
        return jdbc.sql("select count(*) from reference.municipality where lower(name) = lower(?)").param(name)
                .query(Long.class).single() > 0;
    }

    void insertMunicipality(MunicipalityCode code, String name, String regionCode, @Nullable String cluster) {
        jdbc.sql("insert into reference.municipality (code, name, region_code, cluster_name) values (?, ?, ?, ?)")
                .params(code.value(), name, regionCode, cluster).update();
    }

    Optional<String> clusterRegion(String cluster) {
        return jdbc.sql("select region_code from reference.cluster where name = ?").param(cluster)
                .query(String.class).optional();
    }

    void insertCluster(String name, String regionCode) {
        jdbc.sql("insert into reference.cluster (name, region_code) values (?, ?) on conflict do nothing")
                .params(name, regionCode).update();
    }

    List<Cluster> clusters() {
        Map<String, String> regions = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        jdbc.sql("""
                select c.name, c.region_code, m.code from reference.cluster c
                left join reference.municipality m on m.cluster_name = c.name
                order by c.region_code, c.name, m.code""").query(rs -> {
            String name = rs.getString("name");
            regions.put(name, rs.getString("region_code"));
            List<String> codes = members.computeIfAbsent(name, key -> new java.util.ArrayList<>());
            if (rs.getString("code") != null) {
                codes.add(rs.getString("code"));
            }
        });
        return regions.entrySet().stream()
                .map(entry -> new Cluster(entry.getKey(), entry.getValue(), List.copyOf(members.get(entry.getKey()))))
                .toList();
    }

    List<Integer> populationYears() {
        return jdbc.sql("select year from reference.population_year order by year desc").query(Integer.class).list();
    }

    Optional<PopulationYear> populationYear(int year) {
        record Header(String source, Instant importedAt, String importedBy) {
        }
        return jdbc.sql("select source, imported_at, imported_by from reference.population_year where year = ?")
                .param(year)
                .query((rs, n) -> new Header(rs.getString("source"),
                        rs.getObject("imported_at", OffsetDateTime.class).toInstant(), rs.getString("imported_by")))
                .optional()
                .map(header -> {
                    List<PopulationYear.Figure> figures = jdbc.sql("""
                            select m.code, m.name, p.population from reference.population p
                            join reference.municipality m on m.code = p.municipality_code
                            where p.year = ? order by m.code""").param(year)
                            .query((rs, n) -> new PopulationYear.Figure(rs.getString("code"), rs.getString("name"),
                                    rs.getInt("population")))
                            .list();
                    long total = figures.stream().mapToLong(PopulationYear.Figure::population).sum();
                    boolean partial = jdbc.sql("""
                            select exists (select 1 from reference.municipality m
                                where not exists (select 1 from reference.population p
                                                  where p.year = ? and p.municipality_code = m.code)
                                and exists (select 1 from reference.population p
                                            join reference.municipality o on o.code = p.municipality_code
                                            where p.year = ? and o.region_code = m.region_code))""")
                            .params(year, year).query(Boolean.class).single();
                    List<String> completeRegions = jdbc.sql("select r.code from reference.region r, "
                            + "(select ?::int as year) y where " + COMPLETE + " order by r.code")
                            .param(year).query(String.class).list();
                    return new PopulationYear(year, header.source(), header.importedAt(), header.importedBy(), total,
                            partial, completeRegions, figures);
                });
    }

    Optional<Integer> newestYearCompleteFor(String regionCode) {
        return jdbc.sql("select y.year from reference.population_year y, reference.region r where r.code = ? and "
                + COMPLETE + " order by y.year desc limit 1").param(regionCode).query(Integer.class).optional();
    }

    /**
     * Replaces a year's figures. The upsert of the year row comes first, so a concurrent
     * import of the same year waits for this one to commit.
     */
    void replacePopulationYear(int year, String source, Instant importedAt, String importedBy,
            Map<MunicipalityCode, Integer> figures) {
        jdbc.sql("""
                insert into reference.population_year (year, source, imported_at, imported_by) values (?, ?, ?, ?)
                on conflict (year) do update set source = excluded.source, imported_at = excluded.imported_at,
                    imported_by = excluded.imported_by""")
                .params(year, source, importedAt.atOffset(java.time.ZoneOffset.UTC), importedBy).update();
        jdbc.sql("delete from reference.population where year = ?").param(year).update();
        figures.forEach((code, population) -> jdbc
                .sql("insert into reference.population (year, municipality_code, population) values (?, ?, ?)")
                .params(year, code.value(), population).update());
    }

    private static Municipality municipality(ResultSet rs, int row) throws SQLException {
        return new Municipality(rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
                rs.getString("cluster_name"), (Integer) rs.getObject("population"), (Integer) rs.getObject("year"));
    }
}
