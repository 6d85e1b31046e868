package dk.fsc.grants.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.grants.GrantId;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.LimitPeriod;
import dk.fsc.reference.MunicipalityCode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class GrantRepository {

    private static final String COLUMNS = "id, citizen_id, municipality_code, valid_from, valid_to, delivery_street,"
            + " delivery_postal_code, delivery_city, note, ends_on, end_reason, revision, created_at, created_by";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AreaSpans spans;

    GrantRepository(JdbcClient jdbc, JsonMapper json, AreaSpans spans) {
        this.jdbc = jdbc;
        this.json = json;
        this.spans = spans;
    }

    void insert(Grant grant) {
        GrantedLine.DeliveryAddress address = grant.deliveryAddress();
        jdbc.sql("insert into grants.citizen_grant (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(grant.id(), grant.citizenId(), grant.municipalityCode(), grant.validFrom(), grant.validTo(),
                        address == null ? null : address.street(), address == null ? null : address.postalCode(),
                        address == null ? null : address.city(), grant.note(), grant.endsOn(), grant.endReason(),
                        grant.revision(), utc(grant.createdAt()), grant.createdBy())
                .update();
        insertLines(grant);
        spans.refresh(grant.citizenId());
    }

    /** Saves a changed grant: its terms, its current lines, and the lines it no longer has as removed. */
    void update(Grant grant) {
        GrantedLine.DeliveryAddress address = grant.deliveryAddress();
        jdbc.sql("update grants.citizen_grant set valid_from = ?, valid_to = ?, delivery_street = ?,"
                + " delivery_postal_code = ?, delivery_city = ?, note = ?, ends_on = ?, end_reason = ?, revision = ?"
                + " where id = ?")
                .params(grant.validFrom(), grant.validTo(), address == null ? null : address.street(),
                        address == null ? null : address.postalCode(), address == null ? null : address.city(),
                        grant.note(), grant.endsOn(), grant.endReason(), grant.revision(), grant.id())
                .update();
        jdbc.sql("update grants.grant_line set removed = true, position = -1 where grant_id = ?").param(grant.id())
                .update();
        for (int i = 0; i < grant.lines().size(); i++) {
            Grant.Line line = grant.lines().get(i);
            int updated = jdbc.sql("update grants.grant_line set removed = false, position = ?, quantity = ?,"
                    + " period = ? where id = ? and grant_id = ?")
                    .params(i, line.quantity(), line.period().name(), line.id(), grant.id()).update();
            if (updated == 0) {
                insertLine(grant.id(), i, line);
            }
        }
        spans.refresh(grant.citizenId());
    }

    private void insertLines(Grant grant) {
        for (int i = 0; i < grant.lines().size(); i++) {
            insertLine(grant.id(), i, grant.lines().get(i));
        }
    }

    private void insertLine(UUID grantId, int position, Grant.Line line) {
        Grant.Target target = line.target();
        jdbc.sql("insert into grants.grant_line (id, grant_id, position, product_id, area_code, group_code, quantity,"
                + " period) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(line.id(), grantId, position, target.productId() == null ? null : target.productId().value(),
                        target.areaCode(), target.groupCode(), line.quantity(), line.period().name())
                .update();
    }

    void recordRevision(Grant grant, String change, Instant at, String by) {
        jdbc.sql("insert into grants.grant_revision (grant_id, revision, decided_at, decided_by, change, grant_data)"
                + " values (?, ?, ?, ?, ?, ?::jsonb)")
                .params(grant.id(), grant.revision(), utc(at), by, change, json.writeValueAsString(grant)).update();
    }

    record Revision(int revision, Instant decidedAt, String decidedBy, String change, String grant) {
    }

    List<Revision> revisions(UUID grantId) {
        return jdbc.sql("select revision, decided_at, decided_by, change, grant_data::text from grants.grant_revision"
                + " where grant_id = ? order by revision")
                .param(grantId)
                .query((rs, i) -> new Revision(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    Optional<Grant> find(UUID id) {
        return one("select " + COLUMNS + " from grants.citizen_grant where id = ?", id);
    }

    Optional<Grant> findForUpdate(UUID id) {
        return one("select " + COLUMNS + " from grants.citizen_grant where id = ? for update", id);
    }

    private Optional<Grant> one(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(this::grantWithoutLines).optional()
                .map(grant -> withLines(List.of(grant)).getFirst());
    }

    /** The citizen's grants, newest first. */
    List<Grant> ofCitizen(UUID citizenId) {
        return withLines(jdbc.sql("select " + COLUMNS + " from grants.citizen_grant where citizen_id = ?"
                + " order by valid_from desc, created_at desc").param(citizenId).query(this::grantWithoutLines).list());
    }

    /**
     * Grants of a municipality that are still in force on {@code day} or start later and are
     * not yet kept for a move's transition.
     */
    List<Grant> ofCitizenInMunicipalityFrom(UUID citizenId, String municipality, LocalDate day) {
        return withLines(jdbc.sql("select " + COLUMNS + " from grants.citizen_grant where citizen_id = ?"
                + " and municipality_code = ? and (ends_on is null or ends_on > ?) and (valid_to is null or valid_to >= ?)"
                + " and transition_from is null for update")
                .params(citizenId, municipality, day, day).query(this::grantWithoutLines).list());
    }

    /** How long a move's transition lasts at most, and who pays meanwhile (one row of data). */
    record MoveTransitionRule(int days, boolean oldMunicipalityPays) {
    }

    MoveTransitionRule moveTransitionRule() {
        return jdbc.sql("select days, paid_by = 'OLD_MUNICIPALITY' from grants.move_transition_rule")
                .query((rs, i) -> new MoveTransitionRule(rs.getInt(1), rs.getBoolean(2))).single();
    }

    /** Keeps the grant for a move's transition from {@code from}: ordered under it, {@code paidBy} pays. */
    void keepForTransition(UUID grantId, LocalDate from, String to, String paidBy) {
        jdbc.sql("update grants.citizen_grant set transition_from = ?, transition_to = ?, transition_paid_by = ?"
                + " where id = ? returning citizen_id").params(from, to, paidBy, grantId).query(UUID.class).optional()
                .ifPresent(spans::refresh);
    }

    /** A grant kept for a move's transition that starts on {@code from}. */
    record InTransition(Grant grant, LocalDate from) {
    }

    /** The citizen's grants kept for their move to {@code municipality} that are in force on {@code day} or later. */
    List<InTransition> inTransitionTo(UUID citizenId, String municipality, LocalDate day) {
        List<Grant> grants = withLines(jdbc.sql("select " + COLUMNS + " from grants.citizen_grant where citizen_id = ?"
                + " and transition_to = ? and ends_on > ? for update")
                .params(citizenId, municipality, day).query(this::grantWithoutLines).list());
        Map<UUID, LocalDate> from = new HashMap<>();
        jdbc.sql("select id, transition_from from grants.citizen_grant where id = any(?)")
                .param(grants.stream().map(Grant::id).toArray(UUID[]::new))
                .query(rs -> {
                    from.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class));
                });
        return grants.stream().map(grant -> new InTransition(grant, from.get(grant.id()))).toList();
    }

    List<GrantedLine> linesInForce(UUID citizenId, LocalDate day) {
        return jdbc.sql("""
                select g.id, l.id,
                       case when g.transition_from <= ? then g.transition_paid_by else g.municipality_code end,
                       l.product_id, l.area_code, l.group_code, l.quantity, l.period,
                       g.valid_from, g.delivery_street, g.delivery_postal_code, g.delivery_city
                from grants.citizen_grant g join grants.grant_line l on l.grant_id = g.id and not l.removed
                where g.citizen_id = ? and g.valid_from <= ? and (g.valid_to is null or g.valid_to >= ?)
                  and (g.ends_on is null or g.ends_on > ?)
                order by g.valid_from, g.created_at, l.position""")
                .params(day, citizenId, day, day, day)
                .query((rs, i) -> new GrantedLine(new GrantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                        new MunicipalityCode(rs.getString(3)), productId(rs, 4), rs.getString(5), rs.getString(6), rs.getInt(7),
                        LimitPeriod.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class), address(rs, 10)))
                .list();
    }

    private List<Grant> withLines(List<Grant> grants) {
        if (grants.isEmpty()) {
            return grants;
        }
        Map<UUID, List<Grant.Line>> lines = new LinkedHashMap<>();
        grants.forEach(grant -> lines.put(grant.id(), new ArrayList<>()));
        jdbc.sql("select grant_id, id, product_id, area_code, group_code, quantity, period from grants.grant_line"
                + " where grant_id = any(?) and not removed order by position")
                .param(grants.stream().map(Grant::id).toArray(UUID[]::new))
                .query(rs -> {
                    lines.get(rs.getObject(1, UUID.class)).add(new Grant.Line(rs.getObject(2, UUID.class),
                            new Grant.Target(productId(rs, 3), rs.getString(4), rs.getString(5)), rs.getInt(6),
                            LimitPeriod.valueOf(rs.getString(7))));
                });
        return grants.stream().map(grant -> new Grant(grant.id(), grant.citizenId(), grant.municipalityCode(),
                grant.validFrom(), grant.validTo(), grant.deliveryAddress(), grant.note(), grant.endsOn(),
                grant.endReason(), grant.revision(), grant.createdAt(), grant.createdBy(),
                List.copyOf(lines.get(grant.id())))).toList();
    }

    private Grant grantWithoutLines(ResultSet rs, int row) throws SQLException {
        return new Grant(rs.getObject("id", UUID.class), rs.getObject("citizen_id", UUID.class),
                rs.getString("municipality_code"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), address(rs, 6), rs.getString("note"),
                rs.getObject("ends_on", LocalDate.class), rs.getString("end_reason"), rs.getInt("revision"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"), List.of());
    }

    private static GrantedLine.@Nullable DeliveryAddress address(ResultSet rs, int firstColumn) throws SQLException {
        String street = rs.getString(firstColumn);
        return street == null ? null
                : new GrantedLine.DeliveryAddress(street, rs.getString(firstColumn + 1), rs.getString(firstColumn + 2));
    }

    private static @Nullable ProductId productId(ResultSet rs, int column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new ProductId(id);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
