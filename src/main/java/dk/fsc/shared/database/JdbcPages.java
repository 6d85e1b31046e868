package dk.fsc.shared.database;

import java.util.ArrayList;
import java.util.List;

import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One page of a query: the total count and the rows of the page, with the same conditions. */
public final class JdbcPages {

    private JdbcPages() {
    }

    /**
     * @param table   the table (schema-qualified) to read
     * @param where   the SQL condition, with {@code ?} for each of {@code params}
     * @param orderBy a stable order, ending in a unique column
     */
    public static <T> Paged<T> page(JdbcClient jdbc, String columns, String table, String where, List<Object> params,
            String orderBy, RowMapper<T> rows, PageQuery page) {
        long total = jdbc.sql("select count(*) from " + table + " where " + where).params(params)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<T> items = jdbc.sql("select " + columns + " from " + table + " where " + where + " order by " + orderBy
                + " limit ? offset ?").params(pageParams).query(rows).list();
        return Paged.of(items, page, total);
    }
}
