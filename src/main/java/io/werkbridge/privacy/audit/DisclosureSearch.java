package io.werkbridge.privacy.audit;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads disclosure records, newest first, by subject reference, destination and time range. Portable SQL only. */
public final class DisclosureSearch {

    private final JdbcTemplate jdbc;

    public DisclosureSearch(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public List<DisclosureEntry> find(DisclosureQuery query) {
        StringBuilder sql = new StringBuilder(StoredDisclosure.SELECT).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.subject() != null) {
            // subject_refs is a comma-separated list: match one whole element, no LIKE wildcards involved
            sql.append(" AND POSITION(? IN ',' || COALESCE(subject_refs, '') || ',') > 0");
            args.add("," + query.subject() + ",");
        }
        if (query.destination() != null) {
            sql.append(" AND destination = ?");
            args.add(query.destination());
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(query.to().atOffset(ZoneOffset.UTC));
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), StoredDisclosure::read, args.toArray()).stream().map(DisclosureEntry::of).toList();
    }
}
