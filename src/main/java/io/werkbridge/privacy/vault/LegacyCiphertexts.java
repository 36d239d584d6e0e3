package io.werkbridge.privacy.vault;

import io.werkbridge.privacy.operator.KeyedHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Converts values sealed in the hub's former format to the {@link SealedBox} format, at start-up: AES-GCM under a key
 * derived from the hub key with a label, base64 of IV and sealed bytes, no associated data. Each value is opened with
 * the former key and sealed again for its row. Rows are updated only while still in the former format, so hub
 * instances starting together do not undo each other's work. A value that does not open (sealed under another hub
 * key) is left as it is and counted; it was unreadable before too.
 */
public final class LegacyCiphertexts {

    /**
     * A column of sealed values.
     *
     * @param row names a row for the associated data from the values of its key columns, as the column's owner does
     */
    public record Column(String table, String cipherColumn, List<String> keyColumns, Function<List<String>, String> row) {
        public Column {
            keyColumns = List.copyOf(keyColumns);
        }
    }

    /** What one column's conversion did. */
    public record Result(int converted, int unreadable) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LegacyCiphertexts.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int PAGE = 500;
    private final JdbcTemplate jdbc;
    private final SealedBox box;

    public LegacyCiphertexts(JdbcTemplate jdbc, SealedBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** The former key of a label: the HMAC of the label under the hub key, as the former code derived it. */
    public static byte[] formerKey(byte[] hubKey, String label) {
        return HexFormat.of().parseHex(new KeyedHash(hubKey).hash(label));
    }

    /** Converts every value of the column still in the former format; page by page, in key order. */
    public Result convert(Column column, byte[] formerKey) {
        SecretKeySpec key = new SecretKeySpec(formerKey, "AES");
        String keys = String.join(", ", column.keyColumns());
        String after = "(" + keys + ") > (" + String.join(", ", column.keyColumns().stream().map(k -> "?").toList()) + ")";
        String former = column.cipherColumn() + " IS NOT NULL AND " + column.cipherColumn() + " NOT LIKE '" + SealedBox.PREFIX + "%'";
        int converted = 0;
        int unreadable = 0;
        List<String> last = null;
        while (true) {
            String sql = "SELECT " + keys + ", " + column.cipherColumn() + " FROM " + column.table() + " WHERE " + former
                    + (last == null ? "" : " AND " + after) + " ORDER BY " + keys + " FETCH FIRST " + PAGE + " ROWS ONLY";
            int width = column.keyColumns().size();
            List<List<String>> rows = jdbc.query(sql, (rs, n) -> {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= width + 1; i++) {
                    row.add(rs.getString(i));
                }
                return row;
            }, last == null ? new Object[0] : last.toArray());
            for (List<String> row : rows) {
                List<String> keyValues = row.subList(0, width);
                String plain;
                try {
                    plain = open(row.get(width), key);
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    unreadable++;
                    continue;
                }
                List<Object> args = new ArrayList<>();
                args.add(box.seal(plain, column.row().apply(keyValues)));
                args.addAll(keyValues);
                converted += jdbc.update("UPDATE " + column.table() + " SET " + column.cipherColumn() + " = ? WHERE "
                        + String.join(" AND ", column.keyColumns().stream().map(k -> k + " = ?").toList()) + " AND " + former, args.toArray());
            }
            if (rows.size() < PAGE) {
                break;
            }
            last = List.copyOf(rows.get(rows.size() - 1).subList(0, width));
        }
        if (converted > 0 || unreadable > 0) {
            LOG.info("{}.{}: {} values converted to the sealed format, {} that the former key cannot open left as they are",
                    column.table(), column.cipherColumn(), converted, unreadable);
        }
        return new Result(converted, unreadable);
    }

    private static String open(String stored, SecretKeySpec key) throws GeneralSecurityException {
        byte[] bytes = Base64.getDecoder().decode(stored);
        if (bytes.length <= IV_BYTES) {
            throw new GeneralSecurityException("too short for the former format");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
        return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
    }
}
