package vn.lgsp.hub.app.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import vn.lgsp.hub.audit.ExchangeSearch;

/**
 * A page of exchanges, newest first.
 *
 * @param next  pass as {@code cursor} to get the following page; {@code null} on the last page (always present)
 * @param limit the page size asked for
 */
public record ExchangePage(List<ExchangeSummary> items, @JsonInclude(JsonInclude.Include.ALWAYS) String next,
                           int limit) {

    static ExchangePage of(ExchangeSearch.Page page, int limit) {
        return new ExchangePage(page.items().stream().map(ExchangeSummary::of).toList(),
                page.next() == null ? null : page.next().encode(), limit);
    }
}
