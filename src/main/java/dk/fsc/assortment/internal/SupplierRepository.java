package dk.fsc.assortment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Suppliers and their contracts. */
@Repository
class SupplierRepository {

    private static final String SUPPLIER = "id, name, cvr, gln, contact_name, contact_email, contact_phone";
    private static final String CONTRACT = "c.id, c.tender_reference, c.supplier_id, s.name as supplier_name,"
            + " c.valid_from, c.valid_to, c.discount_percent, c.notes, array(select area_code from"
            + " assortment.contract_area a where a.contract_id = c.id order by area_code) as area_codes";
    private static final String CONTRACTS = " from assortment.contract c join assortment.supplier s"
            + " on s.id = c.supplier_id ";

    private final JdbcClient jdbc;

    SupplierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Supplier> suppliers() {
        return jdbc.sql("select " + SUPPLIER + " from assortment.supplier order by name")
                .query(SupplierRepository::supplier).list();
    }

    Optional<Supplier> supplier(UUID id) {
        return jdbc.sql("select " + SUPPLIER + " from assortment.supplier where id = ?").param(id)
                .query(SupplierRepository::supplier).optional();
    }

    /** The fields among name and cvr whose value another supplier than this one already has. */
    List<String> taken(Supplier supplier) {
        return jdbc.sql("select 'name' from assortment.supplier where id <> ? and lower(name) = lower(?)"
                + " union all select 'cvr' from assortment.supplier where id <> ? and cvr = ?")
                .params(supplier.id(), supplier.name(), supplier.id(), supplier.cvr()).query(String.class).list();
    }

    void insert(Supplier supplier) {
        jdbc.sql("insert into assortment.supplier (" + SUPPLIER + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(supplier.id(), supplier.name(), supplier.cvr(), supplier.gln(), supplier.contactName(),
                        supplier.contactEmail(), supplier.contactPhone())
                .update();
    }

    void update(Supplier supplier) {
        jdbc.sql("update assortment.supplier set name = ?, cvr = ?, gln = ?, contact_name = ?, contact_email = ?,"
                + " contact_phone = ? where id = ?")
                .params(supplier.name(), supplier.cvr(), supplier.gln(), supplier.contactName(),
                        supplier.contactEmail(), supplier.contactPhone(), supplier.id())
                .update();
    }

    /** @param supplierId only this supplier's; null for all */
    List<Contract> contracts(@Nullable UUID supplierId) {
        return jdbc.sql("select " + CONTRACT + CONTRACTS + " where ?::uuid is null or c.supplier_id = ?"
                + " order by c.valid_to, s.name").params(supplierId, supplierId)
                .query(SupplierRepository::contract).list();
    }

    /** Contracts still valid on {@code from} that end on or before {@code to}, soonest first. */
    List<Contract> expiring(LocalDate from, LocalDate to) {
        return jdbc.sql("select " + CONTRACT + CONTRACTS + " where c.valid_to >= ? and c.valid_to <= ?"
                + " order by c.valid_to, s.name").params(from, to).query(SupplierRepository::contract).list();
    }

    Optional<Contract> contract(UUID id) {
        return jdbc.sql("select " + CONTRACT + CONTRACTS + " where c.id = ?").param(id)
                .query(SupplierRepository::contract).optional();
    }

    boolean tenderTaken(Contract contract) {
        return jdbc.sql("select count(*) from assortment.contract where id <> ? and supplier_id = ?"
                + " and tender_reference = ?").params(contract.id(), contract.supplierId(), contract.tenderReference())
                .query(Long.class).single() > 0;
    }

    void insert(Contract contract) {
        jdbc.sql("insert into assortment.contract (id, tender_reference, supplier_id, valid_from, valid_to,"
                + " discount_percent, notes) values (?, ?, ?, ?, ?, ?, ?)")
                .params(contract.id(), contract.tenderReference(), contract.supplierId(), contract.validFrom(),
                        contract.validTo(), contract.discountPercent(), contract.notes())
                .update();
        insertAreas(contract);
    }

    void update(Contract contract) {
        jdbc.sql("update assortment.contract set tender_reference = ?, supplier_id = ?, valid_from = ?, valid_to = ?,"
                + " discount_percent = ?, notes = ? where id = ?")
                .params(contract.tenderReference(), contract.supplierId(), contract.validFrom(), contract.validTo(),
                        contract.discountPercent(), contract.notes(), contract.id())
                .update();
        jdbc.sql("delete from assortment.contract_area where contract_id = ?").param(contract.id()).update();
        insertAreas(contract);
    }

    private void insertAreas(Contract contract) {
        jdbc.sql("insert into assortment.contract_area (contract_id, area_code) select ?, unnest(?::text[])")
                .params(contract.id(), contract.areaCodes().toArray(String[]::new)).update();
    }

    private static Supplier supplier(ResultSet rs, int row) throws SQLException {
        return new Supplier(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("cvr"),
                rs.getString("gln"), rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getString("contact_phone"));
    }

    private static Contract contract(ResultSet rs, int row) throws SQLException {
        return new Contract(rs.getObject("id", UUID.class), rs.getString("tender_reference"),
                rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"),
                List.of((String[]) rs.getArray("area_codes").getArray()), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getBigDecimal("discount_percent"),
                rs.getString("notes"));
    }
}
