package dk.fsc.invoicing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dk.fsc.invoicing.ChargeKind;
import dk.fsc.reference.Payer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger of charges: rows are only ever added. */
@Repository
class ChargeRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ChargeRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private static final String INSERT = """
            insert into invoicing.charge (id, source_key, kind, payer_kind, payer_code, period, cause_type, cause_id,
                citizen_id, description, quantity, quantity_unit, unit_price_ore, price_unit, discount_percent,
                amount_ore, price_basis, price_valid_from, vat_exempt, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (source_key) do nothing""";

    /** False when a charge for the same source fact exists already. */
    boolean record(Charge charge, Instant at) {
        return jdbc.sql(INSERT).params(values(charge, at)).update() == 1;
    }

    /** Records many charges in batches (a month's leases and storage); those whose source fact has one already are skipped. */
    void recordAll(List<Charge> charges, Instant at) {
        batch.batchUpdate(INSERT, charges.stream().map(charge -> values(charge, at)).toList());
    }

    private static Object[] values(Charge charge, Instant at) {
        return new Object[] { charge.id(), charge.sourceKey(), charge.kind().name(), charge.payer().kind().name(),
                charge.payer().code(), charge.period(), charge.causeType(), charge.causeId(), charge.citizenId(),
                charge.description(), charge.quantity(), charge.quantityUnit(), charge.unitPriceOre(),
                charge.priceUnit(), charge.discountPercent(), charge.amountOre(), charge.priceBasis(),
                charge.priceValidFrom(), charge.vatExempt(), at.atOffset(ZoneOffset.UTC) };
    }

    boolean exists(String sourceKey) {
        return jdbc.sql("select exists (select 1 from invoicing.charge where source_key = ?)").param(sourceKey)
                .query(Boolean.class).single();
    }

    /** Every charge of a cause, oldest first. */
    List<Charge> ofCause(String causeType, String causeId) {
        return jdbc.sql("select * from invoicing.charge where cause_type = ? and cause_id = ? order by recorded_at, id")
                .params(causeType, causeId).query(ChargeRepository::charge).list();
    }

    /** Serializes the recording of charges for one cause (e.g. the revisions of a contact). */
    void lockCause(String causeType, String causeId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(causeType + ":" + causeId)
                .query((rs, n) -> 1).list();
    }

    boolean vatExempt(ChargeKind kind, @Nullable UUID productId) {
        return jdbc.sql("select exists (select 1 from invoicing.vat_exemption where kind = ?"
                + " and (product_id is null or product_id = ?))").params(kind.name(), productId)
                .query(Boolean.class).single();
    }

    /** The charges billed on an invoice line (by its invoice, kind, period and VAT), in the order recorded. */
    List<Charge> ofLine(UUID invoiceId, String kind, LocalDate period, boolean vatExempt, int limit) {
        return jdbc.sql("""
                select c.* from invoicing.invoiced_charge ic join invoicing.charge c on c.id = ic.charge_id
                where ic.invoice_id = ? and c.kind = ? and c.period = ? and c.vat_exempt = ?
                order by c.citizen_id nulls last, c.recorded_at, c.id limit ?""")
                .params(invoiceId, kind, period, vatExempt, limit).query(ChargeRepository::charge).list();
    }

    static Charge charge(ResultSet rs, int row) throws SQLException {
        return new Charge(rs.getObject("id", UUID.class), rs.getString("source_key"),
                ChargeKind.valueOf(rs.getString("kind")),
                new Payer(Payer.Kind.valueOf(rs.getString("payer_kind")), rs.getString("payer_code")),
                rs.getObject("period", LocalDate.class), rs.getString("cause_type"), rs.getString("cause_id"),
                rs.getObject("citizen_id", UUID.class), rs.getString("description"), rs.getLong("quantity"),
                rs.getString("quantity_unit"), rs.getLong("unit_price_ore"), rs.getString("price_unit"),
                rs.getBigDecimal("discount_percent"), rs.getLong("amount_ore"), rs.getString("price_basis"),
                rs.getObject("price_valid_from", LocalDate.class), rs.getBoolean("vat_exempt"));
    }
}
