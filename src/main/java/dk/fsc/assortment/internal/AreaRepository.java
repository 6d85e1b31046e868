package dk.fsc.assortment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Product areas, their groups and the functions a device model can have. */
@Repository
class AreaRepository {

    private final JdbcClient jdbc;

    AreaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Area> areas() {
        Map<String, List<Area.Group>> groups = new LinkedHashMap<>();
        groups().forEach(group -> groups.computeIfAbsent(group.areaCode(), code -> new ArrayList<>()).add(group));
        return jdbc.sql("select code, name_da, name_en, kind from assortment.area order by name_da")
                .query((rs, n) -> new Area(rs.getString("code"), rs.getString("name_da"), rs.getString("name_en"),
                        Area.Kind.valueOf(rs.getString("kind")), groups.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    Optional<Area> area(String code) {
        return areas().stream().filter(area -> area.code().equals(code)).findFirst();
    }

    boolean areaExists(String code) {
        return jdbc.sql("select count(*) from assortment.area where code = ?").param(code).query(Long.class)
                .single() > 0;
    }

    List<Area.Group> groups() {
        return jdbc.sql("select code, area_code, name_da, name_en, hole_cutting from assortment.product_group"
                + " order by area_code, name_da")
                .query((rs, n) -> new Area.Group(rs.getString("code"), rs.getString("area_code"),
                        rs.getString("name_da"), rs.getString("name_en"), rs.getBoolean("hole_cutting")))
                .list();
    }

    Optional<Area.Group> group(String code) {
        return groups().stream().filter(group -> group.code().equals(code)).findFirst();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select (select count(*) from assortment.area where code = ?)"
                + " + (select count(*) from assortment.product_group where code = ?)").params(code, code)
                .query(Long.class).single() > 0;
    }

    void insertArea(Area area) {
        jdbc.sql("insert into assortment.area (code, name_da, name_en, kind) values (?, ?, ?, ?)")
                .params(area.code(), area.nameDa(), area.nameEn(), area.kind().name()).update();
    }

    void insertGroup(Area.Group group) {
        jdbc.sql("insert into assortment.product_group (code, area_code, name_da, name_en, hole_cutting)"
                + " values (?, ?, ?, ?, ?)")
                .params(group.code(), group.areaCode(), group.nameDa(), group.nameEn(), group.holeCutting()).update();
    }

    /** The functions a device model may have. */
    List<DeviceFunction> deviceFunctions() {
        return jdbc.sql("select code, name_da, name_en from assortment.device_function order by code")
                .query((rs, n) -> new DeviceFunction(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    record DeviceFunction(String code, String nameDa, String nameEn) implements Bilingual {
    }
}
