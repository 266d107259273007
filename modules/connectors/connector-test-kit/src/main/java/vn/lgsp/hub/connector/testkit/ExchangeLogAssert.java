package vn.lgsp.hub.connector.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;

/**
 * Assertions on an {@link InMemoryExchangeLog}: that an exchange reaches a state (waiting with Awaitility, since
 * flows record asynchronously), and that no personal data stands unmasked in any text the log holds.
 */
public final class ExchangeLogAssert extends AbstractAssert<ExchangeLogAssert, ExchangeLog> {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Every text column of the two tables that keep what an exchange was about and how it went. */
    private static final List<String> TEXT_COLUMNS = List.of(
            "SELECT CONCAT_WS(' ', flow, operation, client_id, correlation_id, event_key, subject_key, subject_masked,"
                    + " last_error_code, last_error, officer_id, purpose) FROM exchange",
            "SELECT CONCAT_WS(' ', step, outcome, error_code, detail) FROM exchange_event");

    private final JdbcTemplate jdbc;

    ExchangeLogAssert(ExchangeLog actual, JdbcTemplate jdbc) {
        super(actual, ExchangeLogAssert.class);
        this.jdbc = jdbc;
    }

    /** Waits until the exchange of {@code flow} with {@code eventKey} exists and is in {@code state}; returns it. */
    public ExchangeRecord reaches(String flow, String eventKey, ExchangeState state) {
        return await().atMost(WAIT).until(() -> actual.findByEventKey(flow, eventKey),
                found -> found.filter(record -> record.state() == state).isPresent()).orElseThrow();
    }

    /** The exchange of {@code flow} with {@code eventKey} exists now. */
    public ExchangeRecord hasExchange(String flow, String eventKey) {
        Optional<ExchangeRecord> found = actual.findByEventKey(flow, eventKey);
        if (found.isEmpty()) {
            failWithMessage("Expected an exchange of flow <%s> with event key <%s>, found none", flow, eventKey);
        }
        return found.orElseThrow();
    }

    /** None of {@code values} (a personal ID, a name, a secret) appears anywhere in the log's text. */
    public ExchangeLogAssert containsNoneOf(String... values) {
        for (String query : TEXT_COLUMNS) {
            for (String row : jdbc.queryForList(query, String.class)) {
                for (String value : values) {
                    if (row != null && row.contains(value)) {
                        failWithMessage("Expected no <%s> in the exchange log, but a row says <%s>", value, row);
                    }
                }
            }
        }
        return this;
    }
}
