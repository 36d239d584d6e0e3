package io.werkbridge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.config.BindingFailures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class H2FileSyncTest {

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    static class Marker {
        @Bean
        @Conditional(H2FileSync.Enabled.class)
        String h2FileSyncWanted() {
            return "yes";
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Marker.class);

    @Test
    void onlyAnH2FileIsSynced() {
        context.withPropertyValues("spring.datasource.url=jdbc:h2:file:./data/db/werkbridge;WRITE_DELAY=0")
                .run(c -> assertThat(c).hasBean("h2FileSyncWanted"));
        context.withPropertyValues("spring.datasource.url=jdbc:h2:./data/werkbridge")
                .run(c -> assertThat(c).hasBean("h2FileSyncWanted"));
        context.withPropertyValues("spring.datasource.url=jdbc:h2:mem:werkbridge")
                .run(c -> assertThat(c).doesNotHaveBean("h2FileSyncWanted"));
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db:5432/werkbridge")
                .run(c -> assertThat(c).doesNotHaveBean("h2FileSyncWanted"));
        context.withPropertyValues("spring.datasource.url=jdbc:h2:file:./data/db/werkbridge", "werkbridge.database.h2-sync-interval=0")
                .run(c -> assertThat(c).doesNotHaveBean("h2FileSyncWanted"));
        context.withPropertyValues("spring.datasource.url=jdbc:h2:file:./data/db/werkbridge", "werkbridge.database.h2-sync-interval=250ms")
                .run(c -> assertThat(c).hasBean("h2FileSyncWanted"));
    }

    @Test
    void syncsTheFileAtEveryIntervalAndKeepsGoingAfterAFailure() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1";
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        admin.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        admin.execute("CREATE USER reader PASSWORD 'reader-only'");
        // a user without admin rights may not sync the file: every sync fails, and the next one is still tried
        DataSource readerSource = new DriverManagerDataSource(url, "reader", "reader-only");
        assertThatThrownBy(() -> new JdbcTemplate(readerSource).execute("CHECKPOINT SYNC")).isInstanceOf(DataAccessException.class);
        CountingJdbcTemplate reader = new CountingJdbcTemplate(readerSource, 3);
        try (H2FileSync sync = new H2FileSync(reader, Duration.ofMillis(20))) {
            assertThat(reader.attempts.await(5, TimeUnit.SECONDS)).as("three syncs tried, each after a failed one").isTrue();
        }
        assertThat(reader.failures).isGreaterThanOrEqualTo(3);

        CountingJdbcTemplate owner = new CountingJdbcTemplate(admin.getDataSource(), 2);
        try (H2FileSync sync = new H2FileSync(owner, Duration.ofMillis(20))) {
            admin.update("INSERT INTO t VALUES (1)");
            assertThat(owner.attempts.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(owner.failures).isZero();
        }
        assertThat(admin.queryForObject("SELECT COUNT(*) FROM t", Integer.class)).isEqualTo(1);
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        // 0 means off (no bean, above); a negative interval passes the condition and is refused where it is bound
        context.withUserConfiguration(DatabasePropertiesTest.Binding.class)
                .withPropertyValues("spring.datasource.url=jdbc:h2:file:./data/db/werkbridge", "werkbridge.database.h2-sync-interval=-1s")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.database.h2-sync-interval"));
    }

    /** Counts the statements run through it, and the ones that failed. */
    private static final class CountingJdbcTemplate extends JdbcTemplate {
        final CountDownLatch attempts;
        volatile int failures;

        CountingJdbcTemplate(DataSource dataSource, int expected) {
            super(dataSource);
            this.attempts = new CountDownLatch(expected);
        }

        @Override
        public void execute(String sql) {
            try {
                super.execute(sql);
            } catch (DataAccessException e) {
                failures++;
                throw e;
            } finally {
                attempts.countDown();
            }
        }
    }
}
