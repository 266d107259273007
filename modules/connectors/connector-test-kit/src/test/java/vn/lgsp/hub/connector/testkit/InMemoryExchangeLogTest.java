package vn.lgsp.hub.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.NewExchange;

class InMemoryExchangeLogTest {

    @RegisterExtension
    static final InMemoryExchangeLog exchangeLog = new InMemoryExchangeLog();

    @Test
    void holdsTheExchangesAFlowRecordsInTheRealSchema() {
        ExchangeRecord created = exchangeLog.log().create(new NewExchange("enterprises", "lookup", "portal", "cid-1",
                "evt-1", "2800123456", null, "038*****3456", null, null));
        exchangeLog.log().setState(created.id(), ExchangeState.DELIVERED);

        assertThat(exchangeLog.assertThatLog().reaches("enterprises", "evt-1", ExchangeState.DELIVERED).id())
                .isEqualTo(created.id());
        assertThat(exchangeLog.assertThatLog().hasExchange("enterprises", "evt-1").subjectKey()).isEqualTo("2800123456");
        exchangeLog.assertThatLog().containsNoneOf("038095123456");
    }

    @Test
    void findsPersonalDataLeftInTheLog() {
        exchangeLog.log().create(new NewExchange("enterprises", "lookup", "portal", "cid-2", "evt-2",
                "Nguyễn Văn An", null, null, null, null));

        assertThatThrownBy(() -> exchangeLog.assertThatLog().containsNoneOf("Nguyễn Văn An"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> exchangeLog.assertThatLog().hasExchange("enterprises", "no-such-event"))
                .isInstanceOf(AssertionError.class);
    }
}
