package io.werkbridge.rights;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.Operation;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers, per customer number, when the customer's contract ends, as the customer-master flow last saw it, so
 * retention can forget the customer's pseudonyms six months later. Nothing else of the master data is kept.
 * What was written is remembered in memory for {@link #REWRITE_AFTER}, so a stream of updates of the same customer
 * (the common case: address or contact changes) costs no database write while the contract end stays the same. The
 * memory is a bounded Caffeine cache: when full, the customers least worth keeping are forgotten one at a time.
 */
public final class CustomerContracts {

    static final Duration REWRITE_AFTER = Duration.ofMinutes(10);
    private static final int MAX_REMEMBERED = 100_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** The contract end last written per customer; the clock drives expiry, so tests can move time. */
    private final Cache<String, Written> written;

    public CustomerContracts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.written = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(REWRITE_AFTER)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .executor(Runnable::run).build();
    }

    /** Route step for customer-master messages; other messages pass untouched. */
    public void remember(Envelope envelope) {
        if (envelope.type() != EntityType.CUSTOMER || envelope.operation() == Operation.DELETE
                || envelope.operation() == Operation.PATCH && !envelope.body().has("contract")) {
            // a patch without a contract leaves the contract end as it was
            return;
        }
        String end = envelope.body().path("contract").path("end").asText(null);
        LocalDate contractEnd;
        try {
            contractEnd = end == null ? null : LocalDate.parse(end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("contract.end is not an ISO date", e);
        }
        Written last = written.getIfPresent(envelope.key());
        if (last != null && Objects.equals(last.contractEnd(), contractEnd)) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        Date date = contractEnd == null ? null : Date.valueOf(contractEnd);
        if (jdbc.update("UPDATE customer_contract SET contract_end = ?, updated_at = ? WHERE customer_number = ?", date, now, envelope.key()) == 0) {
            try {
                jdbc.update("INSERT INTO customer_contract (customer_number, contract_end, updated_at) VALUES (?, ?, ?)", envelope.key(), date, now);
            } catch (DuplicateKeyException raced) {
                jdbc.update("UPDATE customer_contract SET contract_end = ?, updated_at = ? WHERE customer_number = ?", date, now, envelope.key());
            }
        }
        written.put(envelope.key(), new Written(contractEnd));
    }

    /** A contract end as written; null when the customer has none. */
    private record Written(LocalDate contractEnd) {
    }

    /** Customers whose contract ended before {@code cutoff}. */
    public List<String> endedBefore(LocalDate cutoff) {
        return jdbc.queryForList("SELECT customer_number FROM customer_contract WHERE contract_end < ?", String.class, Date.valueOf(cutoff));
    }

    public void forget(String customerNumber) {
        jdbc.update("DELETE FROM customer_contract WHERE customer_number = ?", customerNumber);
        written.invalidate(customerNumber);
    }
}
