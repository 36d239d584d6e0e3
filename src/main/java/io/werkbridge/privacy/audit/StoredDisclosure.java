package io.werkbridge.privacy.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One {@code disclosure} row as stored: the hashed column values in {@link DisclosureHash#COLUMNS} order. */
record StoredDisclosure(long id, List<String> values, String prevHash, String recordHash) {

    /** The select list that {@link #read} maps. */
    static final String SELECT = "SELECT id, " + String.join(", ", DisclosureHash.COLUMNS)
            + ", prev_hash, record_hash FROM disclosure";

    StoredDisclosure {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    static StoredDisclosure read(ResultSet rs, int rowNum) throws SQLException {
        List<String> values = new ArrayList<>(DisclosureHash.COLUMNS.size());
        OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
        values.add(at == null ? null : at.toInstant().toString());
        for (String column : DisclosureHash.COLUMNS.subList(1, DisclosureHash.COLUMNS.size())) {
            values.add(rs.getString(column));
        }
        return new StoredDisclosure(rs.getLong("id"), values, rs.getString("prev_hash"), rs.getString("record_hash"));
    }

    String value(String column) {
        return values.get(DisclosureHash.COLUMNS.indexOf(column));
    }
}
