package vn.lgsp.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@link ExchangeSearch} promises, whatever the database: each filter, their combination, keyset paging that
 * neither repeats nor skips rows (also rows with the same timestamp), values taken literally (no SQL, no LIKE
 * wildcards), and counts per state. One data set, written once; the tests only read.
 */
abstract class ExchangeSearchContract extends DatabaseContract {

    static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");
    static final String DOSSIER = "dossier-sync";
    static final String DOCS = "document-exchange";
    static final String INTAKE = "online-intake";

    ExchangeSearch search;
    /** Ids in the order they were created (oldest first). */
    final List<String> created = new ArrayList<>();
    String d1a;
    String d1b;
    String d2;
    String doc;
    String docWild;
    String refused;

    ExchangeSearchContract(TestDatabase database) {
        super(database);
    }

    @BeforeAll
    void fill() {
        // the tests only read this one data set: without a database the whole class is skipped
        assumeDatabase();
        MutableClock clock = new MutableClock(T0);
        ExchangeLog log = new ExchangeLog(jdbc, clock);
        search = new ExchangeSearch(jdbc);

        d1a = add(log, DOSSIER, "demo", "000.00.14.H56-261120-0001", 1L);                   // T0
        clock.advance(Duration.ofMinutes(1));
        d1b = add(log, DOSSIER, "demo", "000.00.14.H56-261120-0001", 2L);                   // T0+1
        clock.advance(Duration.ofMinutes(1));
        d2 = add(log, DOSSIER, "onestop-2", "000.00.14.H56-261120-0002", 1L);               // T0+2
        clock.advance(Duration.ofMinutes(1));
        doc = add(log, DOCS, "agency11", "000.00.11.H56|000.00.14.H56,2026/11/20,125/UBND-VP", 1L);  // T0+3
        docWild = add(log, DOCS, "agency11", "000.00.11.H56|000.00.14.H56,2026/11/20,1X5/UBND-VP", 1L); // T0+3
        clock.advance(Duration.ofMinutes(1));
        refused = add(log, INTAKE, "portal", "000.00.14.H56-261120-0001", null);            // T0+4
        // five more at one and the same instant, to page through ties
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            add(log, DOSSIER, "demo", "000.00.14.H56-261120-01" + i + "0", 1L);              // T0+5
        }
        log.changeState(d1a, ExchangeState.FAILED, ExchangeStep.FAILED, "portal.rejected", "rejected");
        log.changeState(d1b, ExchangeState.HELD, ExchangeStep.HELD, null, "waiting");
        log.changeState(d2, ExchangeState.DELIVERED, ExchangeStep.DELIVERED, null, null);
        log.changeState(doc, ExchangeState.DELIVERED, ExchangeStep.DELIVERED, null, null);
        log.changeState(refused, ExchangeState.FAILED, ExchangeStep.FAILED, "request.invalid_field", "refused");
    }

    private String add(ExchangeLog log, String flow, String client, String subject, Long seq) {
        String id = log.create(new NewExchange(flow, "op", client, null, "ev-" + created.size(), subject, seq, null,
                null, null)).id();
        created.add(id);
        return id;
    }

    private List<String> ids(ExchangeSearch.Criteria c) {
        return search.search(c).items().stream().map(ExchangeRecord::id).toList();
    }

    private static ExchangeSearch.Criteria any() {
        return ExchangeSearch.Criteria.any(100);
    }

    @Test
    void withoutFiltersEverythingComesNewestFirst() {
        List<String> all = ids(any());
        assertThat(all).hasSize(created.size()).containsExactlyInAnyOrderElementsOf(created);
        assertThat(all.subList(all.size() - 3, all.size())).containsExactly(d2, d1b, d1a);
    }

    @Test
    void eachFilterNarrowsTheResult() {
        assertThat(ids(any().withFlows(List.of(DOCS)))).containsExactlyInAnyOrder(doc, docWild);
        assertThat(ids(any().withFlows(List.of(DOCS, INTAKE)))).containsExactlyInAnyOrder(doc, docWild, refused);
        assertThat(ids(any().withStates(List.of(ExchangeState.FAILED)))).containsExactlyInAnyOrder(d1a, refused);
        assertThat(ids(any().withStates(List.of(ExchangeState.FAILED, ExchangeState.HELD))))
                .containsExactlyInAnyOrder(d1a, d1b, refused);
        assertThat(ids(any().between(T0.plusSeconds(60), T0.plusSeconds(180)))).containsExactly(d2, d1b);
        assertThat(ids(any().between(T0.plusSeconds(240), null))).hasSize(6).contains(refused);
        assertThat(ids(any().withSubjectKey("000.00.14.H56-261120-0001")))
                .containsExactly(refused, d1b, d1a);
        assertThat(ids(any().withClientId("onestop-2"))).containsExactly(d2);
        assertThat(ids(any().withDocumentId("000.00.14.H56,2026/11/20,125/UBND-VP"))).containsExactly(doc);
        assertThat(ids(any().withSubjectKey("000.00.14.H56-261120-0001").sequenced()))
                .containsExactly(d1b, d1a);
    }

    @Test
    void filtersCombine() {
        assertThat(ids(any().withFlows(List.of(DOSSIER)).withStates(List.of(ExchangeState.FAILED))))
                .containsExactly(d1a);
        assertThat(ids(any().withSubjectKey("000.00.14.H56-261120-0001").withClientId("portal")))
                .containsExactly(refused);
        assertThat(ids(any().withFlows(List.of(DOCS)).withStates(List.of(ExchangeState.DELIVERED))
                .between(T0, T0.plusSeconds(600)))).containsExactly(doc);
        assertThat(ids(any().withFlows(Set.of(DOSSIER)).withClientId("agency11"))).isEmpty();
    }

    @Test
    void valuesAreTakenLiterallyNeverAsSqlOrWildcards() {
        // '_' would match the 'X' of the other document if it were a LIKE wildcard
        assertThat(ids(any().withDocumentId("000.00.14.H56,2026/11/20,1_5/UBND-VP"))).isEmpty();
        assertThat(ids(any().withDocumentId("%"))).isEmpty();
        assertThat(ids(any().withDocumentId("000.00.14.H56,2026/11/20,1X5/UBND-VP"))).containsExactly(docWild);
        // the document id is the whole tail after the recipient, not any suffix of it
        assertThat(ids(any().withDocumentId("125/UBND-VP"))).isEmpty();
        assertThat(ids(any().withClientId("demo' OR '1'='1"))).isEmpty();
        assertThat(ids(any().withSubjectKey("x' OR 1=1 --"))).isEmpty();
    }

    @Test
    void pagesFollowEachOtherWithoutRepeatsOrGapsAcrossEqualTimestamps() {
        List<String> all = ids(any());
        List<String> paged = new ArrayList<>();
        ExchangeSearch.Criteria c = ExchangeSearch.Criteria.any(2);
        int pages = 0;
        while (true) {
            ExchangeSearch.Page p = search.search(c);
            pages++;
            assertThat(p.items()).hasSizeLessThanOrEqualTo(2);
            p.items().forEach(r -> paged.add(r.id()));
            if (p.next() == null) {
                break;
            }
            // the cursor survives its text form
            c = c.after(ExchangeSearch.Cursor.decode(p.next().encode()).orElseThrow());
        }
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo((all.size() + 1) / 2);
    }

    @Test
    void aFullLastPageHasNoNext() {
        ExchangeSearch.Page p = search.search(ExchangeSearch.Criteria.any(3).withFlows(List.of(DOSSIER))
                .withStates(List.of(ExchangeState.FAILED, ExchangeState.HELD, ExchangeState.DELIVERED)));
        assertThat(p.items()).extracting(ExchangeRecord::id).containsExactly(d2, d1b, d1a);
        assertThat(p.next()).isNull();
    }

    @Test
    void cursorsThatAreNotOursAreRefused() {
        assertThat(ExchangeSearch.Cursor.decode("not a cursor")).isEmpty();
        assertThat(ExchangeSearch.Cursor.decode("")).isEmpty();
        assertThat(ExchangeSearch.Cursor.decode("YWJj")).isEmpty(); // "abc"
        ExchangeSearch.Cursor c = new ExchangeSearch.Cursor(T0, "0f1e2d3c-0000-0000-0000-000000000000");
        assertThat(ExchangeSearch.Cursor.decode(c.encode())).contains(c);
    }

    @Test
    void countsPerStateTellRefusalsApart() {
        Map<ExchangeState, ExchangeSearch.StateCount> all = search.countByState(any());
        assertThat(all.get(ExchangeState.FAILED)).isEqualTo(new ExchangeSearch.StateCount(2, 1));
        assertThat(all.get(ExchangeState.HELD)).isEqualTo(new ExchangeSearch.StateCount(1, 0));
        assertThat(all.get(ExchangeState.DELIVERED)).isEqualTo(new ExchangeSearch.StateCount(2, 0));
        assertThat(all.get(ExchangeState.ACCEPTED)).isEqualTo(new ExchangeSearch.StateCount(6, 0));
        assertThat(all).doesNotContainKey(ExchangeState.DISCARDED);

        Map<ExchangeState, ExchangeSearch.StateCount> dossier = search.countByState(any()
                .withFlows(List.of(DOSSIER)).between(T0, T0.plusSeconds(300)));
        assertThat(dossier).containsOnlyKeys(ExchangeState.FAILED, ExchangeState.HELD, ExchangeState.DELIVERED);
        assertThat(dossier.values()).allSatisfy(n -> assertThat(n.total()).isEqualTo(1));
    }
}
