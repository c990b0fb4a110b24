package io.financehub.ledger;

import io.financehub.sideeffect.application.SideEffectPolicy;
import io.financehub.ledger.adapter.AccountingProperties;
import io.financehub.ledger.adapter.HledgerLedger;
import io.financehub.ledger.adapter.SandboxAccountingLedger;
import io.financehub.ledger.adapter.XeroLedger;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code HUB_ACCOUNTING_KIND} picks the ledger; a timeout that could outlast the lease is refused at start. */
class AccountingLedgerSelectionTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final LedgerConfiguration vendors = new LedgerConfiguration();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void theSandboxIsTheDefault() {
        assertThat(vendors.accountingLedger(properties(null, null), lease(Duration.ofMinutes(2)), null, camel.createProducerTemplate(),
                Clock.systemUTC())).isInstanceOf(SandboxAccountingLedger.class);
    }

    @Test
    void hledgerAndXeroCallTheirRoutesAndNeedTheirUrl() {
        assertThat(vendors.accountingLedger(properties("hledger", null), lease(Duration.ofMinutes(2)), null, camel.createProducerTemplate(),
                Clock.systemUTC())).isInstanceOf(HledgerLedger.class);
        assertThat(vendors.accountingLedger(properties("xero", null), lease(Duration.ofMinutes(2)), null, camel.createProducerTemplate(),
                Clock.systemUTC())).isInstanceOf(XeroLedger.class);
        assertThatThrownBy(() -> vendors.accountingLedger(new AccountingProperties("xero", null, null, null, null,
                null), lease(Duration.ofMinutes(2)), null, camel.createProducerTemplate(), Clock.systemUTC()))
                .hasMessageContaining("HUB_ACCOUNTING_URL");
    }

    @Test
    void aTimeoutThatLetsAnAttemptOutlastTheLeaseIsRefused() {
        // hledger: 4 calls x 3 waits x 10 s = 120 s, not shorter than a 2-minute lease
        assertThatThrownBy(() -> vendors.accountingLedger(properties("hledger", Duration.ofSeconds(10)),
                lease(Duration.ofMinutes(2)), null, camel.createProducerTemplate(), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HUB_ACCOUNTING_TIMEOUT");
        assertThat(vendors.accountingLedger(properties("xero", Duration.ofSeconds(10)), lease(Duration.ofMinutes(2)),
                null, camel.createProducerTemplate(), Clock.systemUTC())).isInstanceOf(XeroLedger.class);
    }

    @Test
    void aLookupDelayThatDoesNotOutlastOneCallIsRefused() {
        // the delay runs from just before the post: one call may wait 3 x 5 s for it, so 15 s would leave no margin
        assertThatThrownBy(() -> vendors.accountingLedger(new AccountingProperties("hledger", "http://127.0.0.1:5000",
                        Duration.ofSeconds(5), null, Duration.ofSeconds(15), null), lease(Duration.ofMinutes(2)), null,
                camel.createProducerTemplate(), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HUB_ACCOUNTING_LOOKUP_DELAY");
        assertThat(vendors.accountingLedger(new AccountingProperties("hledger", "http://127.0.0.1:5000",
                Duration.ofSeconds(5), null, Duration.ofSeconds(16), null), lease(Duration.ofMinutes(2)), null, camel.createProducerTemplate(),
                Clock.systemUTC()).lookupDelay()).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void anUnknownKindIsRefused() {
        assertThatThrownBy(() -> vendors.accountingLedger(properties("quickbooks", null), lease(Duration.ofMinutes(2)),
                null, camel.createProducerTemplate(), Clock.systemUTC())).hasMessageContaining("hledger, xero or sandbox");
    }

    private static AccountingProperties properties(String kind, Duration timeout) {
        return new AccountingProperties(kind, "http://127.0.0.1:5000", timeout, null, null, null);
    }

    private static SideEffectPolicy lease(Duration lease) {
        return new SideEffectPolicy(lease, Duration.ofSeconds(30), 6, Duration.ofSeconds(2), Duration.ofMinutes(5));
    }
}
