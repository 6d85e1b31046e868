package dk.fsc.assortment.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.assortment.HoleRange;
import dk.fsc.assortment.ProductView;
import dk.fsc.shared.database.JdbcPages;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProductRepository {

    private static final String COLUMNS = "p.id, p.item_number, p.supplier_id, s.name as supplier_name,"
            + " p.supplier_item_number, p.gtin, p.name, p.description, p.area_code, p.group_code, p.iso_code, p.unit,"
            + " p.pack_size, p.active_from, p.active_to, p.replaced_by, p.hole_min_mm, p.hole_max_mm,"
            + " p.device_functions, p.dose_slots";
    private static final String FROM = "assortment.product p join assortment.supplier s on s.id = p.supplier_id";
    private static final String ACTIVE_ON = "p.active_from <= ? and (p.active_to is null or p.active_to >= ?)";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Product product) {
        jdbc.sql("insert into assortment.product (id, item_number, supplier_id, supplier_item_number, gtin, name,"
                + " description, area_code, group_code, iso_code, unit, pack_size, active_from, active_to, replaced_by,"
                + " hole_min_mm, hole_max_mm, device_functions, dose_slots)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(product.id(), product.itemNumber(), product.supplierId(), product.supplierItemNumber(),
                        product.gtin(), product.name(), product.description(), product.areaCode(),
                        product.groupCode(), product.isoCode(), product.unit(), product.packSize(),
                        product.activeFrom(), product.activeTo(), product.replacedBy(), holeMin(product),
                        holeMax(product), functions(product), doseSlots(product))
                .update();
    }

    void update(Product product) {
        jdbc.sql("update assortment.product set item_number = ?, supplier_id = ?, supplier_item_number = ?, gtin = ?,"
                + " name = ?, description = ?, area_code = ?, group_code = ?, iso_code = ?, unit = ?, pack_size = ?,"
                + " active_from = ?, active_to = ?, replaced_by = ?, hole_min_mm = ?, hole_max_mm = ?,"
                + " device_functions = ?, dose_slots = ? where id = ?")
                .params(product.itemNumber(), product.supplierId(), product.supplierItemNumber(), product.gtin(),
                        product.name(), product.description(), product.areaCode(), product.groupCode(),
                        product.isoCode(), product.unit(), product.packSize(), product.activeFrom(),
                        product.activeTo(), product.replacedBy(), holeMin(product), holeMax(product),
                        functions(product), doseSlots(product), product.id())
                .update();
    }

    Optional<Product> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where p.id = ?").param(id)
                .query(ProductRepository::product).optional();
    }

    /** The product whose GTIN is {@code gtin14} once both are written with 14 digits (a GTIN-13 gets a leading 0). */
    Optional<Product> findByGtin14(String gtin14) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where lpad(p.gtin, 14, '0') = ?").param(gtin14)
                .query(ProductRepository::product).optional();
    }

    List<Product> findAll(Collection<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where p.id = any(?)")
                .param(ids.toArray(UUID[]::new)).query(ProductRepository::product).list();
    }

    /** The fields among itemNumber, supplierItemNumber and gtin whose value another product already has. */
    List<String> taken(Product product) {
        return jdbc.sql("select coalesce(bool_or(item_number = ?), false),"
                + " coalesce(bool_or(supplier_id = ? and supplier_item_number = ?), false),"
                + " coalesce(bool_or(gtin = ?), false) from assortment.product where id <> ?")
                .params(product.itemNumber(), product.supplierId(), product.supplierItemNumber(), product.gtin(),
                        product.id())
                .query((rs, n) -> {
                    List<String> fields = new ArrayList<>();
                    if (rs.getBoolean(1)) {
                        fields.add("itemNumber");
                    }
                    if (rs.getBoolean(2)) {
                        fields.add("supplierItemNumber");
                    }
                    if (rs.getBoolean(3)) {
                        fields.add("gtin");
                    }
                    return fields;
                }).single();
    }

    /** The products of a supplier by the supplier's item number. */
    Map<String, UUID> idsBySupplierItemNumber(UUID supplierId) {
        return jdbc.sql("select supplier_item_number, id from assortment.product where supplier_id = ?")
                .param(supplierId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<Product> activeInArea(String areaCode, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where p.area_code = ? and " + ACTIVE_ON
                + " order by p.name, p.item_number").params(areaCode, date, date)
                .query(ProductRepository::product).list();
    }

    List<Product> activeInGroup(String groupCode, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where p.group_code = ? and " + ACTIVE_ON
                + " order by p.name, p.item_number").params(groupCode, date, date)
                .query(ProductRepository::product).list();
    }

    /** The products that name {@code id} as their replacement. */
    List<Product> replacing(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where p.replaced_by = ? order by p.name")
                .param(id).query(ProductRepository::product).list();
    }

    /**
     * @param text   part of the name, or the start of an item number (FSC's or the supplier's), GTIN or ISO code
     * @param active whether active on {@code on}; null for both
     */
    record Criteria(@Nullable String areaCode, @Nullable String groupCode, @Nullable UUID supplierId,
            @Nullable String text, @Nullable Boolean active, LocalDate on) {
    }

    Paged<Product> search(Criteria criteria, PageQuery page) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (criteria.areaCode() != null) {
            conditions.add("p.area_code = ?");
            params.add(criteria.areaCode());
        }
        if (criteria.groupCode() != null) {
            conditions.add("p.group_code = ?");
            params.add(criteria.groupCode());
        }
        if (criteria.supplierId() != null) {
            conditions.add("p.supplier_id = ?");
            params.add(criteria.supplierId());
        }
        if (criteria.text() != null) {
            String text = criteria.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            conditions.add("(lower(p.name) like ? escape '\\' or lower(p.item_number) like ? escape '\\'"
                    + " or lower(p.supplier_item_number) like ? escape '\\' or p.gtin like ? escape '\\'"
                    + " or replace(p.iso_code, ' ', '') like ? escape '\\')");
            params.add("%" + text + "%");
            params.add(text + "%");
            params.add(text + "%");
            params.add(text + "%");
            params.add(text.replace(" ", "") + "%");
        }
        if (criteria.active() != null) {
            conditions.add((criteria.active() ? "" : "not ") + "(" + ACTIVE_ON + ")");
            params.add(criteria.on());
            params.add(criteria.on());
        }
        String where = conditions.isEmpty() ? "true" : String.join(" and ", conditions);
        return JdbcPages.page(jdbc, COLUMNS, FROM, where, params, "p.name, p.item_number",
                ProductRepository::product, page);
    }

    private static @Nullable Integer holeMin(Product product) {
        return product.holeCutting() == null ? null : product.holeCutting().minMm();
    }

    private static @Nullable Integer holeMax(Product product) {
        return product.holeCutting() == null ? null : product.holeCutting().maxMm();
    }

    private static String @Nullable [] functions(Product product) {
        return product.device() == null ? null
                : product.device().functions().stream().sorted().toArray(String[]::new);
    }

    private static @Nullable Integer doseSlots(Product product) {
        return product.device() == null ? null : product.device().doseSlots();
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        int holeMin = rs.getInt("hole_min_mm");
        HoleRange holes = rs.wasNull() ? null : new HoleRange(holeMin, rs.getInt("hole_max_mm"));
        Array functions = rs.getArray("device_functions");
        ProductView.DeviceModel device = null;
        if (functions != null) {
            int slots = rs.getInt("dose_slots");
            device = new ProductView.DeviceModel(new java.util.TreeSet<>(Arrays.asList((String[]) functions.getArray())),
                    rs.wasNull() ? null : slots);
        }
        return new Product(rs.getObject("id", UUID.class), rs.getString("item_number"),
                rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"),
                rs.getString("supplier_item_number"), rs.getString("gtin"), rs.getString("name"),
                rs.getString("description"), rs.getString("area_code"), rs.getString("group_code"),
                rs.getString("iso_code"), rs.getString("unit"), rs.getInt("pack_size"),
                rs.getObject("active_from", LocalDate.class), rs.getObject("active_to", LocalDate.class),
                rs.getObject("replaced_by", UUID.class), holes, device);
    }
}
