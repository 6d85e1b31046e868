package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dk.fsc.invoicing.ChargeKind;
import dk.fsc.reference.Payer;
import dk.fsc.shared.LargestRemainder;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Named, versioned shared costs ("FSC base contribution 2027"): written by one finance user with
 * a preview, approved by a second (four eyes), then charged: once, or each payer's share spread
 * over the months through the one split (a yearly amount over 12 months sums exactly to the year).
 * A new version of a name is a new allocation; an approved one never changes.
 */
@Service
class NamedAllocations {

    private final JdbcClient jdbc;
    private final Allocator allocator;
    private final ChargeRepository charges;
    private final JsonMapper json;
    private final Clock clock;

    NamedAllocations(JdbcClient jdbc, Allocator allocator, ChargeRepository charges, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.allocator = allocator;
        this.charges = charges;
        this.json = json;
        this.clock = clock;
    }

    record Draft(@Nullable String name, @Nullable Long amountOre, @Nullable KeyInput key,
            @Nullable YearMonth firstMonth, @Nullable Integer months) {
    }

    record NamedAllocation(UUID id, String name, int version, long amountOre, KeyInput key, YearMonth firstMonth,
            int months, Instant createdAt, String createdBy, @Nullable Instant approvedAt,
            @Nullable String approvedBy) {
    }

    record WithPreview(NamedAllocation allocation, Allocation preview) {
    }

    @Transactional
    public WithPreview create(Draft draft, String by) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.name() == null || draft.name().isBlank() || draft.name().strip().length() > 200) {
            errors.add(FieldError.of("name", "invoicing.error.name"));
        }
        if (draft.firstMonth() == null) {
            errors.add(FieldError.of("firstMonth", "invoicing.error.required"));
        }
        if (draft.months() == null || draft.months() < 1 || draft.months() > 120) {
            errors.add(FieldError.of("months", "invoicing.error.months"));
        }
        if (draft.amountOre() == null) {
            errors.add(FieldError.of("amountOre", "invoicing.error.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The allocation has invalid fields.", errors);
        }
        Allocation preview = allocator.allocate(draft.amountOre(), draft.key());
        String name = draft.name().strip();
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("allocation:" + name)
                .query((rs, n) -> 1).list();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from invoicing.allocation where name = ?")
                .param(name).query(Integer.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into invoicing.allocation (id, name, version, amount_ore, allocation_key, first_month, months,
                    created_at, created_by) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(id, name, version, draft.amountOre(), json.writeValueAsString(draft.key()),
                        draft.firstMonth().atDay(1), draft.months(), clock.instant().atOffset(ZoneOffset.UTC), by)
                .update();
        return new WithPreview(find(id), preview);
    }

    @Transactional(readOnly = true)
    public List<NamedAllocation> all() {
        return jdbc.sql("select * from invoicing.allocation order by name, version").query(this::row).list();
    }

    @Transactional(readOnly = true)
    public WithPreview get(UUID id) {
        NamedAllocation allocation = find(id);
        return new WithPreview(allocation, allocator.allocate(allocation.amountOre(), allocation.key()));
    }

    /** A second finance user approves; the shares are charged then, month by month. */
    @Transactional
    public WithPreview approve(UUID id, String by) {
        NamedAllocation allocation = jdbc.sql("select * from invoicing.allocation where id = ? for update").param(id)
                .query(this::row).optional().orElseThrow(() -> new NotFoundException("There is no allocation " + id));
        if (allocation.approvedBy() != null) {
            throw new ConflictException("The allocation is approved already.",
                    List.of(FieldError.of("approvedBy", "invoicing.error.approved")));
        }
        if (allocation.createdBy().equals(by)) {
            throw new ConflictException("The allocation must be approved by another finance user than its author.",
                    List.of(FieldError.of("approvedBy", "invoicing.error.fourEyes")));
        }
        Allocation shares = allocator.allocate(allocation.amountOre(), allocation.key());
        Instant now = clock.instant();
        jdbc.sql("update invoicing.allocation set approved_at = ?, approved_by = ? where id = ?")
                .params(now.atOffset(ZoneOffset.UTC), by, id).update();
        Map<Payer, Long> perPayer = new TreeMap<>(Payer.TIE_ORDER);
        shares.shares().forEach(share -> perPayer.merge(share.payer(), share.amountOre(), Long::sum));
        String label = allocation.name() + " (version " + allocation.version() + ")";
        perPayer.forEach((payer, amount) -> {
            List<Long> months = LargestRemainder.evenly(amount, allocation.months());
            for (int i = 0; i < months.size(); i++) {
                YearMonth month = allocation.firstMonth().plusMonths(i);
                LocalDate period = month.atDay(1);
                charges.record(new Charge(UUID.randomUUID(), "allocation:" + id + ":" + payer.kind() + payer.code() + ":"
                        + month, ChargeKind.ALLOCATION, payer, period, "ALLOCATION", id.toString(), null,
                        allocation.months() == 1 ? label : label + ", måned " + (i + 1) + " af " + allocation.months(),
                        1, "MONTH", months.get(i), "MONTH", BigDecimal.ZERO, months.get(i), "allocation",
                        allocation.firstMonth().atDay(1), charges.vatExempt(ChargeKind.ALLOCATION, null)), now);
            }
        });
        return new WithPreview(find(id), shares);
    }

    private NamedAllocation find(UUID id) {
        return jdbc.sql("select * from invoicing.allocation where id = ?").param(id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("There is no allocation " + id));
    }

    private NamedAllocation row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime approvedAt = rs.getObject("approved_at", OffsetDateTime.class);
        return new NamedAllocation(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("version"),
                rs.getLong("amount_ore"), json.readValue(rs.getString("allocation_key"), KeyInput.class),
                YearMonth.from(rs.getObject("first_month", LocalDate.class)), rs.getInt("months"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                approvedAt == null ? null : approvedAt.toInstant(), rs.getString("approved_by"));
    }
}
