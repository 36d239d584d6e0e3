package io.werkbridge.machine.mtconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.it.RequiredTool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The MTConnect position store (migration V4) on H2 and on the local PostgreSQL, compare-and-set included. */
class MtConnectStateStoreTest {

    private static final String PG_URL = System.getProperty("werkbridge.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("werkbridge.test.postgres-user", "postgres");

    @Test
    void onH2() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        positionsMoveOnlyFromWhereTheyWere(db);
    }

    @Test
    void onPostgres() {
        RequiredTool.assumeOrFail(reachable(), "a PostgreSQL server at " + PG_URL + " (user " + PG_USER + ", no password)");
        String schema = "wb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (SingleConnectionDataSource admin = new SingleConnectionDataSource(PG_URL, PG_USER, "", true)) {
            try {
                Flyway.configure().dataSource(admin).schemas(schema).createSchemas(true)
                        .locations("classpath:db/migration").load().migrate();
                positionsMoveOnlyFromWhereTheyWere(new DriverManagerDataSource(PG_URL + "?currentSchema=" + schema, PG_USER, ""));
            } finally {
                new JdbcTemplate(admin).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void positionsMoveOnlyFromWhereTheyWere(DataSource db) {
        MtConnectStateStore store = new MtConnectStateStore(new JdbcTemplate(db), Clock.systemUTC());
        MtConnectStateStore.Position a4 = new MtConnectStateStore.Position("1700000000", 4);
        MtConnectStateStore.Position a9 = new MtConnectStateStore.Position("1700000000", 9_000_000_000L);
        assertThat(store.load("lathe")).isEmpty();
        assertThat(store.save("lathe", Optional.empty(), a4)).isTrue();
        assertThat(store.save("lathe", Optional.empty(), a9)).as("a second first insert loses").isFalse();
        assertThat(store.save("lathe", Optional.of(a4), a9)).isTrue();
        assertThat(store.save("lathe", Optional.of(a4), new MtConnectStateStore.Position("B", 1)))
                .as("a stale position never moves it").isFalse();
        assertThat(store.load("lathe")).contains(a9);
        assertThat(store.load("other")).isEmpty();
    }

    private static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
