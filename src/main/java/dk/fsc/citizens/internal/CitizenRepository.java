package dk.fsc.citizens.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.citizens.CitizenView;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.database.JdbcPages;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CitizenRepository {

    private static final String COLUMNS = "id, cpr_encrypted, name, street, postal_code, city, municipality_code, phone, email";

    private final JdbcClient jdbc;

    CitizenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the citizen and their first address; false when the CPR hash is already taken. */
    boolean insert(Citizen citizen, byte[] cprHash, LocalDate since, Instant now, String by) {
        int inserted = jdbc.sql("insert into citizens.citizen (" + COLUMNS + ", cpr_hash, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (cpr_hash) do nothing")
                .params(citizen.id(), citizen.cprEncrypted(), citizen.name(), citizen.street(), citizen.postalCode(),
                        citizen.city(), citizen.municipalityCode(), citizen.phone(), citizen.email(), cprHash,
                        now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            return false;
        }
        insertAddress(citizen, since, now, by);
        return true;
    }

    Optional<UUID> idWithCprHash(byte[] cprHash) {
        return jdbc.sql("select id from citizens.citizen where cpr_hash = ?").param(cprHash).query(UUID.class)
                .optional();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select count(*) from citizens.citizen where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Locks the row, so that concurrent changes of one citizen run one after the other. */
    Optional<Citizen> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from citizens.citizen where id = ? for update").param(id)
                .query(CitizenRepository::citizen).optional();
    }

    Optional<Citizen> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from citizens.citizen where id = ?").param(id)
                .query(CitizenRepository::citizen).optional();
    }

    void updateContact(UUID id, @Nullable String phone, @Nullable String email, Instant now) {
        jdbc.sql("update citizens.citizen set phone = ?, email = ?, updated_at = ? where id = ?")
                .params(phone, email, now.atOffset(ZoneOffset.UTC), id).update();
    }

    void updateAddress(Citizen changed, LocalDate since, Instant now, String by) {
        jdbc.sql("update citizens.citizen set street = ?, postal_code = ?, city = ?, municipality_code = ?,"
                + " updated_at = ? where id = ?")
                .params(changed.street(), changed.postalCode(), changed.city(), changed.municipalityCode(),
                        now.atOffset(ZoneOffset.UTC), changed.id())
                .update();
        insertAddress(changed, since, now, by);
    }

    private void insertAddress(Citizen citizen, LocalDate since, Instant now, String by) {
        jdbc.sql("insert into citizens.address_history (citizen_id, street, postal_code, city, municipality_code,"
                + " valid_from, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(citizen.id(), citizen.street(), citizen.postalCode(), citizen.city(),
                        citizen.municipalityCode(), since, now.atOffset(ZoneOffset.UTC), by)
                .update();
    }

    List<CitizenView.AddressPeriod> addressHistory(UUID id) {
        return jdbc.sql("select street, postal_code, city, municipality_code, valid_from from citizens.address_history"
                + " where citizen_id = ? order by valid_from desc, id desc").param(id)
                .query((rs, n) -> new CitizenView.AddressPeriod(rs.getString("street"), rs.getString("postal_code"),
                        rs.getString("city"), rs.getString("municipality_code"),
                        rs.getObject("valid_from", LocalDate.class)))
                .list();
    }

    /** What a search looks for (one of them) and within which scope the caller may see. */
    record Criteria(@Nullable byte[] cprHash, @Nullable String name, @Nullable String phone) {
    }

    record Scope(boolean all, @Nullable String municipality, @Nullable UUID citizen) {
    }

    Paged<Citizen> search(Criteria criteria, Scope scope, PageQuery page) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (criteria.cprHash() != null) {
            conditions.add("cpr_hash = ?");
            params.add(criteria.cprHash());
        } else if (criteria.name() != null) {
            conditions.add("name_folded like citizens.fold_name(?) escape '\\'");
            params.add("%" + criteria.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        } else if (criteria.phone() != null) {
            conditions.add("phone = ?");
            params.add(criteria.phone());
        }
        if (!scope.all()) {
            if (scope.municipality() != null) {
                conditions.add("municipality_code = ?");
                params.add(scope.municipality());
            } else if (scope.citizen() != null) {
                conditions.add("id = ?");
                params.add(scope.citizen());
            } else {
                conditions.add("false");
            }
        }
        String where = conditions.isEmpty() ? "true" : String.join(" and ", conditions);
        return JdbcPages.page(jdbc, COLUMNS, "citizens.citizen", where, params, "name, id", CitizenRepository::citizen,
                page);
    }

    private static Citizen citizen(ResultSet rs, int row) throws SQLException {
        return new Citizen(rs.getObject("id", UUID.class), rs.getBytes("cpr_encrypted"), rs.getString("name"),
                rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
                rs.getString("municipality_code"), rs.getString("phone"), rs.getString("email"));
    }
}
