package io.werkbridge.flow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.api.Trigger;

/**
 * An H2 trigger on the disclosure table that refuses the records of chosen messages, standing in for a database
 * that fails the audit append (disk full, lock timeout) for those messages only.
 */
public final class FailingDisclosureTrigger implements Trigger {

    private static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();
    private int messageIdColumn;

    static void refuse(String messageId) {
        REFUSED.add(messageId);
    }

    static void accept(String messageId) {
        REFUSED.remove(messageId);
    }

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (var columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            int index = 0;
            while (columns.next()) {
                if ("MESSAGE_ID".equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                    messageIdColumn = index;
                }
                index++;
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && REFUSED.contains(String.valueOf(newRow[messageIdColumn]))) {
            throw new SQLException("test: the disclosure log refuses this record");
        }
    }
}
