package io.werkbridge.privacy.audit;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks the disclosure chain in id order, page by page, and checks that each record names its predecessor's hash
 * and that its own hash matches its stored columns; finally that the last record is the one the chain head names
 * (which detects records removed from the end). Rows without a hash before the first hashed row were written before
 * the chain existed and are only counted; a row without a hash after it is a break.
 */
public final class DisclosureVerifier {

    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;

    public DisclosureVerifier(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public ChainReport verify() {
        Head head = jdbc.queryForObject("SELECT last_id, last_hash, anchor_id, anchor_hash FROM disclosure_chain_head WHERE id = 1",
                (rs, n) -> new Head(rs.getObject("last_id", Long.class), rs.getString("last_hash"),
                        rs.getObject("anchor_id", Long.class), rs.getString("anchor_hash")));
        long upTo = head.lastId() == null ? Long.MAX_VALUE : head.lastId();
        String expected = head.anchorHash() == null ? DisclosureHash.GENESIS : head.anchorHash();
        long checked = 0;
        long unchained = 0;
        long after = head.anchorId() == null ? Long.MIN_VALUE : head.anchorId();
        List<StoredDisclosure> page;
        do {
            page = jdbc.query(StoredDisclosure.SELECT + " WHERE id > ? AND id <= ? ORDER BY id FETCH FIRST " + PAGE
                    + " ROWS ONLY", StoredDisclosure::read, after, upTo);
            for (StoredDisclosure row : page) {
                after = row.id();
                if (row.recordHash() == null && checked == 0) {
                    unchained++;
                    continue;
                }
                checked++;
                String problem = problem(row, expected);
                if (problem != null) {
                    return new ChainReport(false, checked, row.id(), problem);
                }
                expected = row.recordHash();
            }
        } while (page.size() == PAGE);
        if (!expected.equals(head.lastHash())) {
            return new ChainReport(false, checked, head.lastId(), "the chain head names record " + head.lastId()
                    + " as the last one, but the chain ends elsewhere: records at the end were removed or altered");
        }
        return new ChainReport(true, checked, null, "chain intact: " + checked + " record(s) link from "
                + (head.anchorId() == null ? "the genesis value" : "the retention anchor (records up to " + head.anchorId() + " pruned)")
                + " to the chain head" + (unchained == 0 ? "" : "; " + unchained + " older record(s) predate the chain"));
    }

    private static String problem(StoredDisclosure row, String expected) {
        if (row.recordHash() == null || row.prevHash() == null) {
            return "record " + row.id() + " has no hash: it was written outside the disclosure log or its hash was removed";
        }
        if (!row.prevHash().equals(expected)) {
            return "record " + row.id() + " does not link to the record before it: a record was removed or reordered";
        }
        if (!DisclosureHash.of(row.values(), row.prevHash()).equals(row.recordHash())) {
            return "record " + row.id() + " does not match its hash: its content was altered";
        }
        return null;
    }

    private record Head(Long lastId, String lastHash, Long anchorId, String anchorHash) {
    }
}
