package io.financehub.ledger.adapter;

import io.financehub.ledger.adapter.HledgerLedger;
import io.financehub.ledger.adapter.LedgerHttpClient;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.ledger.domain.JournalEntry;
import io.financehub.invoice.domain.Money;
import io.financehub.support.VendorRoutes;
import io.financehub.support.HledgerWebProcess;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real hledger-web: a lookup right after a post must see the post. hledger-web serves an in-memory copy
 * of the journal and misses a write that lands within a clock tick of its last re-read — until the next write; a
 * plain {@code GET /transactions} straight after the post misses it regularly (counted and printed here). The
 * adapter's lookup must never miss it, or a retry's lookup would post a second time. Its read markers land in the
 * finance team's journal, so they are counted: none for a lookup that finds the post at once, one for a lookup that
 * had to make sure, and a filter that finance can use hides every one of them.
 */
class HledgerLookupAfterWriteIT {

    private static final int ROUNDS = 150;
    private static HledgerWebProcess hledger;
    private static DefaultCamelContext camel;
    private static HledgerLedger ledger;

    @BeforeAll
    static void start() {
        hledger = HledgerWebProcess.start();
        camel = new DefaultCamelContext();
        camel.start();
        VendorRoutes.add(camel, Map.of("hub.accounting.base-url", hledger.url(), "hub.accounting.timeout", "5s"),
                "hledger-read-transactions", "hledger-add-transaction");
        ledger = new HledgerLedger(new LedgerHttpClient(camel.createProducerTemplate()), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        camel.stop();
        hledger.stop();
    }

    @Test
    void everyPostIsFoundByTheLookupThatFollowsIt() {
        String run = "LW-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        int plainMisses = 0;
        int lookupMisses = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String key = run + i + ":post-invoice";
            VendorOutcome outcome = ledger.post(new JournalEntry(key, run + i, LocalDate.of(2026, 1, 15),
                    "Invoice " + run + i + " issued", new Money(100 + i, "USD"), JournalEntry.RECEIVABLE,
                    JournalEntry.SALES));
            assertThat(outcome).isInstanceOf(VendorOutcome.Succeeded.class);
            if (i % 2 == 0 && !hledger.servedCodes().contains(key)) {
                plainMisses++;
            }
            if (ledger.findPosted(key).isEmpty()) {
                lookupMisses++;
            }
        }
        System.out.printf("hledger-web right after a post: plain GET /transactions missed it %d of %d times, "
                + "the marker-and-read lookup %d of %d%n", plainMisses, ROUNDS / 2, lookupMisses, ROUNDS);
        assertThat(lookupMisses).as("lookups that missed the post just before them").isZero();
        assertThat(ledger.transactions()).hasSize(ROUNDS);
        assertThat(hledger.transactionsWithCodePrefix(run)).hasSize(ROUNDS);

        int markers = hledger.transactionsWithCodePrefix(HledgerLedger.MARKER_PREFIX).size();
        System.out.printf("read markers in the journal after %d lookups and one full read: %d%n", ROUNDS, markers);
        assertThat(markers).as("read markers: at most one per lookup that did not find the post at once")
                .isLessThan(ROUNDS);
        String withoutMarkers = hledger.hledger("print", "not:tag:hub-sync");
        assertThat(withoutMarkers).doesNotContain("hub-sync").contains("(" + run + (ROUNDS - 1) + ":post-invoice)");
        assertThat(hledger.hledger("print", "not:code:hub-sync")).isEqualTo(withoutMarkers);
    }
}
